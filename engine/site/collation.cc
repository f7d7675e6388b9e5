#include "site/collation.h"

namespace kansli {

std::string CollationKey(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xC3 && i + 1 < text.size()) {
      const unsigned char next = static_cast<unsigned char>(text[i + 1]);
      char letter = 0;
      if (next == 0x85 || next == 0xA5) letter = '{';  // Å å: the first letter after z
      if (next == 0x84 || next == 0xA4) letter = '|';  // Ä ä
      if (next == 0x96 || next == 0xB6) letter = '}';  // Ö ö
      if (letter != 0) {
        key += letter;
        ++i;
        continue;
      }
    }
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
  }
  return key;
}

}  // namespace kansli
