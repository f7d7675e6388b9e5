#include "render/pdf/layout/status_stamp.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kansli::pdf {

std::optional<TextRun> StatusStamp(const SiteDocument& doc, const SiteText& text,
                                   const FontMetrics& metrics, const PageStyle& style) {
  std::string stamp;
  if (doc.status == Status::kDraft) {
    stamp = text.Get("pdf.stamp_draft");
  } else if (doc.status == Status::kRepealed) {
    stamp = text.Get("pdf.stamp_repealed");
  } else if (doc.status == Status::kSuperseded) {
    stamp = text.Get("pdf.stamp_superseded");
    for (const RelationLink& r : doc.relations) {
      if (r.kind == RelationKind::kSupersedes && !r.outgoing) {
        stamp = text.Format("pdf.stamp_superseded_by", {{"title", r.other->title}});
        break;
      }
    }
  }
  if (stamp.empty()) return std::nullopt;

  // Along the page's diagonal, as large as fits in 80 % of it, never larger than 90 points.
  const double angle = std::atan2(style.height, style.width);
  const double diagonal = std::hypot(style.width, style.height) * 0.8;
  const double unit_width = metrics.Width(FontFace::kBold, 1, stamp);
  const double size = unit_width > 0 ? std::min(90.0, diagonal / unit_width) : 90.0;
  const double half = unit_width * size / 2;
  const double lift = size * 0.35;  // half a capital's height: centre the letters, not the baseline
  const double c = std::cos(angle), s = std::sin(angle);
  return TextRun{.face = FontFace::kBold,
                 .size = size,
                 .x = style.width / 2 - half * c + lift * s,
                 .y = style.height / 2 - half * s - lift * c,
                 .utf8 = stamp,
                 .color = style.stamp_light,
                 .angle = angle * 180 / std::numbers::pi};
}

}  // namespace kansli::pdf
