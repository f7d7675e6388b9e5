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
// The Pagefind kansli was built with ("1.6.0"), or where $KANSLI_PAGEFIND points instead.
std::string PagefindVersion();

// One part of the index as Pagefind wrote it.
struct IndexedShard {
  // "html/pagefind/<n>/…", sorted by path. Part 0 also has Pagefind's pagefind.js, its worker
  // and its WebAssembly, and Pagefind's licence; the browser loads those once, for every part.
  // Empty when `placed`.
  std::vector<OutputFile> files;
  // The files are in the output already: a ShardStore linked them from the previous one.
  bool placed = false;
  // Pagefind's id of each page (its fragment's name, "sv_1f2e3d4") → the document's id: a
  // search's results name their pages by these.
  std::map<std::string, std::string> pages;
  // A part's words (PartWords), for the words index: kept with the part, so that the words
  // index of an edit needs the text of the edited part only. Empty for the words index.
  std::string words;
};

// Indexes one part. The same records give the same bytes. Reports search-index-failed and
// returns nothing when the binary is missing or fails: then nothing is published.
std::optional<IndexedShard> IndexShard(const SearchShard& shard, const std::string& language,
                                       Diagnostics& diags);

// What a part is besides its files (`pages` and `words`) as two files that are never
// published, and back into `shard`; false when the files are not such notes. A cache keeps
// them apart from the files, so that a part whose files are still in the previous output
// can be linked from there with only its notes read.
std::vector<OutputFile> ShardNotes(const IndexedShard& shard);
bool ReadShardNotes(std::vector<OutputFile> notes, IndexedShard& shard);

// The whole index's files, sorted by path: every part's, and beside them, for register.js to
// order results from any part, html/pagefind/pages.json (each part's page ids → the document's
// place in the register) and html/pagefind/order/<column>.json (ColumnOrders). Those two are
// made afresh each build: a document added anywhere moves the places of those after it.
// `words` is the index of the parts' words, when there is more than one part.
std::vector<OutputFile> SearchIndexFiles(const SiteGraph& site, std::vector<IndexedShard> shards,
                                         std::optional<IndexedShard> words);

// Where IndexSearch looks for a part before it has Pagefind index it, keeps what Pagefind
// made of one (the pipeline's cache), and puts a part's files as soon as the part is done
// (the pipeline's staged output), so that the index is never in memory whole (61 MB at
// 10,000 documents); without `place` they are returned with the rest. Called from two
// threads at once: the words index is indexed beside the parts.
struct ShardStore {
  std::function<std::optional<IndexedShard>(const SearchShard& shard)> find;
  std::function<void(const SearchShard& shard, const IndexedShard& indexed)> keep;
  std::function<void(std::vector<OutputFile> files)> place;
};

// The whole index of a site (SearchIndexFiles). A part `store` has is taken from it; the
// others get their documents' text (AddContent, all of them first: the words index needs
// every part's words) and are indexed by IndexShard, one at a time, each part's text let go
// once it is indexed. An edit so holds one part's text; a build without a cache, briefly,
// the site's. The words index needs the parts' words, not what
// Pagefind made of them, so it is indexed in its own thread beside the parts: an edit's two
// runs (its part's, and the words index's) take the time of the longer one.
std::optional<std::vector<OutputFile>> IndexSearch(const SiteGraph& site, Diagnostics& diags,
                                                   const ShardStore& store = {});

}  // namespace kansli::search
