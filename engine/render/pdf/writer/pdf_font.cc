#include "render/pdf/writer/pdf_font.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <cmath>

#include "render/pdf/font/font_subset.h"
#include "render/pdf/layout/utf8.h"
#include "render/pdf/writer/haru.h"
#include "render/pdf/writer/to_unicode_cmap.h"
#include "source/sha256.h"

namespace kansli::pdf {
namespace {

// PDF font descriptor flags (PDF 1.7, 9.8.2).
constexpr int kFixedPitch = 1;
constexpr int kSymbolic = 4;  // as for every CIDFont: glyphs are addressed by number
constexpr int kItalic = 64;

HPDF_Array NumberArray(HPDF_Doc doc, std::initializer_list<double> values) {
  HPDF_Array array = HPDF_Array_New(doc->mmgr);
  for (double value : values) {
    if (array == nullptr ||
        HPDF_Array_Add(array, HPDF_Real_New(doc->mmgr, static_cast<HPDF_REAL>(value))) != HPDF_OK) {
      return nullptr;
    }
  }
  return array;
}

// "ABCDEF+": six letters a PDF puts before a subset's name, from the glyphs it holds, so that
// the same subset is always named the same.
std::string SubsetTag(const std::vector<uint16_t>& glyphs) {
  std::string hex = Sha256Hex(std::string_view(reinterpret_cast<const char*>(glyphs.data()),
                                               glyphs.size() * sizeof(uint16_t)));
  std::string tag;
  for (size_t i = 0; i < 6; ++i)
    tag += static_cast<char>('A' + std::stoi(hex.substr(2 * i, 2), nullptr, 16) % 26);
  return tag + "+";
}

}  // namespace

void PdfFont::Use(std::string_view utf8) {
  for (size_t at = 0; at < utf8.size();) {
    const CodePoint cp = NextCodePoint(utf8, at);
    at += cp.length;
    const uint16_t glyph = file_.Glyph(cp.value);
    if (glyph == 0) {
      missing_.insert(cp.value);
      continue;
    }
    if (glyph < used_.size() && used_[glyph] == 0) {
      used_[glyph] = cp.value < 0x20 || (cp.value >= 0x7F && cp.value < 0xA0) ? U' ' : cp.value;
    }
  }
}

bool PdfFont::Embed(HPDF_Doc doc) {
  std::vector<uint16_t> glyphs;
  for (size_t glyph = 0; glyph < used_.size(); ++glyph) {
    if (used_[glyph] != 0) glyphs.push_back(static_cast<uint16_t>(glyph));
  }
  std::optional<FontSubset> subset = SubsetFont(file_, glyphs);
  if (!subset) return false;
  const size_t count = subset->old_glyphs.size();
  new_glyph_.assign(static_cast<size_t>(file_.glyph_count()), 0);
  for (size_t g = 0; g < count; ++g) new_glyph_[subset->old_glyphs[g]] = static_cast<uint16_t>(g);

  const FontFacts& facts = file_.facts();
  const double scale = 1000.0 / facts.units_per_em;  // PDF glyph space is 1000 units per em
  const std::string name = SubsetTag(subset->old_glyphs) + facts.postscript_name;

  // Widths of every glyph of the subset, in glyph-number order: "[0 [w0 w1 …]]".
  HPDF_Array widths = HPDF_Array_New(doc->mmgr);
  HPDF_Array run = HPDF_Array_New(doc->mmgr);
  std::vector<std::pair<uint16_t, char32_t>> texts;
  widths_.assign(count, 0);
  for (size_t g = 0; g < count; ++g) {
    const uint16_t old = subset->old_glyphs[g];
    widths_[g] = std::round(file_.Advance(old) * scale * 100) / 100;
    HPDF_Array_Add(run, HPDF_Real_New(doc->mmgr, static_cast<HPDF_REAL>(widths_[g])));
    if (old < used_.size() && used_[old] != 0) texts.emplace_back(g, used_[old]);
  }
  HPDF_Array_Add(widths, HPDF_Number_New(doc->mmgr, 0));
  HPDF_Array_Add(widths, run);

  // PDF/A-1 asks a subset's descriptor for a CIDSet: a bit per glyph number present, high bit
  // first. Numbers run 0..count-1 without gaps.
  std::string cid_set((count + 7) / 8, '\xFF');
  if (count % 8 != 0) cid_set.back() = static_cast<char>(0xFF << (8 - count % 8));

  HPDF_Dict file = NewStream(doc, Pack(subset->bytes));
  HPDF_Dict set = NewStream(doc, Pack(cid_set));
  HPDF_Dict cmap = NewStream(doc, Pack(ToUnicodeCMap(texts)));
  HPDF_Dict descriptor = NewIndirectDict(doc);
  HPDF_Dict cid_font = NewIndirectDict(doc);
  HPDF_Dict type0 = NewIndirectDict(doc);
  HPDF_Dict system = HPDF_Dict_New(doc->mmgr);
  HPDF_Array descendants = HPDF_Array_New(doc->mmgr);
  HPDF_Array bbox = NumberArray(doc, {facts.bbox[0] * scale, facts.bbox[1] * scale,
                                      facts.bbox[2] * scale, facts.bbox[3] * scale});
  if (file == nullptr || set == nullptr || cmap == nullptr || descriptor == nullptr ||
      cid_font == nullptr || type0 == nullptr || system == nullptr || descendants == nullptr ||
      bbox == nullptr || widths == nullptr || run == nullptr) {
    return false;
  }
  int flags = kSymbolic;
  if (facts.fixed_pitch) flags |= kFixedPitch;
  if (facts.italic_angle != 0) flags |= kItalic;
  // StemV is required but not in the font; estimated from the weight class as others do.
  const int stem_v = 10 + 220 * std::max(facts.weight - 50, 0) / 900;
  auto number = [&](double value) {
    return HPDF_Number_New(doc->mmgr, static_cast<HPDF_INT32>(std::lround(value)));
  };
  HPDF_STATUS status = HPDF_OK;
  status |= HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(subset->bytes.size()));
  status |= HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
  status |= HPDF_Dict_AddName(descriptor, "FontName", name.c_str());
  status |= HPDF_Dict_AddNumber(descriptor, "Flags", flags);
  status |= HPDF_Dict_Add(descriptor, "FontBBox", bbox);
  status |= HPDF_Dict_Add(descriptor, "ItalicAngle",
                          HPDF_Real_New(doc->mmgr, static_cast<HPDF_REAL>(facts.italic_angle)));
  status |= HPDF_Dict_Add(descriptor, "Ascent", number(facts.ascent * scale));
  status |= HPDF_Dict_Add(descriptor, "Descent", number(facts.descent * scale));
  status |= HPDF_Dict_Add(descriptor, "CapHeight", number(facts.cap_height * scale));
  status |= HPDF_Dict_AddNumber(descriptor, "StemV", stem_v);
  status |= HPDF_Dict_Add(descriptor, "FontFile2", file);
  status |= HPDF_Dict_Add(descriptor, "CIDSet", set);

  status |= HPDF_Dict_Add(system, "Registry", HPDF_String_New(doc->mmgr, "Adobe", nullptr));
  status |= HPDF_Dict_Add(system, "Ordering", HPDF_String_New(doc->mmgr, "Identity", nullptr));
  status |= HPDF_Dict_AddNumber(system, "Supplement", 0);
  status |= HPDF_Dict_AddName(cid_font, "Type", "Font");
  status |= HPDF_Dict_AddName(cid_font, "Subtype", "CIDFontType2");
  status |= HPDF_Dict_AddName(cid_font, "BaseFont", name.c_str());
  status |= HPDF_Dict_Add(cid_font, "CIDSystemInfo", system);
  status |= HPDF_Dict_Add(cid_font, "FontDescriptor", descriptor);
  status |= HPDF_Dict_Add(cid_font, "W", widths);
  status |= HPDF_Dict_AddName(cid_font, "CIDToGIDMap", "Identity");

  status |= HPDF_Array_Add(descendants, cid_font);
  status |= HPDF_Dict_AddName(type0, "Type", "Font");
  status |= HPDF_Dict_AddName(type0, "Subtype", "Type0");
  status |= HPDF_Dict_AddName(type0, "BaseFont", name.c_str());
  status |= HPDF_Dict_AddName(type0, "Encoding", "Identity-H");
  status |= HPDF_Dict_Add(type0, "DescendantFonts", descendants);
  status |= HPDF_Dict_Add(type0, "ToUnicode", cmap);
  if (status != HPDF_OK) return false;
  dict_ = type0;
  return true;
}

bool PdfFont::ShowsAll(std::string_view utf8) const {
  if (missing_.empty()) return true;
  for (size_t at = 0; at < utf8.size();) {
    const CodePoint cp = NextCodePoint(utf8, at);
    at += cp.length;
    if (file_.Glyph(cp.value) == 0) return false;
  }
  return true;
}

double PdfFont::Encode(std::string_view utf8, std::string& hex) const {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  double advance = 0;
  hex += '<';
  for (size_t at = 0; at < utf8.size();) {
    const CodePoint cp = NextCodePoint(utf8, at);
    at += cp.length;
    const uint16_t glyph = file_.Glyph(cp.value);
    const unsigned code = glyph < new_glyph_.size() ? new_glyph_[glyph] : 0;
    for (int shift = 12; shift >= 0; shift -= 4) hex += kDigits[(code >> shift) & 0xF];
    if (code < widths_.size()) advance += widths_[code];
  }
  hex += '>';
  return advance;
}

}  // namespace kansli::pdf
