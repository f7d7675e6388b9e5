// Decoding UTF-8 one code point at a time, for breaking words and encoding PDF strings.
#pragma once

#include <string>
#include <string_view>

namespace kansli::pdf {

struct CodePoint {
  char32_t value = 0;
  size_t length = 1;  // bytes; at least 1, so a loop over a string always advances
};

// The code point starting at `offset`; a malformed sequence decodes as U+FFFD of length 1.
CodePoint NextCodePoint(std::string_view text, size_t offset);

void AppendUtf8(std::string& out, char32_t value);

}  // namespace kansli::pdf
