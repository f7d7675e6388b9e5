#include "render/pdf/writer/to_unicode_cmap.h"

#include <algorithm>
#include <cstdio>

namespace kansli::pdf {
namespace {

void AppendUtf16Hex(std::string& out, char32_t cp) {
  char hex[16];
  if (cp > 0xFFFF) {
    cp -= 0x10000;
    std::snprintf(hex, sizeof hex, "%04X%04X", 0xD800 + static_cast<unsigned>(cp >> 10),
                  0xDC00 + static_cast<unsigned>(cp & 0x3FF));
  } else {
    std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(cp));
  }
  out += hex;
}

}  // namespace

std::string ToUnicodeCMap(const std::vector<std::pair<uint16_t, char32_t>>& codes) {
  std::string text =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  // A bfchar section holds at most 100 entries.
  for (size_t first = 0; first < codes.size(); first += 100) {
    const size_t count = std::min<size_t>(100, codes.size() - first);
    text += std::to_string(count) + " beginbfchar\n";
    for (size_t i = first; i < first + count; ++i) {
      char code[16];
      std::snprintf(code, sizeof code, "<%04X> <", codes[i].first);
      text += code;
      AppendUtf16Hex(text, codes[i].second);
      text += ">\n";
    }
    text += "endbfchar\n";
  }
  text += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return text;
}

}  // namespace kansli::pdf
