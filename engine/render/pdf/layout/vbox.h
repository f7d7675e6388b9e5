// The unit of vertical flow between block layout and pagination: a line, a table row, a rule.
#pragma once

#include <vector>

#include "markdown/body.h"
#include "render/pdf/layout/frame.h"
#include "render/pdf/layout/line_breaker.h"
#include "render/pdf/layout/page_style.h"

namespace kansli::pdf {

// Items use the page's x and a y relative to the box's top edge: 0 at the top, negative
// below it. The paginator moves them onto a page with Translate.
struct VBox {
  double height = 0;
  double space_before = 0;      // dropped when the box starts a page
  bool keep_with_next = false;  // never the last box on a page (headings, a table's header)
  int repeat_header = -1;       // index of a box set again above this one when it starts a page
  double first_baseline = 0;    // distance from the top to the first baseline (list markers)
  std::vector<int> footnotes;   // footnotes referenced in the box, set at its page's foot
  std::vector<FrameItem> items;
};

// One line of text as a box: `left` is the column's left edge, `width` its width. Its text
// is the content of element `tag`, or of the element its span names (a Link, a Reference).
VBox LineBox(const Line& line, double left, double width, markdown::Align align,
             const PageStyle& style, int tag = kArtifact);

// Moves every item of `box` down by dy points and grows it by as much.
void PadTop(VBox& box, double dy);

}  // namespace kansli::pdf
