#include "render/pdf/layout/vbox.h"

#include <algorithm>

namespace kansli::pdf {

VBox LineBox(const Line& line, double left, double width, markdown::Align align,
             const PageStyle& style, int tag) {
  double natural = line.ascent + line.descent;
  double height = std::max(natural, style.LineHeight(line.size));
  double baseline = -(line.ascent + (height - natural) / 2);
  double x0 = left;
  if (align == markdown::Align::kRight) x0 += std::max(0.0, width - line.width);
  if (align == markdown::Align::kCenter) x0 += std::max(0.0, width - line.width) / 2;

  VBox box{.height = height, .first_baseline = -baseline};
  size_t open_link = box.items.max_size();  // the link area the last piece extended, if any
  for (const LinePiece& piece : line.pieces) {
    if (piece.style.footnote > 0) box.footnotes.push_back(piece.style.footnote);
    double x = x0 + piece.x;
    const int piece_tag = piece.style.tag != kArtifact ? piece.style.tag : tag;
    box.items.push_back(TextRun{.face = piece.face,
                                .size = piece.style.size,
                                .x = x,
                                .y = baseline + piece.style.rise,
                                .utf8 = piece.text,
                                .color = piece.style.color,
                                .actual_text = piece.actual_text,
                                .tag = piece_tag});
    if (piece.style.strike) {
      double y = baseline + piece.style.size * 0.28;
      box.items.push_back(Rule{.x0 = x,
                               .y0 = y,
                               .x1 = x + piece.width,
                               .y1 = y,
                               .width = piece.style.size * 0.06,
                               .color = piece.style.color});
    }
    if (piece.style.uri.empty() && piece.style.anchor.empty()) {
      open_link = box.items.max_size();
    } else {
      // The words of one link on one line share an annotation: a justified line sets each
      // word as a piece, and an annotation each would repeat the URL for every word.
      if (LinkArea* last =
              open_link < box.items.size() ? std::get_if<LinkArea>(&box.items[open_link]) : nullptr;
          last != nullptr && last->uri == piece.style.uri && last->anchor == piece.style.anchor &&
          last->tag == piece_tag) {
        last->area.x1 = std::max(last->area.x1, x + piece.width);
        continue;
      }
      box.items.push_back(
          LinkArea{.area = {x, baseline - line.descent, x + piece.width, baseline + line.ascent},
                   .uri = piece.style.uri,
                   .anchor = piece.style.anchor,
                   .tag = piece_tag});
      open_link = box.items.size() - 1;
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
