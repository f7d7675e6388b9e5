// A fake font for layout tests: every code point is half an em wide, so line breaks and
// positions are exact and no libharu is involved.
#pragma once

#include <string_view>

#include "render/pdf/layout/font_metrics.h"
#include "render/pdf/layout/utf8.h"

namespace kansli::pdf::testing {

class FixedMetrics : public FontMetrics {
 public:
  double Width(FontFace, double size, std::string_view utf8) const override {
    double width = 0;
    for (size_t at = 0; at < utf8.size(); at += NextCodePoint(utf8, at).length) width += size / 2;
    return width;
  }
  double Ascent(FontFace, double size) const override { return size * 0.8; }
  double Descent(FontFace, double size) const override { return size * 0.2; }
};

}  // namespace kansli::pdf::testing
