// layout/ turns one document into pages of positioned text, rules and link areas, with the
// font metrics it is given. It never sees libharu; the writer draws what it produces.
#pragma once

#include "render/pdf/layout/font_metrics.h"
#include "render/pdf/layout/frame.h"
#include "render/pdf/layout/page_style.h"
#include "ledger/version_timeline.h"
#include "site/site_graph.h"

namespace kansli::pdf {

// Page 1's title block and metadata panel, then the body, paginated, then the running
// header and footer of every page. Safe to call from several threads with distinct metrics.
// `body` is the document's, tree and all (ParseTree: the checked site keeps outlines only).
// `official` are the document's official versions (from the ledger), for the metadata panel.
LaidOutDocument LayOut(const SiteGraph& site, const SiteDocument& doc, const markdown::Body& body,
                       const FontMetrics& metrics, const PageStyle& style,
                       const std::vector<OfficialVersion>& official = {});

// Title, Author (author, else owner), Subject (type and organisation), Keywords (tags) and the
// document's own date: revised, else adopted_date, else valid_from.
PdfInfo InfoFor(const SiteDocument& doc);

}  // namespace kansli::pdf
