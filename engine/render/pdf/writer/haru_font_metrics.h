// FontMetrics from libharu's own metrics of the loaded TrueType faces, so that what layout
// measures is what the PDF shows.
#pragma once

#include "render/pdf/layout/font_metrics.h"
#include "render/pdf/writer/haru_fonts.h"

namespace kansli::pdf {

class HaruFontMetrics : public FontMetrics {
 public:
  // A face that failed to load is measured by an estimate, so layout can finish and every
  // font problem is reported; RenderPdf then publishes nothing.
  explicit HaruFontMetrics(HaruFonts& fonts) : fonts_(fonts) {}

  double Width(FontFace face, double size, std::string_view utf8) const override;
  double Ascent(FontFace face, double size) const override;
  double Descent(FontFace face, double size) const override;

 private:
  HaruFonts& fonts_;  // loads faces on first use
};

}  // namespace kansli::pdf
