// Link targets as a PDF URI action wants them.
#pragma once

#include <string>
#include <string_view>

namespace kansli::pdf {

// A URI as 7-bit ASCII, other bytes and spaces percent-encoded.
std::string AsciiUri(std::string_view uri);

}  // namespace kansli::pdf
