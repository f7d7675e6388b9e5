// Words broken across lines read whole for copy, search and pdftotext, through the pieces'
// actual_text (the writer's /ActualText spans).
#pragma once

#include <vector>

#include "render/pdf/layout/font_metrics.h"
#include "render/pdf/layout/line_breaker.h"

namespace kansli::pdf {

// breaks_word[k] says that line k ends inside a word (at a hyphenation point, after a dash or
// slash, or between two letters of an overlong word), with or without a hyphen piece at its
// end. The piece where such a word starts reads as the whole word, and its other parts (the
// hyphens and the continuations at the next lines' starts) read as "". Pieces are split at
// spaces where needed, keeping their places. A word that changes style before the break
// joins from the last style change on; its earlier parts read as they show, just before.
// A line that ends after a word ending in "-" ("Barn-" of "Barn- och utbildningsnämnden")
// has that word read with a space after it, or poppler's pdftotext would take it for a
// hyphenated word and join it to the next line's first word.
void JoinBrokenWords(std::vector<Line>& lines, const std::vector<char>& breaks_word,
                     const FontMetrics& metrics);

}  // namespace kansli::pdf
