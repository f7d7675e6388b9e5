#include "render/pdf/layout/table_row.h"

#include <algorithm>

namespace kansli::pdf {
namespace {

Rule Horizontal(const Rule& look, const RowStyle& style, double y) {
  Rule rule = look;
  rule.x0 = style.left;
  rule.x1 = style.right;
  rule.y0 = rule.y1 = y;
  return rule;
}

}  // namespace

std::vector<VBox> StackRow(const std::vector<std::vector<VBox>>& cells, const RowStyle& style,
                           double max_height) {
  const double room = std::max(max_height - style.padding_top - style.padding_bottom, 1.0);
  std::vector<size_t> next(cells.size(), 0);
  std::vector<VBox> parts;
  auto done = [&] {
    for (size_t c = 0; c < cells.size(); ++c) {
      if (next[c] < cells[c].size()) return false;
    }
    return true;
  };
  do {
    VBox part;
    std::vector<FrameItem> text;
    double tallest = 0;
    bool placed_any = false;
    for (size_t c = 0; c < cells.size(); ++c) {
      double y = 0;
      while (next[c] < cells[c].size()) {
        const VBox& line = cells[c][next[c]];
        // A line taller than the room still goes somewhere, once, so the loop ends.
        if (y + line.height > room && (y > 0 || placed_any)) break;
        if (!placed_any) part.first_baseline = style.padding_top + y + line.first_baseline;
        part.footnotes.insert(part.footnotes.end(), line.footnotes.begin(), line.footnotes.end());
        for (FrameItem item : line.items) {
          Translate(item, -(style.padding_top + y));
          text.push_back(std::move(item));
        }
        y += line.height;
        placed_any = true;
        ++next[c];
      }
      tallest = std::max(tallest, y);
    }
    part.height = tallest + style.padding_top + style.padding_bottom;
    if (style.background) {
      part.items.push_back(
          FilledRect{{style.left, -part.height, style.right, 0}, *style.background});
    }
    for (FrameItem& item : text) part.items.push_back(std::move(item));
    if (style.rule_above && parts.empty()) {
      part.items.push_back(Horizontal(*style.rule_above, style, 0));
    }
    parts.push_back(std::move(part));
  } while (!done());
  if (style.rule_below) {
    VBox& last = parts.back();
    last.items.push_back(Horizontal(*style.rule_below, style, -last.height));
  }
  return parts;
}

}  // namespace kansli::pdf
