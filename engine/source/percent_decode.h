#pragma once

#include <string>
#include <string_view>

namespace kansli {

// "min%20bild.png" → "min bild.png": %XX escapes of URLs and Markdown link targets decoded;
// a '%' not followed by two hex digits is kept as it is.
std::string PercentDecode(std::string_view text);

}  // namespace kansli
