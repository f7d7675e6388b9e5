#include "render/pdf/font/font_file.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>

#include "render/pdf/font/font_subset.h"
#include "render/pdf/font/hb.h"

namespace kansli::pdf {
namespace {

// Far above any real text face (Liberation's are under 1 MiB, large CJK faces ~20 MiB) and
// small enough that a wrong path to a huge file is refused before it is read.
constexpr std::uintmax_t kMaxFontBytes = 64 * 1024 * 1024;

std::string SignatureProblem(std::string_view bytes) {
  if (bytes.size() < 12) return "is not a TrueType font";
  std::string_view tag = bytes.substr(0, 4);
  if (tag == std::string_view("\0\1\0\0", 4) || tag == "true") return "";
  if (tag == "OTTO") {
    return "is an OpenType font with CFF outlines; a TrueType (.ttf) font is needed";
  }
  if (tag == "ttcf") return "is a font collection (.ttc); a single TrueType (.ttf) font is needed";
  return "is not a TrueType font";
}

// Big-endian fields of a font's bytes, 0 past their end.
class BigEndian {
 public:
  explicit BigEndian(std::string_view bytes) : bytes_(bytes) {}
  size_t size() const { return bytes_.size(); }
  int Int16(size_t offset) const { return static_cast<int16_t>(Uint16(offset)); }
  uint16_t Uint16(size_t offset) const {
    if (offset + 2 > bytes_.size()) return 0;
    return static_cast<uint16_t>(static_cast<uint8_t>(bytes_[offset]) << 8 |
                                 static_cast<uint8_t>(bytes_[offset + 1]));
  }
  uint32_t Uint32(size_t offset) const {
    return static_cast<uint32_t>(Uint16(offset)) << 16 | Uint16(offset + 2);
  }

 private:
  std::string_view bytes_;
};

// One table of a face, read through HarfBuzz.
class TableReader : public BigEndian {
 public:
  TableReader(hb_face_t* face, hb_tag_t tag)
      : TableReader(HbBlob(hb_face_reference_table(face, tag))) {}
  bool empty() const { return size() == 0; }

 private:
  explicit TableReader(HbBlob blob) : BigEndian(View(blob.get())), blob_(std::move(blob)) {}
  static std::string_view View(hb_blob_t* blob) {
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob, &length);
    return data == nullptr ? std::string_view() : std::string_view(data, length);
  }

  HbBlob blob_;  // owns the bytes the view reads
};

std::string PostScriptName(hb_face_t* face) {
  char name[128] = {};
  unsigned size = sizeof name;
  hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, name);
  std::string safe;
  for (const char* c = name; *c != '\0'; ++c) {
    if (std::isalnum(static_cast<unsigned char>(*c)) || *c == '-' || *c == '_') safe += *c;
  }
  return safe.empty() ? "Font" : safe;
}

// The first table the file's table directory places (partly) beyond its end, as "glyf"; empty
// if all are inside. HarfBuzz would quietly read such a table as empty and fail later.
std::string TableBeyondEnd(std::string_view bytes) {
  const BigEndian file(bytes);
  const uint32_t tables = file.Uint16(4);
  if (12 + 16 * static_cast<size_t>(tables) > bytes.size()) return "table directory";
  for (uint32_t i = 0; i < tables; ++i) {
    const size_t record = 12 + 16 * static_cast<size_t>(i);
    if (static_cast<uint64_t>(file.Uint32(record + 8)) + file.Uint32(record + 12) > bytes.size()) {
      return std::string(bytes.substr(record, 4));
    }
  }
  return "";
}

}  // namespace

std::shared_ptr<const FontFile> FontFile::Load(const std::filesystem::path& path,
                                               std::string& problem) {
  std::error_code ec;
  std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) {
    problem = "cannot be read";
    return nullptr;
  }
  if (size > kMaxFontBytes) {
    problem = "is larger than 64 MiB, too large for a font";
    return nullptr;
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    problem = "cannot be read";
    return nullptr;
  }
  if (problem = SignatureProblem(bytes); !problem.empty()) return nullptr;
  if (std::string table = TableBeyondEnd(bytes); !table.empty()) {
    problem = "cannot be loaded as a TrueType font (its " + table +
              " table reaches past the end of the file: is it cut short?)";
    return nullptr;
  }

  auto file = std::make_shared<FontFile>();
  // The face reads the bytes in place: FontFile keeps them, and destroys the face first.
  file->bytes_ = std::move(bytes);
  file->blob_.reset(hb_blob_create_or_fail(file->bytes_.data(),
                                           static_cast<unsigned>(file->bytes_.size()),
                                           HB_MEMORY_MODE_READONLY, nullptr, nullptr),
                    hb_blob_destroy);
  if (file->blob_ == nullptr) {
    problem = "cannot be read (out of memory)";
    return nullptr;
  }
  HbFace face(hb_face_create(file->blob_.get(), 0));
  const unsigned glyphs = hb_face_get_glyph_count(face.get());
  for (hb_tag_t tag :
       {HB_TAG('h', 'e', 'a', 'd'), HB_TAG('h', 'h', 'e', 'a'), HB_TAG('h', 'm', 't', 'x'),
        HB_TAG('l', 'o', 'c', 'a'), HB_TAG('g', 'l', 'y', 'f')}) {
    if (glyphs == 0 || TableReader(face.get(), tag).empty()) {
      problem = "cannot be loaded as a TrueType font (a required table is missing or damaged)";
      return nullptr;
    }
  }
  hb_face_make_immutable(face.get());
  HbFont font(hb_font_create(face.get()));

  FontFacts& facts = file->facts_;
  facts.postscript_name = PostScriptName(face.get());
  facts.units_per_em = static_cast<int>(hb_face_get_upem(face.get()));
  hb_position_t value = 0;
  if (hb_ot_metrics_get_position(font.get(), HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &value)) {
    facts.ascent = value;
  }
  if (hb_ot_metrics_get_position(font.get(), HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &value)) {
    facts.descent = std::min(value, 0);
  }
  facts.cap_height = hb_ot_metrics_get_position(font.get(), HB_OT_METRICS_TAG_CAP_HEIGHT, &value)
                         ? value
                         : facts.ascent * 7 / 10;
  TableReader head(face.get(), HB_TAG('h', 'e', 'a', 'd'));
  for (int i = 0; i < 4; ++i) facts.bbox[i] = head.Int16(36 + 2 * i);
  facts.italic_angle = hb_style_get_value(font.get(), HB_STYLE_TAG_SLANT_ANGLE);
  facts.weight = static_cast<int>(std::lround(hb_style_get_value(font.get(), HB_STYLE_TAG_WEIGHT)));
  facts.fixed_pitch = TableReader(face.get(), HB_TAG('p', 'o', 's', 't')).Uint32(12) != 0;

  file->advances_.resize(glyphs);
  for (unsigned g = 0; g < glyphs; ++g) {
    file->advances_[g] = static_cast<uint16_t>(
        std::clamp<hb_position_t>(hb_font_get_glyph_h_advance(font.get(), g), 0, 0xFFFF));
  }
  file->bmp_.assign(0x10000, 0);
  HbSet unicodes(hb_set_create());
  hb_face_collect_unicodes(face.get(), unicodes.get());
  for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(unicodes.get(), &cp);) {
    hb_codepoint_t glyph = 0;
    if (!hb_font_get_nominal_glyph(font.get(), cp, &glyph) || glyph >= glyphs) continue;
    if (cp <= 0xFFFF) {
      file->bmp_[cp] = static_cast<uint16_t>(glyph);
    } else {
      file->astral_.emplace_back(cp, static_cast<uint16_t>(glyph));
    }
  }
  for (auto [from, to] : {std::pair<char32_t, char32_t>{0x20, 0x24F}, {0x2000, 0x206F},
                          {0x20A0, 0x20CF}, {0x2100, 0x215F}, {0x2190, 0x21FF}}) {
    for (char32_t cp = from; cp <= to; ++cp) {
      if (const uint16_t glyph = file->Glyph(cp); glyph != 0) file->common_glyphs_.push_back(glyph);
    }
  }
  file->common_glyphs_.push_back(0);
  std::sort(file->common_glyphs_.begin(), file->common_glyphs_.end());
  file->common_glyphs_.erase(std::unique(file->common_glyphs_.begin(), file->common_glyphs_.end()),
                             file->common_glyphs_.end());
  file->in_common_.assign(glyphs, false);
  for (uint16_t glyph : file->common_glyphs_) file->in_common_[glyph] = true;
  return file;
}

FontFile::FaceLease FontFile::LeaseFaces() const {
  {
    std::lock_guard lock(faces_mutex_);
    if (!idle_faces_.empty()) {
      FaceLease lease(idle_faces_.back().release(), GiveBack{this});
      idle_faces_.pop_back();
      return lease;
    }
  }
  auto faces = std::make_unique<SubsetFaces>();
  faces->whole.reset(hb_face_create(blob_.get(), 0), hb_face_destroy);
  hb_face_make_immutable(faces->whole.get());
  faces->common = CommonFace(faces->whole.get(), common_glyphs_);
  return FaceLease(faces.release(), GiveBack{this});
}

void FontFile::GiveBack::operator()(SubsetFaces* faces) const {
  std::unique_ptr<SubsetFaces> owned(faces);
  std::lock_guard lock(font->faces_mutex_);
  font->idle_faces_.push_back(std::move(owned));
}

uint16_t FontFile::Glyph(char32_t cp) const {
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) cp = ' ';
  if (cp <= 0xFFFF) return bmp_[cp];
  auto it = std::lower_bound(astral_.begin(), astral_.end(), std::pair<char32_t, uint16_t>{cp, 0});
  return it != astral_.end() && it->first == cp ? it->second : 0;
}

std::string HarfBuzzVersion() { return hb_version_string(); }

}  // namespace kansli::pdf
