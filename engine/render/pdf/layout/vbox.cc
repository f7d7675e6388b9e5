#include "render/pdf/layout/vbox.h"

#include <algorithm>

namespace kansli::pdf {

VBox LineBox(const Line& line, double left, double width, markdown::Align align,
             const PageStyle& style) {
  double natural = line.ascent + line.descent;
  double height = std::max(natural, style.LineHeight(line.size));
  double baseline = -(line.ascent + (height - natural) / 2);
  double x0 = left;
  if (align == markdown::Align::kRight) x0 += std::max(0.0, width - line.width);
  if (align == markdown::Align::kCenter) x0 += std::max(0.0, width - line.width) / 2;

  VBox box{.height = height, .first_baseline = -baseline};
  for (const LinePiece& piece : line.pieces) {
    if (piece.style.footnote > 0) box.footnotes.push_back(piece.style.footnote);
    double x = x0 + piece.x;
    box.items.push_back(TextRun{.face = piece.face,
                                .size = piece.style.size,
                                .x = x,
                                .y = baseline + piece.style.rise,
                                .utf8 = piece.text,
                                .color = piece.style.color,
                                .actual_text = piece.actual_text});
    if (piece.style.strike) {
      double y = baseline + piece.style.size * 0.28;
      box.items.push_back(Rule{.x0 = x,
                               .y0 = y,
                               .x1 = x + piece.width,
                               .y1 = y,
                               .width = piece.style.size * 0.06,
                               .color = piece.style.color});
    }
    if (!piece.style.uri.empty()) {
      box.items.push_back(
          LinkArea{.area = {x, baseline - line.descent, x + piece.width, baseline + line.ascent},
                   .uri = piece.style.uri});
    }
  }
  return box;
}

void PadTop(VBox& box, double dy) {
  for (FrameItem& item : box.items) Translate(item, -dy);
  box.height += dy;
  box.first_baseline += dy;
}

}  // namespace kansli::pdf
