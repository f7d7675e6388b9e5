// Body blocks → a vertical flow of boxes: paragraphs, headings, lists, quotes, code, rules
// and tables, each set in a column that lists and quotes narrow.
#pragma once

#include <optional>
#include <vector>

#include "markdown/body.h"
#include "render/pdf/layout/font_metrics.h"
#include "render/pdf/layout/span.h"
#include "render/pdf/layout/vbox.h"

namespace kansli::pdf {

struct Column {
  double left = 0;
  double width = 0;
  double gap = 0;            // space between sibling blocks
  int list_depth = 0;        // picks the bullet
  std::vector<double> bars;  // x of the bar beside each enclosing block quote
};

class BlockFlow {
 public:
  // Boxes are appended to `out`. `top_level` is the largest heading level the body uses,
  // set in the largest heading size.
  BlockFlow(const FontMetrics& metrics, const PageStyle& style, LinkContext links, int top_level,
            std::vector<VBox>& out);

  void Blocks(const std::vector<markdown::Block>& blocks, const Column& column);
  // Space before the next box, at least `gap` points.
  void Space(double gap);

 private:
  void Dispatch(const markdown::Block& block, const Column& column);
  void Paragraph(const std::vector<markdown::Inline>& inlines, const SpanStyle& base,
                 const Column& column, bool keep_with_next);
  void Heading(const markdown::Block& block, const Column& column);
  void List(const markdown::Block& block, const Column& column);
  void Quote(const markdown::Block& block, const Column& column);
  void Code(const markdown::Block& block, const Column& column);
  void ThematicBreak(const Column& column);
  void Table(const markdown::Block& block, const Column& column);

  // Appends a box with the pending space, a pending list marker and the quote bars.
  void Emit(VBox box, const Column& column);
  SpanStyle BodyStyle() const;

  struct Marker {
    std::string text;
    double right = 0;  // the marker ends here
  };

  const FontMetrics& metrics_;
  const PageStyle& style_;
  LinkContext links_;
  int top_level_;
  std::vector<VBox>& out_;
  double pending_space_ = 0;
  bool after_heading_ = false;  // the gap below a heading is its own, not the next block's
  std::optional<Marker> marker_;
};

}  // namespace kansli::pdf
