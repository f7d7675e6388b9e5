// Breaking styled spans into lines that fit a width: Knuth–Plass total fit for words, with
// Swedish hyphenation if asked for, and first fit for code.
#pragma once

#include <optional>
#include <string>
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
  // The "-" added where a word is hyphenated at the line's end. It is not in the source text.
  bool hyphen = false;
  // What the piece reads as for copy and search, when not its text: a hyphenated word's first
  // part carries the whole word, its hyphen and its rest on the next line carry "".
  std::optional<std::string> actual_text;
};

struct Line {
  std::vector<LinePiece> pieces;
  double width = 0;  // of the text, not counting a trailing space
  double ascent = 0;
  double descent = 0;
  double size = 0;  // the largest font size on the line
  // Justified lines: what each inter-word space gained (negative: lost) beyond its natural
  // width. Pieces are already placed with it; 0 on the last line and before a hard break.
  double word_spacing = 0;
};

enum class Wrap {
  kWords,       // break at spaces, runs of spaces collapse; an overlong word breaks anywhere
  kCharacters,  // code: every space kept, break after any character
};

enum class TextAlign {
  kRagged,   // ragged right: spaces keep their width, lines are chosen to be even
  kJustify,  // both edges straight, except a paragraph's last line and before a hard break
};

struct BreakOptions {
  Wrap wrap = Wrap::kWords;
  TextAlign align = TextAlign::kRagged;
  bool hyphenate = false;  // Swedish patterns; a soft hyphen (U+00AD) is a break point anyway
};

// Lines no wider than `width` (a single character wider than `width` still gets a line). A
// word wider than the line breaks between characters, after a hyphen or slash if one fits.
// Hard breaks end a line; an empty line between two of them keeps its height.
std::vector<Line> BreakLines(const std::vector<Span>& spans, double width,
                             const FontMetrics& metrics, const BreakOptions& options);
std::vector<Line> BreakLines(const std::vector<Span>& spans, double width,
                             const FontMetrics& metrics, Wrap wrap = Wrap::kWords);

struct TextExtent {
  double natural = 0;      // the widest line if nothing but hard breaks ended lines
  double widest_word = 0;  // a long word counts to its first hyphen or slash
};

// For table column widths.
TextExtent MeasureSpans(const std::vector<Span>& spans, const FontMetrics& metrics);

}  // namespace kansli::pdf
