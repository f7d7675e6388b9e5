#include "render/pdf/writer/text_string.h"

#include "render/pdf/layout/utf8.h"

namespace kansli::pdf {
namespace {

void PutUnit(std::string& out, char32_t unit) {
  out += static_cast<char>(unit >> 8);
  out += static_cast<char>(unit & 0xFF);
}

}  // namespace

std::string Utf16BeText(std::string_view utf8) {
  std::string out = "\xFE\xFF";
  for (size_t at = 0; at < utf8.size();) {
    CodePoint cp = NextCodePoint(utf8, at);
    if (cp.value > 0xFFFF) {
      char32_t v = cp.value - 0x10000;
      PutUnit(out, 0xD800 + (v >> 10));
      PutUnit(out, 0xDC00 + (v & 0x3FF));
    } else {
      PutUnit(out, cp.value);
    }
    at += cp.length;
  }
  return out;
}

std::string Utf16HexString(std::string_view utf8) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string hex = "<";
  for (char byte : Utf16BeText(utf8)) {
    hex += kDigits[static_cast<unsigned char>(byte) >> 4];
    hex += kDigits[static_cast<unsigned char>(byte) & 0xF];
  }
  return hex + ">";
}

}  // namespace kansli::pdf
