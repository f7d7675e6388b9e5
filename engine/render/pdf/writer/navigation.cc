#include "render/pdf/writer/navigation.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <algorithm>

#include "render/pdf/writer/info_dictionary.h"

namespace kansli::pdf {
namespace {

// Room above a heading's first line, so the line is not flush with the window's edge.
constexpr double kAboveAnchor = 8;

}  // namespace

Destinations::Destinations(const std::vector<HPDF_Page>& pages, const LaidOutDocument& laid_out)
    : pages_(pages) {
  for (size_t p = 0; p < laid_out.pages.size(); ++p) {
    for (const FrameItem& item : laid_out.pages[p].items) {
      if (const auto* anchor = std::get_if<Anchor>(&item)) {
        anchors_.try_emplace(anchor->name, p, anchor->y);
      }
    }
  }
}

HPDF_Destination Destinations::For(std::string_view anchor) const {
  auto it = anchors_.find(anchor);
  if (it == anchors_.end() || it->second.first >= pages_.size()) return nullptr;
  HPDF_Page page = pages_[it->second.first];
  // A direct array, written inline in the /Dest that uses it: libharu's destinations are
  // indirect objects, legal PDF that PDFBox Preflight (PDF/A 1.2.3) cannot read.
  HPDF_Array array = HPDF_Array_New(page->mmgr);
  if (array == nullptr) return nullptr;
  const double top = std::min(it->second.second + kAboveAnchor,
                              static_cast<double>(HPDF_Page_GetHeight(page)));
  // [page /XYZ left top null]: a null zoom keeps the reader's zoom. libharu's own
  // HPDF_Destination_SetXYZ refuses a null zoom, so the array is written here.
  if (HPDF_Array_Add(array, page) != HPDF_OK || HPDF_Array_AddName(array, "XYZ") != HPDF_OK ||
      HPDF_Array_AddReal(array, 0) != HPDF_OK ||
      HPDF_Array_AddReal(array, static_cast<HPDF_REAL>(top)) != HPDF_OK ||
      HPDF_Array_Add(array, HPDF_Null_New(page->mmgr)) != HPDF_OK) {
    HPDF_Array_Free(array);
    return nullptr;
  }
  return array;
}

bool AddOutline(HPDF_Doc doc, const std::vector<OutlineEntry>& outline,
                const Destinations& destinations) {
  std::vector<std::pair<int, HPDF_Outline>> open;  // the enclosing entries, by level
  bool any = false;
  for (const OutlineEntry& entry : outline) {
    HPDF_Destination destination = destinations.For(entry.anchor);
    if (destination == nullptr) continue;
    while (!open.empty() && open.back().first >= entry.level) open.pop_back();
    HPDF_Outline parent = open.empty() ? nullptr : open.back().second;
    HPDF_Outline item = HPDF_CreateOutline(doc, parent, "", nullptr);
    if (item == nullptr) return false;
    // Titles as UTF-16BE text strings: libharu would write the UTF-8 bytes as they are.
    std::string title = Utf16BeText(entry.title);
    if (HPDF_Dict_Add(item, "Title",
                      HPDF_Binary_New(doc->mmgr, reinterpret_cast<HPDF_BYTE*>(title.data()),
                                      static_cast<HPDF_UINT>(title.size()))) != HPDF_OK ||
        HPDF_Dict_Add(item, "Dest", destination) != HPDF_OK) {
      return false;
    }
    // Top-level entries show their sections; deeper ones start closed.
    HPDF_Outline_SetOpened(item, open.empty() ? HPDF_TRUE : HPDF_FALSE);
    open.emplace_back(entry.level, item);
    any = true;
  }
  if (any) HPDF_SetPageMode(doc, HPDF_PAGE_MODE_USE_OUTLINE);
  return true;
}

}  // namespace kansli::pdf
