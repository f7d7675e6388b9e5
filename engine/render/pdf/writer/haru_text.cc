#include "render/pdf/writer/haru_text.h"

#include <cstdio>

#include "render/pdf/layout/utf8.h"

namespace kansli::pdf {

std::string HaruText(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t at = 0; at < utf8.size();) {
    CodePoint cp = NextCodePoint(utf8, at);
    char32_t value = cp.value;
    if (value < 0x20 || value == 0x7F) value = ' ';
    if (value > 0xFFFF) value = 0xFFFD;
    AppendUtf8(out, value);
    at += cp.length;
  }
  return out;
}

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
