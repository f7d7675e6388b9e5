// Page 1 above the body: organisation and document type, the title, a status note when the
// document is not in force, and the metadata panel with the fields an auditor checks.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "render/pdf/layout/font_metrics.h"
#include "render/pdf/layout/page_style.h"
#include "render/pdf/layout/structure.h"
#include "render/pdf/layout/vbox.h"
#include "ledger/version_timeline.h"
#include "site/site_graph.h"

namespace kansli::pdf {

// The metadata panel's rows: label in the site's language and value, only fields present.
// `official` are the document's official versions: those before this one are listed, so a
// new version's PDF names the versions it follows.
std::vector<std::pair<std::string, std::string>> MetadataFields(
    const SiteDocument& doc, const SiteConfig& config,
    const std::vector<OfficialVersion>& official = {});

// Tagged as a P (organisation and type), the H1 (title), a P (status note, with its Link)
// and a Table (the panel: a TR of TH and TD for each field), under the Document.
std::vector<VBox> TitleBlock(const SiteDocument& doc, const SiteConfig& config,
                             const FontMetrics& metrics, const PageStyle& style,
                             Structure& structure,
                             const std::vector<OfficialVersion>& official = {});

// A decision's "Skickas till" (an H2 and a line for each recipient in send_to), set after its
// text as a protocol extract ends; empty for other documents.
std::vector<VBox> SendToList(const SiteDocument& doc, const SiteText& text,
                             const FontMetrics& metrics, const PageStyle& style,
                             Structure& structure);

}  // namespace kansli::pdf
