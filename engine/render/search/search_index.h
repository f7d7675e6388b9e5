// The register's search index: html/pagefind/, built by Pagefind in parts (search_shards.h),
// loaded by the browser a piece at a time (the words it looks up, the results it shows), so
// that a search costs the same few hundred kilobytes at 10,000 documents as at 10.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "render/search/search_record.h"
#include "render/search/search_shards.h"
#include "site/output_file.h"
#include "site/site_graph.h"

namespace kansli::search {

// Below html/: where the index and Pagefind's own pagefind.js are published.
inline constexpr char kSearchFolder[] = "pagefind/";

// "pagefind/<n>/", or "pagefind/words/": below html/, where a part of the index is published.
std::string ShardFolder(const SearchShard& shard);

// The Pagefind binary: $KANSLI_PAGEFIND if set, else the one in node_modules of the checkout
// kansli was built from (npm ci installs it, pinned by package-lock.json).
std::filesystem::path PagefindBinary();

// One part of the index as Pagefind wrote it.
struct IndexedShard {
  // "html/pagefind/<n>/…", sorted by path. Part 0 also has Pagefind's pagefind.js, its worker
  // and its WebAssembly, and Pagefind's licence; the browser loads those once, for every part.
  std::vector<OutputFile> files;
  // Pagefind's id of each page (its fragment's name, "sv_1f2e3d4") → the document's id: a
  // search's results name their pages by these.
  std::map<std::string, std::string> pages;
};

// Indexes one part. The same records give the same bytes. Reports search-index-failed and
// returns nothing when the binary is missing or fails: then nothing is published.
std::optional<IndexedShard> IndexShard(const SearchShard& shard, const std::string& language,
                                       Diagnostics& diags);

// The part as cache entry files and back: `pages` travels as one more file, which is never
// published. False when the files are not such an entry.
std::vector<OutputFile> ShardCacheFiles(const IndexedShard& shard);
std::optional<IndexedShard> ShardFromCacheFiles(std::vector<OutputFile> files);

// The whole index's files, sorted by path: every part's, and beside them, for register.js to
// order results from any part, html/pagefind/pages.json (each part's page ids → the document's
// place in the register) and html/pagefind/order/<column>.json (ColumnOrders). Those two are
// made afresh each build: a document added anywhere moves the places of those after it.
// `words` is the index of the parts' words, when there is more than one part.
std::vector<OutputFile> SearchIndexFiles(const SiteGraph& site, std::vector<IndexedShard> shards,
                                         std::optional<IndexedShard> words);

// Indexes one part, or takes it from elsewhere (the pipeline's cache); IndexShard by default.
// Called from two threads at once: the words index is indexed beside the parts.
using ShardIndexer = std::function<std::optional<IndexedShard>(
    const SearchShard& shard, const std::string& language, Diagnostics& diags)>;

// The whole index of a site (SearchIndexFiles), each part and the words index by `indexer`.
// The words index needs the parts' records, not what Pagefind made of them, so it is indexed
// in its own thread beside the parts: an edit's two runs (its part's, and the words index's
// when the edit brings a new word) take the time of the longer one.
std::optional<std::vector<OutputFile>> IndexSearch(const SiteGraph& site, Diagnostics& diags,
                                                   const ShardIndexer& indexer = IndexShard);

}  // namespace kansli::search
