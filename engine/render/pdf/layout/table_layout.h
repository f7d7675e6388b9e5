// GFM tables: column widths from content, wrapping cells, a shaded header row that the
// paginator repeats at the top of each page the table continues on.
#pragma once

#include <vector>

#include "markdown/body.h"
#include "render/pdf/layout/font_metrics.h"
#include "render/pdf/layout/line_breaker.h"
#include "render/pdf/layout/span.h"
#include "render/pdf/layout/vbox.h"

namespace kansli::pdf {

struct TableBoxes {
  std::vector<VBox> boxes;  // the header row's boxes first, if there is a header
  int header_boxes = 0;     // how many of them make up the header row
};

// Column widths filling `room` (cell padding excluded), as a word processor sets a table. If
// every cell fits on one line, columns grow in proportion to their text. Otherwise each
// column gets its widest word, and the rest is shared out in proportion to how much wider
// each column's text would like to be. If the widest words alone are too wide, they shrink
// alike and words break by characters. One extent per cell; rows may be ragged.
std::vector<double> ColumnWidths(const std::vector<std::vector<TextExtent>>& rows, double room);

// Lays out `table` (a kTable block) across [left, left + width].
TableBoxes LayOutTable(const markdown::Block& table, double left, double width,
                       const FontMetrics& metrics, const PageStyle& style,
                       const LinkContext& links);

}  // namespace kansli::pdf
