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
  // What the piece reads as for copy and search, when not its text: the first part of a word
  // broken at the line's end carries the whole word, its hyphen and its rest on the next
  // line(s) carry "".
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
// word wider than the line breaks between characters, after a hyphen or slash if one fits,
// else with a hyphen shown (none in a URL or in code). Short words ("A1", "2024–2025": see
// kShortWordLength) break nowhere unless they alone are wider than the line. A word broken
// at a line's end reads whole for copy and search: see JoinBrokenWords.
// Hard breaks end a line; an empty line between two of them keeps its height.
std::vector<Line> BreakLines(const std::vector<Span>& spans, double width,
                             const FontMetrics& metrics, const BreakOptions& options);
std::vector<Line> BreakLines(const std::vector<Span>& spans, double width,
                             const FontMetrics& metrics, Wrap wrap = Wrap::kWords);

// How wide text wants to be, for table column widths (CSS's max- and min-content).
struct TextExtent {
  double natural = 0;  // the widest line if nothing but hard breaks ended lines
  // The widest piece that only an emergency break would split: a word, or the part of one
  // between two of its break points (with the hyphen shown there), as BreakLines sets it.
  double widest_piece = 0;
  // The widest short word: text is never set narrower without splitting a code or a number.
  double widest_short = 0;
};

// Measured with the breaks BreakLines makes under `options` (only `hyphenate` matters).
TextExtent MeasureSpans(const std::vector<Span>& spans, const FontMetrics& metrics,
                        const BreakOptions& options = {});

}  // namespace kansli::pdf
