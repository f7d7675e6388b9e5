#include "document/document_id.h"

#include <cstdint>

namespace kansli {
namespace {

// Decodes the UTF-8 code point at text[i] and advances i (text is valid UTF-8: the source
// tree checked it, and CLI arguments are checked by the caller).
char32_t NextCodePoint(std::string_view text, size_t& i) {
  const auto c = static_cast<unsigned char>(text[i++]);
  if (c < 0x80) return c;
  const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  char32_t cp = c & (0x3F >> extra);
  for (int k = 0; k < extra && i < text.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[i++]) & 0x3F);
  }
  return cp;
}

// The base letter of a Latin-1 letter with an accent ("ö" → 'o'), 0 for anything else.
char BaseLetter(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp - 'A' + 'a');
  if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return static_cast<char>(cp);
  if (cp >= 0xC0 && cp <= 0xFF) {
    // U+00C0 to U+00FF with U+00E0 to U+00FF folded onto the capitals; × and ÷ are not letters.
    static constexpr char kBase[] = "aaaaaaaceeeeiiiidnooooo\0ouuuuyts";
    const char32_t upper = cp >= 0xE0 ? cp - 0x20 : cp;
    if (cp == 0xFF) return 'y';
    return kBase[upper - 0xC0];
  }
  return 0;
}

}  // namespace

std::string IdFromTitle(std::string_view title) {
  std::string id;
  for (size_t i = 0; i < title.size();) {
    const char32_t cp = NextCodePoint(title, i);
    if (const char letter = BaseLetter(cp); letter != 0) {
      id += letter;
      if (cp == 0xC6 || cp == 0xE6) id += 'e';  // æ → ae
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.size() > kMaxIdLength) {
    id.resize(kMaxIdLength);
    if (const size_t cut = id.rfind('-'); cut != std::string::npos && cut > 0) id.resize(cut);
    while (!id.empty() && id.back() == '-') id.pop_back();
  }
  return id;
}

bool IsDocumentId(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdLength || id.front() == '-' || id.back() == '-') return false;
  for (size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && i > 0 && id[i - 1] == '-')) return false;
  }
  return true;
}

}  // namespace kansli
