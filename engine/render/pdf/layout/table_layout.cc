#include "render/pdf/layout/table_layout.h"

#include <algorithm>
#include <numeric>

#include "render/pdf/layout/figure.h"
#include "render/pdf/layout/table_row.h"

namespace kansli::pdf {
namespace {

using markdown::Block;
using markdown::BlockKind;

// Below this an image in a cell is not shrunk to make room for other columns.
constexpr double kMinCellImageWidth = 36;

struct Cell {
  std::vector<Span> spans;
  std::vector<const markdown::Inline*> figures;  // images set below the cell's text
  TextExtent extent;
};

// A cell's text and its images, which, as in running text, are set as figures below the
// text with their alt text as caption; their width counts towards the column's.
Cell MakeCell(const Block& cell, const SpanStyle& base, const FontMetrics& metrics,
              const PageStyle& style, const LinkContext& links) {
  Cell c{.figures = FindFigures(cell.inlines, links)};
  c.spans = c.figures.empty() ? InlineSpans(cell.inlines, base, style, links)
                              : InlineSpans(WithoutFigures(cell.inlines, links), base, style, links);
  if (!c.figures.empty() && std::all_of(c.spans.begin(), c.spans.end(), [](const Span& span) {
        return span.text.find_first_not_of(" \t\n") == std::string::npos;
      })) {
    c.spans.clear();
  }
  c.extent = MeasureSpans(c.spans, metrics);
  for (const markdown::Inline* image : c.figures) {
    const FigureSize size = FitFigure(FigureImage(links, *image)->info, style.body_width(),
                                      style.body_height() * kMaxFigureHeightShare);
    c.extent.natural = std::max(c.extent.natural, size.width);
    c.extent.widest_piece =
        std::max(c.extent.widest_piece, std::min(size.width, kMinCellImageWidth));
  }
  return c;
}

}  // namespace

std::vector<double> ColumnWidths(const std::vector<std::vector<TextExtent>>& rows, double room) {
  size_t columns = 0;
  for (const auto& row : rows) columns = std::max(columns, row.size());
  std::vector<double> natural(columns, 0), minimum(columns, 0);
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      natural[c] = std::max(natural[c], row[c].natural);
      minimum[c] = std::max(minimum[c], row[c].widest_piece);
    }
  }
  double min_sum = std::accumulate(minimum.begin(), minimum.end(), 0.0);
  std::vector<double> widths(columns);
  if (min_sum >= room) {
    // Even the widest words do not fit: shrink them alike, and words break by characters.
    for (size_t c = 0; c < columns; ++c) {
      widths[c] = min_sum > 0 ? room * minimum[c] / min_sum : room / columns;
    }
    return widths;
  }
  double natural_sum = std::accumulate(natural.begin(), natural.end(), 0.0);
  if (natural_sum <= room && natural_sum > 0) {
    for (size_t c = 0; c < columns; ++c) widths[c] = room * natural[c] / natural_sum;
    return widths;
  }
  double wish_sum = 0;
  for (size_t c = 0; c < columns; ++c) wish_sum += natural[c] - minimum[c];
  for (size_t c = 0; c < columns; ++c) {
    double share = wish_sum > 0 ? (natural[c] - minimum[c]) / wish_sum : 1.0 / columns;
    widths[c] = minimum[c] + (room - min_sum) * share;
  }
  return widths;
}

TableBoxes LayOutTable(const Block& table, double left, double width, const FontMetrics& metrics,
                       const PageStyle& style, const LinkContext& links) {
  std::vector<std::vector<Cell>> rows;
  std::vector<std::vector<TextExtent>> extents;
  std::vector<bool> header;
  size_t columns = table.aligns.size();
  for (const Block& row : table.children) {
    if (row.kind != BlockKind::kTableRow) continue;
    SpanStyle base{.bold = row.header, .size = style.body_size * 0.92, .color = style.text};
    std::vector<Cell> cells;
    std::vector<TextExtent> row_extents;
    for (const Block& cell : row.children) {
      Cell c = MakeCell(cell, base, metrics, style, links);
      row_extents.push_back(c.extent);
      cells.push_back(std::move(c));
    }
    row_extents.resize(std::max(row_extents.size(), table.aligns.size()));
    extents.push_back(std::move(row_extents));
    columns = std::max(columns, cells.size());
    rows.push_back(std::move(cells));
    header.push_back(row.header);
  }
  TableBoxes result;
  if (rows.empty() || columns == 0) return result;

  const double padding = style.body_size * 0.45;
  const double room = std::max(width - 2 * padding * columns, 1.0);
  std::vector<double> widths = ColumnWidths(extents, room);
  double max_row = style.body_height();

  for (size_t r = 0; r < rows.size(); ++r) {
    std::vector<std::vector<VBox>> cells(columns);
    double x = left;
    for (size_t c = 0; c < columns; ++c) {
      markdown::Align align = c < table.aligns.size() ? table.aligns[c] : markdown::Align::kNone;
      if (c < rows[r].size()) {
        for (const Line& line : BreakLines(rows[r][c].spans, widths[c], metrics)) {
          cells[c].push_back(LineBox(line, x + padding, widths[c], align, style));
        }
        for (const markdown::Inline* image : rows[r][c].figures) {
          for (VBox& box : FigureBoxes(*FigureImage(links, *image),
                                       markdown::PlainText(image->children), x + padding,
                                       widths[c], metrics, style)) {
            cells[c].push_back(std::move(box));
          }
        }
      }
      x += widths[c] + 2 * padding;
    }
    bool last = r + 1 == rows.size();
    RowStyle row_style{.left = left,
                       .right = left + width,
                       .padding_top = padding * 0.6,
                       .padding_bottom = padding * 0.6};
    if (header[r]) {
      row_style.background = style.panel;
      row_style.rule_above = Rule{.width = 0.8, .color = style.accent};
      row_style.rule_below = Rule{.width = 0.6, .color = style.accent};
    } else {
      row_style.rule_below = last ? Rule{.width = 0.8, .color = style.accent}
                                  : Rule{.width = 0.3, .color = style.hairline};
    }
    if (r == 0 && !header[r]) row_style.rule_above = Rule{.width = 0.8, .color = style.accent};
    std::vector<VBox> parts = StackRow(cells, row_style, max_row);
    if (header[r] && r == 0) {
      result.header_boxes = static_cast<int>(parts.size());
      // Rows below leave room for the header repeated above them.
      max_row = std::max(style.body_height() - parts.front().height, style.body_height() * 0.3);
    }
    for (VBox& part : parts) result.boxes.push_back(std::move(part));
  }
  return result;
}

}  // namespace kansli::pdf
