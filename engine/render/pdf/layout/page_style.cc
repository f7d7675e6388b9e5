#include "render/pdf/layout/page_style.h"

#include <algorithm>

namespace kansli::pdf {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

}  // namespace

// The header needs two small lines of room, the footer four (notice, URL, rule, edge).
double PageStyle::body_top() const {
  return height - std::max(margin, LineHeight(SmallSize()) * 2 + 14);
}

double PageStyle::body_bottom() const { return std::max(margin, LineHeight(SmallSize()) * 4 + 16); }

double PageStyle::HeadingSize(int level) const {
  switch (level) {
    case 1:
      return body_size * 1.4;
    case 2:
      return body_size * 1.18;
    case 3:
      return body_size * 1.05;
    default:
      return body_size;
  }
}

PageStyle PageStyleFor(const PdfSettings& settings) {
  PageStyle style;
  // config/ already checks these ranges; clamping again keeps layout total for any caller.
  style.body_size = std::clamp(settings.font_size, 6.0, 24.0);
  style.margin = std::clamp(settings.margin_mm, 5.0, 60.0) * kPointsPerMm;
  style.justify = settings.align != "ragged";
  style.hyphenate = settings.hyphenate;
  return style;
}

}  // namespace kansli::pdf
