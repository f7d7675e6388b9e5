#include "markdown/heading_ids.h"

namespace kansli::markdown {
namespace {

// Two-byte UTF-8 Latin-1 letters folded to ASCII; anything else outside ASCII is dropped.
char FoldLatin1(unsigned char lead, unsigned char trail) {
  if (lead != 0xC3) return 0;
  static constexpr std::string_view kFold =  // U+00C0 .. U+00FF
      "aaaaaaaceeeeiiiidnooooo-ouuuuyps"
      "aaaaaaaceeeeiiiidnooooo-ouuuuypy";
  unsigned index = ((lead & 0x1F) << 6 | (trail & 0x3F)) - 0xC0;
  return index < kFold.size() ? kFold[index] : 0;
}

}  // namespace

std::string Slugify(std::string_view text) {
  std::string slug;
  bool pending_dash = false;
  auto put = [&](char c) {
    if (pending_dash && !slug.empty()) slug += '-';
    pending_dash = false;
    slug += c;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') {
      put(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      put(static_cast<char>(c));
    } else if (c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n') {
      pending_dash = true;
    } else if (c >= 0xC0 && i + 1 < text.size()) {
      char folded = FoldLatin1(c, static_cast<unsigned char>(text[i + 1]));
      if (folded != 0 && folded != '-') put(folded);
    }
  }
  return slug;
}

std::string HeadingIds::Assign(std::string_view heading_text) {
  std::string base = Slugify(heading_text);
  if (base.empty()) base = "avsnitt";
  int& count = used_[base];
  ++count;
  if (count == 1) return base;
  std::string candidate;
  do {
    candidate = base + "-" + std::to_string(count++);
  } while (used_.contains(candidate));
  used_[candidate] = 1;
  return candidate;
}

}  // namespace kansli::markdown
