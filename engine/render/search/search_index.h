// The register's search index: html/pagefind/, built by Pagefind from one record per
// document, loaded by the browser a piece at a time (the words it looks up, the results it
// shows), so that a search costs the same few hundred kilobytes at 10,000 documents as at 10.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "diag/diagnostics.h"
#include "render/search/search_record.h"
#include "site/output_file.h"
#include "site/site_graph.h"

namespace kansli::search {

// Below html/: where the index and Pagefind's own pagefind.js are published.
inline constexpr char kSearchFolder[] = "pagefind/";

// The Pagefind binary: $KANSLI_PAGEFIND if set, else the one in node_modules of the checkout
// kansli was built from (npm ci installs it, pinned by package-lock.json).
std::filesystem::path PagefindBinary();

// Every file of the index, "html/pagefind/…", sorted by path, and Pagefind's licence beside
// them. The same site gives the same bytes. Reports search-index-failed and returns nothing
// when the binary is missing or fails: then nothing is published.
std::optional<std::vector<OutputFile>> IndexSearch(const SiteGraph& site, Diagnostics& diags);
// The same from records made by SearchRecords, in the site's language (its "lang" text).
std::optional<std::vector<OutputFile>> IndexSearch(const std::vector<SearchRecord>& records,
                                                   const std::string& language,
                                                   Diagnostics& diags);

}  // namespace kansli::search
