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

// Printed on every page of every official PDF.
inline constexpr char kCopyNotice[] =
    "Ett utskrivet dokument är alltid en kopia, giltig version finns alltid på intranätet.";

std::string PageNumberText(int page, int count);  // "Sida 2 av 5"

void AddPageFurniture(std::vector<PageFrame>& pages, const SiteDocument& doc,
                      const FontMetrics& metrics, const PageStyle& style);

// `text`, cut with "…" to fit `width` if it is wider.
std::string FitText(const std::string& text, FontFace face, double size, double width,
                    const FontMetrics& metrics);

}  // namespace kansli::pdf
