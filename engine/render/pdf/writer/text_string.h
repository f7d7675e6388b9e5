// PDF text strings (ISO 32000 7.9.2.2) from UTF-8: the Info entries, bookmark titles, /Alt and
// /ActualText. UTF-16BE with a byte-order mark is the standard's own form for text beyond
// ASCII, and every reader decodes it.
#pragma once

#include <string>
#include <string_view>

namespace kansli::pdf {

// "\xFE\xFF" followed by UTF-16BE; surrogate pairs outside the BMP.
std::string Utf16BeText(std::string_view utf8);

// The same as a hex string for a content stream: "<FEFF…>".
std::string Utf16HexString(std::string_view utf8);

}  // namespace kansli::pdf
