#pragma once

#include <string>

#include "ledger/site_history.h"
#include "render/html/html_site.h"
#include "render/search/search_shards.h"
#include "site/site_graph.h"
#include "source/source_tree.h"

namespace kansli {

// The build cache's keys: SHA-256 of everything a render reads, so that a hit is always the
// bytes a clean build would make. Too much in a key costs a render; too little would publish
// stale output, so when in doubt an input goes in.

// What every document's renders share: the engine and the libraries it loaded, every site
// file the build read but the documents (kansli.yaml, layouts/ and its texts, the scripts),
// the fonts, patterns and colour profile the PDF reads, and today's date.
std::string SiteRenderKey(const SourceTree& tree, const SiteGraph& site);

// A document's PDF: the site key, the document's source, its images, every document its
// pages show (related and linked: their front matter and state), and its official versions.
std::string PdfRenderKey(const std::string& site_key, const SiteGraph& site,
                         const SiteHistory& history, size_t index);

// A document's pages (its page and its versions' pages): the PDF key, the facts the page
// gives of the PDF, and the official versions again (publish adds records in between).
std::string PageRenderKey(const std::string& pdf_key, const PdfFacts& pdf, const SiteGraph& site,
                          const SiteHistory& history, size_t index);

// One part of the search index: what Pagefind is given (the part's records, the language),
// which part it is, and which Pagefind and engine make it. Templates, scripts' pages, PDF
// settings and the other parts' documents are not in it: an edit re-indexes one part.
std::string SearchShardKey(const search::SearchShard& shard, const std::string& language,
                           const std::string& pagefind_binary);

}  // namespace kansli
