#include "render/pdf/writer/ascii_uri.h"

#include <cstdio>

namespace kansli::pdf {

std::string AsciiUri(std::string_view uri) {
  std::string out;
  for (char c : uri) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7F) {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace kansli::pdf
