// What every page carries outside the body: a running header (title, version) and a footer
// (the copy notice, the intranet URL, "Sida X av Y"). Added after pagination, when the page
// count is known; it never changes the body's flow, so one layout pass is enough.
#pragma once

#include <string>
#include <vector>

#include "render/pdf/layout/font_metrics.h"
#include "render/pdf/layout/frame.h"
#include "render/pdf/layout/page_style.h"
#include "site/site_graph.h"

namespace kansli::pdf {

// "Sida 2 av 5", from the text "pdf.page_of".
std::string PageNumberText(const SiteText& text, int page, int count);

// The footer's notice is the text "pdf.printed_copy" ("Ett utskrivet dokument är alltid en
// kopia, giltig version finns alltid på intranätet.").
void AddPageFurniture(std::vector<PageFrame>& pages, const SiteDocument& doc,
                      const SiteText& text, const FontMetrics& metrics, const PageStyle& style);

// `text`, cut with "…" to fit `width` if it is wider.
std::string FitText(const std::string& text, FontFace face, double size, double width,
                    const FontMetrics& metrics);

}  // namespace kansli::pdf
