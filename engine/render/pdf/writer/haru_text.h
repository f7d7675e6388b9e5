// Text as libharu's UTF-8 encoder can take it.
#pragma once

#include <string>
#include <string_view>

namespace kansli::pdf {

// libharu 2.3's UTF-8 encoder maps code points to 16-bit codes, so a code point outside
// the Basic Multilingual Plane becomes U+FFFD, and a control character a space. Measuring and
// drawing both go through this, so widths match what is drawn.
std::string HaruText(std::string_view utf8);

// A URI as a PDF URI action wants it: 7-bit ASCII, other bytes percent-encoded.
std::string AsciiUri(std::string_view uri);

}  // namespace kansli::pdf
