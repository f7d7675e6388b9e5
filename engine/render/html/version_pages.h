// The pages of a document's history: one per official version, what changed in it, and the
// page where an auditor checks a PDF against the ledger.
#pragma once

#include <vector>

#include "ledger/site_history.h"
#include "render/html/html_site.h"

namespace kansli {

// For the document at `index` in site.documents() and each of its official versions:
// html/<id>/v<version>/index.html,
// the version's text from its archived source with a banner saying when it was in force and
// which version is in force now, and html/<id>/v<version>/andringar/index.html, its text
// word by word against the version before it. Thread-safe like RenderDocumentPage: the
// pipeline calls it for many documents at once, each with its own Diagnostics. `body` is the
// document's as it stands, tree and all (ParseTree): the text of its version in force.
std::vector<OutputFile> RenderVersionPages(const SiteGraph& site, const SiteHistory& history,
                                           size_t index, const markdown::Body& body,
                                           const HtmlTheme& theme, Diagnostics& diags);

// html/verifiera/index.html, where a browser hashes a PDF locally and looks it up;
// html/verifiera/ledger.js, the official PDFs by SHA-256 for that page (a script, so that
// it works from file://); and html/verifiera/ledger.jsonl, a copy of the ledger itself.
std::vector<OutputFile> RenderVerifyPage(const SiteGraph& site, const SiteHistory& history,
                                         const HtmlTheme& theme, Diagnostics& diags);

}  // namespace kansli
