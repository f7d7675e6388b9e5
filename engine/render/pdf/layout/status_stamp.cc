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

  // Along the diagonal of the text area, as large as fits in 80 % of it, never larger than
  // 90 points. The page's own diagonal would run a long stamp ("ERSATT AV <a long title>")
  // into the running header and footer.
  const double angle = std::atan2(style.body_height(), style.body_width());
  const double diagonal = std::hypot(style.body_width(), style.body_height()) * 0.8;
  const double centre_x = style.body_left() + style.body_width() / 2;
  const double centre_y = style.body_bottom() + style.body_height() / 2;
  const double unit_width = metrics.Width(FontFace::kBold, 1, stamp);
  const double size = unit_width > 0 ? std::min(90.0, diagonal / unit_width) : 90.0;
  const double half = unit_width * size / 2;
  const double lift = size * 0.35;  // half a capital's height: centre the letters, not the baseline
  const double c = std::cos(angle), s = std::sin(angle);
  return TextRun{.face = FontFace::kBold,
                 .size = size,
                 .x = centre_x - half * c + lift * s,
                 .y = centre_y - half * s - lift * c,
                 .utf8 = stamp,
                 .color = style.stamp_light,
                 .angle = angle * 180 / std::numbers::pi};
}

}  // namespace kansli::pdf
