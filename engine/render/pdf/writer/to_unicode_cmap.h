// The ToUnicode CMap of a subset font: which text each glyph number stands for.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kansli::pdf {

// A CMap for two-byte codes mapping each (code, code point) pair; pairs sorted by code.
// Written from scratch because libharu 2.3's own is malformed (poppler: "Invalid
// 'begincidrange' operator") and covers the whole face rather than the glyphs used.
std::string ToUnicodeCMap(const std::vector<std::pair<uint16_t, char32_t>>& codes);

}  // namespace kansli::pdf
