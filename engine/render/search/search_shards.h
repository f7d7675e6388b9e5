// The search index in parts ("shards") of 250 to 1,000 documents, each its own Pagefind
// bundle in html/pagefind/<n>/, indexed in its own run and cached by its own key. Pagefind
// holds a whole index in memory while it builds it (2.2 GB for 10,000 documents) and has no
// way to change one page of an index: in parts, its memory is one part's, and an edited
// document re-indexes its part only. The browser merges the parts (register.js).
//
// Merged parts alone would not find what one index finds: Pagefind looks a word up by its
// start, and where no word of an index starts with it, takes the longest word of that index
// the query word starts with ("0633" finds "06"). One index does that only when no document
// has the word; a part does it whenever none of its documents has it, so a diary number
// found in one part brings every other part's near misses (46 hits for 1 on a thousand
// documents in ten parts). So one more index, html/pagefind/words/, has one page per part
// holding the part's words: searched first, it says which parts have every word of the query
// (by Pagefind's own rules, stemming and fallback included), and the search over the parts
// is filtered to those.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "render/search/search_record.h"

namespace kansli::search {

struct SearchShard {
  size_t number = 0;                  // html/pagefind/<number>/; 0 also has Pagefind's scripts
  bool words = false;                 // the index of the parts' words, html/pagefind/words/
  std::vector<SearchRecord> records;  // in the register's order; for words, one per part
};

// The filter a part's pages carry, "part": its number; a page of the words index carries
// "words_of": the number of the part whose words it holds. A search by one never finds the
// other's pages.
inline constexpr char kPartFilter[] = "part";
inline constexpr char kWordsOfFilter[] = "words_of";

// Documents per part for a site of `documents`: $KANSLI_SEARCH_SHARD_SIZE when set to a
// positive number (the tests make several parts of a few documents); else a tenth of the
// site, at least 250 and at most 1000. So an edit re-indexes a quarter of a site of a
// thousand, not all of it; a site of 2,500 to 10,000 documents has ten parts whatever its
// size (adding a document seldom changes how many, which would renumber them); and no part
// holds more than a thousand, whose index Pagefind builds in about 270 MB.
size_t SearchShardSize(size_t documents);

// Each document's part, by its address ("/<id>/"), in the order given. The documents are
// spread over ceil(documents / SearchShardSize()) buckets by a hash of the address, so a
// document stays in its bucket while the number of buckets stays the same, however other
// documents change. The parts are the buckets not left empty, numbered from 0 (part 0 must
// have pages: the browser loads Pagefind's code and language from it); a bucket that empties
// or gets its first document renumbers the parts after it, which are then indexed again
// (rare: see SearchShardSize).
std::vector<size_t> ShardOfEach(const std::vector<std::string>& urls);

// How many parts those documents make; at least one.
size_t ShardCount(const std::vector<size_t>& shard_of_each);

// The records in their parts (ShardOfEach), each part in the records' order; with more than
// one part, each record carries its part's filter.
std::vector<SearchShard> SplitIntoShards(std::vector<SearchRecord> records);

// A part's words: each distinct word (split at spaces) of its records' content and meta, once,
// sorted bytewise, separated by spaces.
std::string PartWords(const SearchShard& shard);

// The index of the parts' words: for part n, one record of words_of_parts[n] (PartWords),
// with the words_of filter.
SearchShard WordsShard(const std::vector<std::string>& words_of_parts);

}  // namespace kansli::search
