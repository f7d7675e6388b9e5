// Body blocks → a vertical flow of boxes: paragraphs, headings, lists, quotes, code, rules
// and tables, each set in a column that lists and quotes narrow.
#pragma once

#include <optional>
#include <vector>

#include "markdown/body.h"
#include "render/pdf/layout/font_metrics.h"
#include "render/pdf/layout/span.h"
#include "render/pdf/layout/structure.h"
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
  // Boxes are appended to `out`, their structure elements to `structure` under `parent`.
  // `top_level` is the largest heading level the body uses, set in the largest heading size
  // and tagged H2: the document's title is its H1.
  BlockFlow(const FontMetrics& metrics, const PageStyle& style, LinkContext links, int top_level,
            std::vector<VBox>& out, Structure& structure, int parent = Structure::kDocument);

  void Blocks(const std::vector<markdown::Block>& blocks, const Column& column);
  // The same, their elements under `parent` instead.
  void BlocksIn(int parent, const std::vector<markdown::Block>& blocks, const Column& column);
  // Space before the next box, at least `gap` points.
  void Space(double gap);

 private:
  void Dispatch(const markdown::Block& block, const Column& column);
  void Paragraph(const std::vector<markdown::Inline>& inlines, const SpanStyle& base,
                 const Column& column, bool keep_with_next, StructRole role);
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
    int tag = kArtifact;  // the list item's Lbl
  };

  const FontMetrics& metrics_;
  const PageStyle& style_;
  LinkContext links_;
  int top_level_;
  std::vector<VBox>& out_;
  Structure& structure_;
  int parent_;             // the element blocks are set in: the Document, an LBody, a quote
  int last_heading_ = 1;   // H1 is the title; a heading never skips a level below the last
  int lone_paragraph_body_ = kArtifact;  // an LBody whose one paragraph is set as its text
  double pending_space_ = 0;
  bool after_heading_ = false;  // the gap below a heading is its own, not the next block's
  std::optional<Marker> marker_;
};

}  // namespace kansli::pdf
