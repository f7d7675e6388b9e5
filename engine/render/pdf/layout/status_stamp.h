// The stamp across every page of a document that is not in force ("UTKAST", "UPPHÄVD",
// "ERSATT AV …"), so that no printed page of it can pass for a valid one.
#pragma once

#include <optional>

#include "config/site_text.h"
#include "render/pdf/layout/font_metrics.h"
#include "render/pdf/layout/frame.h"
#include "render/pdf/layout/page_style.h"
#include "site/site_graph.h"

namespace kansli::pdf {

// A large, light, diagonal text run centred on the page; nullopt for a document in force.
// It is meant to be drawn first, under the text: PDF/A allows no transparency.
std::optional<TextRun> StatusStamp(const SiteDocument& doc, const SiteText& text,
                                   const FontMetrics& metrics, const PageStyle& style);

}  // namespace kansli::pdf
