// A paragraph of styled spans as Knuth–Plass boxes, glue and penalties: where its words may
// break, at what cost, and which breaks show a hyphen. Line breaking (line_breaker.cc) and
// table column measurement both read it, so a column is measured by the very breaks its
// cells will be set with.
#pragma once

#include <string_view>
#include <vector>

#include "render/pdf/layout/font_metrics.h"
#include "render/pdf/layout/knuth_plass.h"
#include "render/pdf/layout/line_breaker.h"
#include "render/pdf/layout/span.h"

namespace kansli::pdf {

// A word of at most this many characters that has no hyphenation point is never broken, not
// even after a dash, unless it alone is wider than the line. Ten covers what tables and running
// text hold as codes and numbers: "A1", "K1", "§ 12", a year range "2024–2025" (nine), an ISO
// date "2024-06-30" (ten), a diary number "KS2024/123". Such tokens have no hyphenation point
// anyway (digits, or under five letters), and a ten-character token is about five ems, a ninth
// of a line of body text, so six columns of them still fit a page. Counting characters rather
// than comparing widths keeps the rule the same in a paragraph and in a narrow column.
inline constexpr size_t kShortWordLength = 10;

// What an item is on the page: the span it comes from and, for boxes, its text. A box's text
// is a view of its span's text: a box holds consecutive characters of one span (a soft
// hyphen, the one character a word skips, always ends a box).
struct ItemText {
  int span = 0;
  std::string_view text;
  bool hyphen = false;  // a penalty that shows "-" when the line breaks there
};

struct ParagraphItems {
  std::vector<KpItem> items;    // ends with a forced break, as KnuthPlass requires
  std::vector<ItemText> texts;  // one per item
  // Widest run of characters no break but an emergency one splits, with the hyphen shown when
  // it ends at a hyphenation point (CSS's min-content, after hyphenation).
  double widest_piece = 0;
  double widest_short = 0;  // widest word of at most kShortWordLength with no break point
};

// The items for `spans` set in lines of `width`: a word wider than that gets emergency breaks
// between its characters (a visible hyphen, except after a dash, slash or underscore, in a URL
// and in code), so pass an infinite width to measure. Views into `spans`, which must outlive
// the result.
ParagraphItems BuildParagraphItems(const std::vector<Span>& spans, double width,
                                   const FontMetrics& metrics, const BreakOptions& options);

}  // namespace kansli::pdf
