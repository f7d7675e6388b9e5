// Cells side by side as one box per row: shared by GFM tables and the metadata panel.
#pragma once

#include <optional>
#include <vector>

#include "render/pdf/layout/vbox.h"

namespace kansli::pdf {

struct RowStyle {
  double left = 0;  // the row's extent, for its background and rules
  double right = 0;
  double padding_top = 3;  // above and below the cells' text
  double padding_bottom = 3;
  std::optional<Color> background;
  std::optional<Rule> rule_above;  // x and y are taken from the row; width and colour used
  std::optional<Rule> rule_below;
};

// Each cell is a column of line boxes whose items already have their x. The row is one box
// unless it is taller than max_height; then it is cut between lines into boxes that each fit
// on an empty page, so a table never overflows a margin and no line is lost.
std::vector<VBox> StackRow(const std::vector<std::vector<VBox>>& cells, const RowStyle& style,
                           double max_height);

}  // namespace kansli::pdf
