// Inside-the-document navigation: where each heading's Anchor landed, as destinations for the
// contents list's links, and the bookmarks (outline) a reader shows beside the pages.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/pdf/layout/frame.h"
#include "render/pdf/writer/pdf_builder.h"

namespace kansli::pdf {

class Destinations {
 public:
  // `pages` are the document's pages in order, one per laid-out page; they and `pdf` must
  // outlive this.
  Destinations(PdfBuilder& pdf, const std::vector<PdfDict>& pages,
               const LaidOutDocument& laid_out);

  // A new destination showing the anchor's page with the anchor at the top, as a direct
  // array for one dictionary's /Dest; empty if no anchor has that name. The first of two
  // anchors with one name wins. Written inline: libharu's destinations are indirect
  // objects, legal PDF that PDFBox Preflight (PDF/A 1.2.3) cannot read.
  PdfArray For(std::string_view anchor) const;

 private:
  struct Place {
    size_t page = 0;
    double top = 0;
  };
  PdfBuilder& pdf_;
  const std::vector<PdfDict>& pages_;
  std::map<std::string, Place, std::less<>> anchors_;
};

// Bookmarks nested by level, each going to its heading; entries whose anchor is unknown are
// left out. The reader opens with the bookmarks shown when there are any.
void AddOutline(PdfBuilder& pdf, const std::vector<OutlineEntry>& outline,
                const Destinations& destinations);

}  // namespace kansli::pdf
