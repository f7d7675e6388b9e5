#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kansli::graph {

// Text as a graph may draw it: valid UTF-8 (bad bytes become U+FFFD), no control characters
// (XML forbids most of them), every run of white space including newlines as one space, and
// no space at either end.
std::string CleanText(std::string_view text);

// Breaks clean text into lines of at most max_chars code points, at spaces; a word longer than
// a line is cut, and a one-character word ("i", "§") is kept with the word after it. Keeps at most
// max_lines lines: when the text needs more, the last line is shortened to end with "…". Empty text
// gives no lines.
std::vector<std::string> WrapText(std::string_view clean, size_t max_chars, size_t max_lines);

// One line of a plain Graphviz label, shown as written: Graphviz decodes entities such as
// "&lt;" in labels and expands escapes such as \N (the node's name) and \n (a line break), so
// '&' becomes "&amp;" and every backslash is doubled. Label values are attribute values set
// through cgraph, never DOT text, so quotes and braces need nothing.
std::string EscapeGraphvizLabel(std::string_view line);

// Text for an XML text node or a double-quoted attribute value.
std::string EscapeXml(std::string_view text);

}  // namespace kansli::graph
