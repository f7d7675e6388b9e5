// The body's running text as the Str hook sees it, and the scripts' links put back into it.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "markdown/body.h"

namespace kansli::markdown {

// Where a text element of a run starts: byte `offset` of the run's text is at file
// line:column (columns in code points).
struct TextSegment {
  size_t offset = 0;
  int line = 0;
  int column = 0;
};

// A run: consecutive text and soft line breaks of one paragraph, heading, table cell or
// emphasis, up to the next markup. A soft break reads as "\n", so words wrapped onto the next
// source line stay one run. Text inside a link, an image's alt text and code are no runs.
struct TextRun {
  std::string text;
  std::vector<TextSegment> segments;  // in order; the first at offset 0

  // The file position of byte `offset` of `text` (the segment holding it, its offset set).
  TextSegment At(size_t offset) const;
};

// A piece of a run's text as a script split it: `target` empty for words kept as they are,
// else the id of the document the words link to.
struct TextPiece {
  std::string text;
  std::string target;

  friend bool operator==(const TextPiece&, const TextPiece&) = default;
};

// Two splits of one run (by two scripts) as one with the links of both; nullopt when a link
// of one overlaps a different link of the other. Both must read as the same text.
std::optional<std::vector<TextPiece>> MergeTextPieces(const std::vector<TextPiece>& first,
                                                      const std::vector<TextPiece>& second);

// Every run of the tree with words in it, in document order (blocks, then footnotes). A run's
// index in this list is how scripts' splits refer to it: the same text gives the same list.
std::vector<TextRun> TextRuns(const Body& body);

// Replaces run i of TextRuns(body) by `pieces.at(i)` where given: pieces with a target become
// kTextLink elements. Pieces whose joined text differs from the run's are ignored: a script
// may wrap the author's words in links, never change them (the script stage checks this).
void LinkTextRuns(Body& body, const std::map<int, std::vector<TextPiece>>& pieces);

}  // namespace kansli::markdown
