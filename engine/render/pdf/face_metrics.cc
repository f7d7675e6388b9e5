#include "render/pdf/face_metrics.h"

#include "render/pdf/layout/utf8.h"

namespace kansli::pdf {

double FaceMetrics::Width(FontFace face, double size, std::string_view utf8) const {
  const FontFile& file = *faces_.Get(face);
  long units = 0;
  for (size_t at = 0; at < utf8.size();) {
    const CodePoint cp = NextCodePoint(utf8, at);
    units += file.Advance(file.Glyph(cp.value));
    at += cp.length;
  }
  return static_cast<double>(units) * size / file.facts().units_per_em;
}

double FaceMetrics::Ascent(FontFace face, double size) const {
  const FontFacts& facts = faces_.Get(face)->facts();
  return facts.ascent * size / facts.units_per_em;
}

double FaceMetrics::Descent(FontFace face, double size) const {
  const FontFacts& facts = faces_.Get(face)->facts();
  return -facts.descent * size / facts.units_per_em;
}

}  // namespace kansli::pdf
