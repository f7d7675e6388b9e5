// FontMetrics from the faces' own advance widths and vertical metrics, the same numbers the
// writer puts in each font's /W array, so that what layout measures is what the PDF shows.
#pragma once

#include "render/pdf/layout/font_metrics.h"
#include "render/pdf/writer/font_faces.h"

namespace kansli::pdf {

class FaceMetrics : public FontMetrics {
 public:
  // `faces` must be loaded and outlive this.
  explicit FaceMetrics(const FontFaces& faces) : faces_(faces) {}

  double Width(FontFace face, double size, std::string_view utf8) const override;
  double Ascent(FontFace face, double size) const override;
  double Descent(FontFace face, double size) const override;

 private:
  const FontFaces& faces_;
};

}  // namespace kansli::pdf
