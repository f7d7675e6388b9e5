#include "render/pdf/layout/table_layout.h"

#include <algorithm>

#include "render/pdf/layout/figure.h"
#include "render/pdf/layout/table_row.h"

namespace kansli::pdf {
namespace {

using markdown::Block;
using markdown::BlockKind;

// Below this an image in a cell is not shrunk to make room for other columns.
constexpr double kMinCellImageWidth = 36;

// Cells are set ragged, and hyphenated as paragraphs are: a column narrower than a long
// compound then breaks it at a syllable, with a hyphen, not at whichever letter fills it.
BreakOptions CellOptions(const PageStyle& style) { return {.hyphenate = style.hyphenate}; }

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
  c.extent = MeasureSpans(c.spans, metrics, CellOptions(style));
  for (const markdown::Inline* image : c.figures) {
    const FigureSize size = FitFigure(FigureImage(links, *image)->info, style.body_width(),
                                      style.body_height() * kMaxFigureHeightShare);
    c.extent.natural = std::max(c.extent.natural, size.width);
    c.extent.widest_piece =
        std::max(c.extent.widest_piece, std::min(size.width, kMinCellImageWidth));
  }
  return c;
}

// The width L at which columns given max(floor, min(min, L)) fill `room` exactly, for
// Σ floor < room < Σ min. That sum grows with L, linearly between the floors and minima, so
// the answer is found on the segment between the two of those values it falls between.
double WaterLevel(const std::vector<ColumnExtent>& columns, double room) {
  auto total = [&](double level) {
    double sum = 0;
    for (const ColumnExtent& c : columns) sum += std::max(c.floor, std::min(c.min, level));
    return sum;
  };
  std::vector<double> levels;
  for (const ColumnExtent& c : columns) {
    levels.push_back(c.floor);
    levels.push_back(c.min);
  }
  std::sort(levels.begin(), levels.end());
  double low = 0;
  for (double high : levels) {
    const double at_high = total(high);
    if (at_high < room) {
      low = high;
      continue;
    }
    const double at_low = total(low);
    return at_high > at_low ? low + (room - at_low) * (high - low) / (at_high - at_low) : high;
  }
  return low;
}

}  // namespace

std::vector<double> ColumnWidths(const std::vector<std::vector<TextExtent>>& rows, double room) {
  size_t columns = 0;
  for (const auto& row : rows) columns = std::max(columns, row.size());
  std::vector<ColumnExtent> extents(columns);
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      extents[c].max = std::max(extents[c].max, row[c].natural);
      extents[c].min = std::max(extents[c].min, row[c].widest_piece);
      extents[c].floor = std::max(extents[c].floor, row[c].widest_short);
    }
  }
  return ColumnWidths(extents, room);
}

std::vector<double> ColumnWidths(std::vector<ColumnExtent> columns, double room) {
  const size_t n = columns.size();
  std::vector<double> widths(n, n > 0 ? room / static_cast<double>(n) : 0);
  double max_sum = 0, min_sum = 0, floor_sum = 0;
  for (ColumnExtent& c : columns) {
    c.min = std::max(c.min, c.floor);  // floor <= min <= max, whatever the cells said
    c.max = std::max(c.max, c.min);
    max_sum += c.max;
    min_sum += c.min;
    floor_sum += c.floor;
  }
  if (max_sum <= 0) return widths;  // no text at all: equal columns
  if (max_sum <= room) {
    // Every cell fits on one line: the spare room goes in proportion to the text.
    for (size_t i = 0; i < n; ++i) widths[i] = room * columns[i].max / max_sum;
  } else if (min_sum <= room) {
    // Each column its minimum, and the rest in proportion to how much wider it would like to
    // be (max_sum > room >= min_sum, so some column would).
    for (size_t i = 0; i < n; ++i) {
      const ColumnExtent& c = columns[i];
      widths[i] = c.min + (room - min_sum) * (c.max - c.min) / (max_sum - min_sum);
    }
  } else if (floor_sum < room) {
    // Some pieces must break between letters: the widest give way first, down to a common
    // width, so that as few columns as possible break words (a long URL does not starve
    // every compound beside it), and none goes below its short words.
    const double level = WaterLevel(columns, room);
    for (size_t i = 0; i < n; ++i) {
      widths[i] = std::max(columns[i].floor, std::min(columns[i].min, level));
    }
  } else {
    // Not even the short words fit: everything shrinks alike, and they too break.
    for (size_t i = 0; i < n; ++i) {
      widths[i] = floor_sum > 0 ? room * columns[i].floor / floor_sum : 0;
    }
  }
  return widths;
}

TableBoxes LayOutTable(const Block& table, double left, double width, const FontMetrics& metrics,
                       const PageStyle& style, const LinkContext& links, Structure* structure,
                       int parent) {
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
  const BreakOptions options = CellOptions(style);
  double max_row = style.body_height();

  const int table_tag = structure ? structure->Add(StructRole::kTable, parent) : kArtifact;
  int head = kArtifact, body = kArtifact;  // THead and TBody, made with their first row
  for (size_t r = 0; r < rows.size(); ++r) {
    std::vector<std::vector<VBox>> cells(columns);
    int row_tag = kArtifact;
    if (structure != nullptr) {
      int& group = header[r] ? head : body;
      if (group == kArtifact) {
        group = structure->Add(header[r] ? StructRole::kTHead : StructRole::kTBody, table_tag);
      }
      row_tag = structure->Add(StructRole::kTR, group);
    }
    double x = left;
    for (size_t c = 0; c < columns; ++c) {
      markdown::Align align = c < table.aligns.size() ? table.aligns[c] : markdown::Align::kNone;
      int cell_tag = kArtifact;
      if (structure != nullptr) {
        cell_tag = structure->Add(header[r] ? StructRole::kTH : StructRole::kTD, row_tag);
        if (header[r]) (*structure)[cell_tag].scope = HeaderScope::kColumn;
      }
      if (c < rows[r].size()) {
        Cell& cell = rows[r][c];
        if (structure != nullptr) TagInlineElements(cell.spans, cell_tag, *structure);
        for (const Line& line : BreakLines(cell.spans, widths[c], metrics, options)) {
          cells[c].push_back(LineBox(line, x + padding, widths[c], align, style, cell_tag));
        }
        for (const markdown::Inline* image : cell.figures) {
          const std::string alt = markdown::PlainText(image->children);
          const int figure = structure != nullptr
                                 ? structure->Add(StructRole::kFigure, cell_tag, alt)
                                 : kArtifact;
          for (VBox& box : FigureBoxes(*FigureImage(links, *image), alt, x + padding, widths[c],
                                       metrics, style)) {
            for (FrameItem& item : box.items) SetTag(item, figure);
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
