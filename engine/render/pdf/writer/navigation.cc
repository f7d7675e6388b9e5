#include "render/pdf/writer/navigation.h"

#include <algorithm>

namespace kansli::pdf {
namespace {

// Room above a heading's first line, so the line is not flush with the window's edge.
constexpr double kAboveAnchor = 8;

}  // namespace

Destinations::Destinations(PdfBuilder& pdf, const std::vector<PdfDict>& pages,
                           const LaidOutDocument& laid_out)
    : pdf_(pdf), pages_(pages) {
  for (size_t p = 0; p < laid_out.pages.size(); ++p) {
    for (const FrameItem& item : laid_out.pages[p].items) {
      if (const auto* anchor = std::get_if<Anchor>(&item)) {
        const double top = std::min(anchor->y + kAboveAnchor, laid_out.pages[p].height);
        anchors_.try_emplace(anchor->name, Place{p, top});
      }
    }
  }
}

PdfArray Destinations::For(std::string_view anchor) const {
  auto it = anchors_.find(anchor);
  if (it == anchors_.end() || it->second.page >= pages_.size()) return {};
  // [page /XYZ left top null]: a null zoom keeps the reader's zoom.
  return pdf_.Array(
      {pages_[it->second.page], PdfName{"XYZ"}, 0, it->second.top, PdfNull{}});
}

void AddOutline(PdfBuilder& pdf, const std::vector<OutlineEntry>& outline,
                const Destinations& destinations) {
  std::vector<std::pair<int, PdfDict>> open;  // the enclosing entries, by level
  bool any = false;
  for (const OutlineEntry& entry : outline) {
    PdfArray destination = destinations.For(entry.anchor);
    if (!destination) continue;
    while (!open.empty() && open.back().first >= entry.level) open.pop_back();
    // Top-level entries show their sections; deeper ones start closed.
    PdfDict item = pdf.OutlineItem(open.empty() ? PdfDict{} : open.back().second, open.empty());
    pdf.Put(item, "Title", PdfText{entry.title});
    pdf.Put(item, "Dest", destination);
    open.emplace_back(entry.level, item);
    any = true;
  }
  if (any) pdf.Put(pdf.Catalog(), "PageMode", PdfName{"UseOutlines"});
}

}  // namespace kansli::pdf
