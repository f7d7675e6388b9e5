#include "render/pdf/writer/haru_font_metrics.h"

#include "render/pdf/writer/haru_text.h"

namespace kansli::pdf {

// libharu gives widths and heights in thousandths of the font size.
constexpr double kPerEm = 1000.0;

double HaruFontMetrics::Width(FontFace face, double size, std::string_view utf8) const {
  std::string text = HaruText(utf8);
  HPDF_Font font = fonts_.Get(face);
  if (font == nullptr) return static_cast<double>(text.size()) * size * 0.5;
  HPDF_TextWidth width = HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(text.data()),
                                             static_cast<HPDF_UINT>(text.size()));
  return width.width * size / kPerEm;
}

double HaruFontMetrics::Ascent(FontFace face, double size) const {
  HPDF_Font font = fonts_.Get(face);
  return font == nullptr ? size * 0.8 : HPDF_Font_GetAscent(font) * size / kPerEm;
}

double HaruFontMetrics::Descent(FontFace face, double size) const {
  HPDF_Font font = fonts_.Get(face);
  return font == nullptr ? size * 0.2 : -HPDF_Font_GetDescent(font) * size / kPerEm;
}

}  // namespace kansli::pdf
