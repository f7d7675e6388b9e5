// Inside-the-document navigation: where each heading's Anchor landed, as destinations for the
// contents list's links, and the bookmarks (outline) a reader shows beside the pages.
#pragma once

#include <hpdf.h>

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/pdf/layout/frame.h"

namespace kansli::pdf {

class Destinations {
 public:
  // `pages` are the document's pages in order, one per laid-out page; they must outlive this.
  Destinations(const std::vector<HPDF_Page>& pages, const LaidOutDocument& laid_out);

  // A new destination showing the anchor's page with the anchor at the top, as a direct
  // array for one dictionary's /Dest (which then owns it); null if no anchor has that name.
  // The first of two anchors with one name wins.
  HPDF_Array For(std::string_view anchor) const;

 private:
  const std::vector<HPDF_Page>& pages_;
  std::map<std::string, std::pair<size_t, double>, std::less<>> anchors_;  // page, y
};

// Bookmarks nested by level, each going to its heading; entries whose anchor is unknown are
// left out. The reader opens with the bookmarks shown when there are any.
bool AddOutline(HPDF_Doc doc, const std::vector<OutlineEntry>& outline,
                const Destinations& destinations);

}  // namespace kansli::pdf
