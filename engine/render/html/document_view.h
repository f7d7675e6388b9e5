// What a document's pages show of it besides the body: the metadata box and the table of
// its official versions. Shared by the document page and the pages of its versions.
#pragma once

#include <optional>
#include <string>

#include "ledger/site_history.h"
#include "render/html/theme_template.h"
#include "site/site_graph.h"

namespace kansli::html {

// The metadata box's rows; organisation, type and tags link to their listings below `root`
// (the way from the page to html/).
// A decision's protocol-extract head and "Skickas till": body, meeting date, "§ 127", diary
// number and the recipients.
TemplateData ProtocolView(const SiteGraph& site, const SiteDocument& doc);
TemplateList MetadataView(const SiteGraph& site, const SiteDocument& doc, const std::string& root);

// The "Versioner" table: every official version with its time in force, decision,
// publication, PDF and SHA-256, and a link to what changed. `to_doc` leads from the page to
// the document's folder html/<id>/, `root` to html/. `shown` marks the row of the version
// the page shows. Nothing when the document has no official version.
std::optional<TemplateData> VersionsView(const SiteGraph& site, const SiteHistory& history,
                                         const SiteDocument& doc, const std::string& to_doc,
                                         const std::string& root,
                                         const OfficialVersion* shown = nullptr);

// "2013-11-01 – 2018-06-01", or "från 2013-11-01" while it is in force.
std::string InForceText(const SiteText& text, const OfficialVersion& version);

}  // namespace kansli::html
