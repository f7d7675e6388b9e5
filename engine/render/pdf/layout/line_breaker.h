// Breaking styled spans into lines that fit a width, greedily (first fit). Knuth–Plass or
// hyphenation would replace BreakLines and keep its inputs and outputs.
#pragma once

#include <vector>

#include "render/pdf/layout/font_metrics.h"
#include "render/pdf/layout/span.h"

namespace kansli::pdf {

// Text of one style on a line; x is from the line's left end.
struct LinePiece {
  SpanStyle style;
  FontFace face = FontFace::kRegular;
  double x = 0;
  double width = 0;
  std::string text;
};

struct Line {
  std::vector<LinePiece> pieces;
  double width = 0;  // of the text, not counting a trailing space
  double ascent = 0;
  double descent = 0;
  double size = 0;  // the largest font size on the line
};

enum class Wrap {
  kWords,       // break at spaces, runs of spaces collapse; an overlong word breaks anywhere
  kCharacters,  // code: every space kept, break after any character
};

// Lines no wider than `width` (a single character wider than `width` still gets a line).
// Hard breaks end a line; an empty line between two of them keeps its height.
std::vector<Line> BreakLines(const std::vector<Span>& spans, double width,
                             const FontMetrics& metrics, Wrap wrap = Wrap::kWords);

struct TextExtent {
  double natural = 0;      // the widest line if nothing but hard breaks ended lines
  double widest_word = 0;  // a long word counts to its first hyphen or slash
};

// For table column widths.
TextExtent MeasureSpans(const std::vector<Span>& spans, const FontMetrics& metrics);

}  // namespace kansli::pdf
