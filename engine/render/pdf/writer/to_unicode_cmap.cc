#include "render/pdf/writer/to_unicode_cmap.h"

#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <cstdio>
#include <string>
#include <vector>

namespace kansli::pdf {
namespace {

// One bfrange per high byte, skipping surrogates; a bfrange may only vary the last byte and a
// section holds at most 100 entries.
std::string IdentityCMap() {
  std::string text =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<int> highs;
  for (int high = 0; high < 256; ++high) {
    if (high < 0xD8 || high > 0xDF) highs.push_back(high);
  }
  for (size_t first = 0; first < highs.size(); first += 100) {
    size_t count = std::min<size_t>(100, highs.size() - first);
    text += std::to_string(count) + " beginbfrange\n";
    for (size_t i = first; i < first + count; ++i) {
      char line[32];
      std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", highs[i], highs[i],
                    highs[i]);
      text += line;
    }
    text += "endbfrange\n";
  }
  text += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return text;
}

}  // namespace

bool FixToUnicodeCMap(HPDF_Font font) {
  auto cmap = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
  if (cmap == nullptr || cmap->stream == nullptr) return false;
  // The keys of a CID CMap do not belong on a ToUnicode stream.
  for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"}) {
    HPDF_Dict_RemoveElement(cmap, key);
  }
  HPDF_MemStream_FreeData(cmap->stream);
  static const std::string kCMap = IdentityCMap();
  return HPDF_Stream_Write(cmap->stream, reinterpret_cast<const HPDF_BYTE*>(kCMap.data()),
                           static_cast<HPDF_UINT>(kCMap.size())) == HPDF_OK;
}

}  // namespace kansli::pdf
