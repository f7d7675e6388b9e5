#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kansli::graph {

// Code points of UTF-8 text. What is not valid UTF-8 (stray continuation bytes, overlong forms,
// surrogates, values above U+10FFFF, a sequence cut short) becomes U+FFFD, so any input works.
std::u32string DecodeUtf8(std::string_view text);
void AppendUtf8(char32_t code_point, std::string& out);

// The width of one line of text in points at font_size, with the advance widths that Helvetica,
// Arial and Liberation Sans share. Graphviz sizes the boxes with these numbers, so the SVG names
// those fonts first: text drawn with one of them fits its box exactly. Code points outside the
// table count as 0.6 em, a little more than an average Latin letter.
double TextWidth(std::string_view utf8, double font_size);

}  // namespace kansli::graph
