// GFM tables: column widths from content, cells wrapped and hyphenated as paragraphs are, a
// shaded header row that the paginator repeats at the top of each page the table continues on.
#pragma once

#include <vector>

#include "markdown/body.h"
#include "render/pdf/layout/font_metrics.h"
#include "render/pdf/layout/line_breaker.h"
#include "render/pdf/layout/span.h"
#include "render/pdf/layout/structure.h"
#include "render/pdf/layout/vbox.h"

namespace kansli::pdf {

struct TableBoxes {
  std::vector<VBox> boxes;  // the header row's boxes first, if there is a header
  int header_boxes = 0;     // how many of them make up the header row
};

// What a column's cells need, as CSS's automatic table layout measures them.
struct ColumnExtent {
  double max = 0;  // its widest cell set on one line
  double min = 0;  // its widest piece after hyphenation (with its hyphen)
  // Its widest short word ("A1", "2024–2025"): the column is never narrower while the room
  // allows, so that codes and numbers never split.
  double floor = 0;
};

// Column widths filling `room` (cell padding excluded), as CSS's automatic table layout sets
// them. If every column's maximum fits, columns get their maxima and the spare room in
// proportion to them. Otherwise each gets its minimum, and the rest is shared in proportion
// to max - min. If the minima do not fit either, the widest minima come down to a common
// width, never below a column's short words, and pieces wider than their column break
// between letters; if even the short words do not fit, all shrink alike.
std::vector<double> ColumnWidths(std::vector<ColumnExtent> columns, double room);

// The same, from one extent per cell; rows may be ragged.
std::vector<double> ColumnWidths(const std::vector<std::vector<TextExtent>>& rows, double room);

// Lays out `table` (a kTable block) across [left, left + width]. With a structure, it is a
// Table under `parent`: a THead of TH (scope Column) for the header row, a TBody of TD rows,
// a cell for every column even where a row is short.
TableBoxes LayOutTable(const markdown::Block& table, double left, double width,
                       const FontMetrics& metrics, const PageStyle& style,
                       const LinkContext& links, Structure* structure = nullptr,
                       int parent = Structure::kDocument);

}  // namespace kansli::pdf
