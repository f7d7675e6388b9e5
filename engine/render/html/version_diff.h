#pragma once

#include <cstddef>
#include <string>

#include "markdown/body.h"

namespace kansli::html {

// The most tokens (blocks or words, both sides together) one dtl call is given. With
// nothing in common dtl takes about 80 µs a token in a Debug+ASan build, so one call stays
// under a second; a real edit, with a few changes, is far below it.
inline constexpr size_t kMaxDiffTokens = 10000;

// Counts for the page's summary line. A word is a whitespace-separated run of text, also
// inside code; a block is one element of the diff's HTML.
struct VersionDiffStats {
  int inserted_words = 0;  // words inside <ins>, whole added blocks included
  int deleted_words = 0;   // words inside <del>, whole removed blocks included
  int changed_blocks = 0;  // elements classed diff-changed, diff-added or diff-removed
};

struct VersionDiff {
  std::string html;  // a sequence of block elements, one per line, without a wrapper
  VersionDiffStats stats;
};

// The text of `after` against `before` for the "what changed" page, word by word, marked
// with <ins> and <del> so that it reads without colour. One element per block of text, in
// `after`'s order, with removed blocks where they stood in `before`:
//   - headings become h2..h6, shifted by HeadingShift(after) as on the document page;
//   - paragraphs become <p>; a list item <p class="diff-item"> starting with its marker
//     ("•" or "3."), a footnote the same with "[1]"; a table row one <p> with its cells
//     joined by " | "; a code block <pre>, compared line by line instead of word by word;
//   - thematic breaks and markup are left out: only the text is compared, with runs of
//     whitespace counted as one space, so rewrapping a paragraph changes nothing.
// An unchanged block is plain. A block only in `before` is wrapped whole in <del> and
// classed diff-removed, one only in `after` in <ins> and classed diff-added. A changed
// block (a removed and an added block of the same kind facing each other, with words in
// common) is classed diff-changed and shows <del>old words</del><ins>new words</ins> where
// they differ. Both bodies are only read; the HTML is built and escaped by libxml2.
//
// The diff is dtl's shortest edit script, first over blocks and then over words. Each dtl
// call gets at most kMaxDiffTokens tokens after the common start and end are set aside;
// beyond that the middle is shown removed and added whole, which keeps the cost linear in
// the size of the bodies. The result depends only on the two bodies.
VersionDiff RenderVersionDiff(const markdown::Body& before, const markdown::Body& after);

}  // namespace kansli::html
