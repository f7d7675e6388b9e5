#include "render/pdf/writer/pdf_font.h"

#include <cmath>

#include "render/pdf/font/font_subset.h"
#include "render/pdf/layout/utf8.h"
#include "render/pdf/writer/to_unicode_cmap.h"
#include "source/sha256.h"

namespace kansli::pdf {
namespace {

// PDF font descriptor flags (PDF 1.7, 9.8.2).
constexpr int kFixedPitch = 1;
constexpr int kSymbolic = 4;  // as for every CIDFont: glyphs are addressed by number
constexpr int kItalic = 64;

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

bool PdfFont::Embed(PdfBuilder& pdf) {
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
  PdfArray run = pdf.Array();
  std::vector<std::pair<uint16_t, char32_t>> texts;
  widths_.assign(count, 0);
  for (size_t g = 0; g < count; ++g) {
    const uint16_t old = subset->old_glyphs[g];
    widths_[g] = std::round(file_.Advance(old) * scale * 100) / 100;
    pdf.Push(run, widths_[g]);
    if (old < used_.size() && used_[old] != 0) texts.emplace_back(g, used_[old]);
  }
  // PDF/A-1 asks a subset's descriptor for a CIDSet: a bit per glyph number present, high bit
  // first. Numbers run 0..count-1 without gaps.
  std::string cid_set((count + 7) / 8, '\xFF');
  if (count % 8 != 0) cid_set.back() = static_cast<char>(0xFF << (8 - count % 8));

  int flags = kSymbolic;
  if (facts.fixed_pitch) flags |= kFixedPitch;
  if (facts.italic_angle != 0) flags |= kItalic;
  // StemV is required but not in the font; estimated from the weight class as others do.
  const int stem_v = 10 + 220 * std::max(facts.weight - 50, 0) / 900;
  auto whole = [](double value) { return static_cast<int>(std::lround(value)); };

  PdfDict file = pdf.Stream(Pack(subset->bytes));
  pdf.Put(file, "Length1", static_cast<int>(subset->bytes.size()));
  PdfDict descriptor = pdf.Dict();
  pdf.Put(descriptor, "Type", PdfName{"FontDescriptor"});
  pdf.Put(descriptor, "FontName", PdfName{name});
  pdf.Put(descriptor, "Flags", flags);
  pdf.Put(descriptor, "FontBBox",
          pdf.Array({facts.bbox[0] * scale, facts.bbox[1] * scale, facts.bbox[2] * scale,
                     facts.bbox[3] * scale}));
  pdf.Put(descriptor, "ItalicAngle", static_cast<double>(facts.italic_angle));
  pdf.Put(descriptor, "Ascent", whole(facts.ascent * scale));
  pdf.Put(descriptor, "Descent", whole(facts.descent * scale));
  pdf.Put(descriptor, "CapHeight", whole(facts.cap_height * scale));
  pdf.Put(descriptor, "StemV", stem_v);
  pdf.Put(descriptor, "FontFile2", file);
  pdf.Put(descriptor, "CIDSet", pdf.Stream(Pack(cid_set)));

  PdfDict system = pdf.DirectDict();
  pdf.Put(system, "Registry", PdfText{"Adobe"});
  pdf.Put(system, "Ordering", PdfText{"Identity"});
  pdf.Put(system, "Supplement", 0);
  PdfDict cid_font = pdf.Dict();
  pdf.Put(cid_font, "Type", PdfName{"Font"});
  pdf.Put(cid_font, "Subtype", PdfName{"CIDFontType2"});
  pdf.Put(cid_font, "BaseFont", PdfName{name});
  pdf.Put(cid_font, "CIDSystemInfo", system);
  pdf.Put(cid_font, "FontDescriptor", descriptor);
  pdf.Put(cid_font, "W", pdf.Array({0, run}));
  pdf.Put(cid_font, "CIDToGIDMap", PdfName{"Identity"});

  PdfDict type0 = pdf.Dict();
  pdf.Put(type0, "Type", PdfName{"Font"});
  pdf.Put(type0, "Subtype", PdfName{"Type0"});
  pdf.Put(type0, "BaseFont", PdfName{name});
  pdf.Put(type0, "Encoding", PdfName{"Identity-H"});
  pdf.Put(type0, "DescendantFonts", pdf.Array({cid_font}));
  pdf.Put(type0, "ToUnicode", pdf.Stream(Pack(ToUnicodeCMap(texts))));
  if (pdf.failed()) return false;
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
