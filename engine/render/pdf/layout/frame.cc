#include "render/pdf/layout/frame.h"

#include <algorithm>
#include <iterator>

namespace kansli::pdf {

void Translate(FrameItem& item, double dy) {
  struct Mover {
    double dy;
    void Move(Rect& area) const {
      area.y0 += dy;
      area.y1 += dy;
    }
    void operator()(TextRun& t) const { t.y += dy; }
    void operator()(Rule& r) const {
      r.y0 += dy;
      r.y1 += dy;
    }
    void operator()(FilledRect& f) const { Move(f.area); }
    void operator()(LinkArea& l) const { Move(l.area); }
    void operator()(Anchor& a) const { a.y += dy; }
    void operator()(ImageItem& i) const { Move(i.area); }
    void operator()(PlacedDrawing& d) const { Move(d.area); }
  };
  std::visit(Mover{dy}, item);
}

void SetTag(FrameItem& item, int tag) {
  if (auto* run = std::get_if<TextRun>(&item)) run->tag = tag;
  if (auto* link = std::get_if<LinkArea>(&item)) link->tag = tag;
  if (auto* image = std::get_if<ImageItem>(&item)) image->tag = tag;
}

StructRole HeadingRole(int level) {
  static constexpr StructRole kHeadings[] = {StructRole::kH1, StructRole::kH2, StructRole::kH3,
                                             StructRole::kH4, StructRole::kH5, StructRole::kH6};
  return kHeadings[std::clamp(level, 1, 6) - 1];
}

const char* RoleName(StructRole role) {
  static constexpr const char* kNames[] = {
      "Document", "H1",   "H2",    "H3",         "H4",   "H5",    "H6",    "P",    "L",
      "LI",       "Lbl",  "LBody", "BlockQuote", "Code", "Table", "THead", "TBody", "TR",
      "TH",       "TD",   "Figure", "Link",      "Note", "Reference", "TOC", "TOCI"};
  static_assert(std::size(kNames) == static_cast<size_t>(StructRole::kTOCI) + 1);
  return kNames[static_cast<size_t>(role)];
}

}  // namespace kansli::pdf
