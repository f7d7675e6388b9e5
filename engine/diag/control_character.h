#pragma once

#include <cstddef>
#include <string_view>

namespace kansli {

// The length in bytes of the control character at text[i], 0 if there is none, and its code
// point: C0 controls but tab and newline, DEL, and the C1 controls U+0080 to U+009F (which
// appear when Windows-1252 text is converted twice). Invisible in an editor, and acting on a
// terminal: documents may not hold them, and printed diagnostics never pass them on.
inline size_t ControlCharacterAt(std::string_view text, size_t i, unsigned& code_point) {
  const auto c = static_cast<unsigned char>(text[i]);
  if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
    code_point = c;
    return 1;
  }
  if (c == 0xC2 && i + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if (next >= 0x80 && next <= 0x9F) {
      code_point = next;
      return 2;
    }
  }
  return 0;
}

}  // namespace kansli
