// The contents list after the title block: one entry per heading down to a depth, each with
// the page its heading lands on, found by laying the document out first with blank numbers.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "config/site_text.h"
#include "markdown/body.h"
#include "render/pdf/layout/font_metrics.h"
#include "render/pdf/layout/frame.h"
#include "render/pdf/layout/page_style.h"
#include "render/pdf/layout/paginator.h"
#include "render/pdf/layout/structure.h"
#include "render/pdf/layout/vbox.h"

namespace kansli::pdf {

// Anchor name → 1-based number of the page it is on.
using AnchorPages = std::map<std::string, int, std::less<>>;

struct ContentsOptions {
  int min_headings = 5;  // a list only when the body has more headings than this
  int depth = 2;         // levels listed, counted from top_level
  int top_level = 1;     // the body's largest heading level (# is 1)
};

// Where the contents list's structure goes: its title's heading element and the TOC, made
// before the body's elements so they are read before it. No structure: untagged.
struct ContentsTags {
  Structure* structure = nullptr;
  int title = kArtifact;
  int list = kArtifact;
};

// Whether TableOfContents lists anything.
bool HasContents(const std::vector<markdown::Heading>& headings, const ContentsOptions& options);

// The contents list, or nothing when the body has min_headings headings or fewer. An anchor
// missing from `pages` (the first pass) shows no number; the numbers sit in a column of
// fixed width, so the list breaks into the same lines whatever numbers it shows. Each
// entry's lines carry a LinkArea to the heading's anchor. Each entry is a TOCI holding a
// Link (its title and number; the dot leaders are artifacts).
std::vector<VBox> TableOfContents(const std::vector<markdown::Heading>& headings,
                                  const AnchorPages& pages, const ContentsOptions& options,
                                  const SiteText& text, const FontMetrics& metrics,
                                  const PageStyle& style, const ContentsTags& tags = {});

// Where every Anchor item of the pages is; an anchor set twice counts where it is first.
AnchorPages FindAnchorPages(const std::vector<PageFrame>& pages);
// The same, read from a plan before its pages are filled.
AnchorPages FindAnchorPages(const BoxSequence& boxes, const PagePlan& plan);

}  // namespace kansli::pdf
