// Knuth–Plass total-fit line breaking over boxes, glue and penalties (Knuth & Plass 1981,
// as in TeX): of all ways to break a paragraph it picks the one with the least total
// demerits, so one tight line early can spare a very loose one later.
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

namespace kansli::pdf {

inline constexpr double kInfinitePenalty = 10000;  // at or above: never break; at or below -: must
inline constexpr double kFill = std::numeric_limits<double>::infinity();  // stretch of a last line

struct KpItem {
  enum class Kind { kBox, kGlue, kPenalty } kind = Kind::kBox;
  double width = 0;    // a penalty's width is added only if the line breaks there (a hyphen)
  double stretch = 0;  // glue only; kFill for the glue that ends a paragraph
  double shrink = 0;
  double penalty = 0;    // penalty only
  bool flagged = false;  // a hyphen: two flagged breaks in a row cost extra
  // A penalty only for when nothing else fits (between two letters of a word wider than the
  // line): a break there is tried only once no way through stays within `tolerance` without.
  bool emergency = false;
};

struct KpParams {
  double line_width = 0;
  double tolerance = 200;          // largest badness of a line on the first try
  double line_penalty = 10;        // added to every line's badness: fewer lines are better
  double flagged_demerits = 3000;  // two hyphenated lines in a row
  double fitness_demerits = 3000;  // a tight line next to a loose one
  double line_end_stretch = 0;     // ragged right: stretch at each line's end, not in its glue
  // Added to every line's stretch when no way through stays within `tolerance` (TeX's
  // \emergencystretch), so that lines without glue (a long URL broken between letters) do
  // not make every line equally "infinitely bad".
  double emergency_stretch = 0;
};

struct KpBreak {
  size_t item = 0;   // the glue or penalty the line ends at
  double ratio = 0;  // how much of the line's glue stretch (>0) or shrink (<0) is used
};

// Breaks for the paragraph `items`, whose last item must be a forced penalty. A first pass
// keeps within `tolerance` without emergency breaks; if that finds no way, a final pass allows
// them, emergency stretch and, only where nothing else is possible (a box wider than the
// line), an overfull line.
std::vector<KpBreak> KnuthPlass(const std::vector<KpItem>& items, const KpParams& params);

}  // namespace kansli::pdf
