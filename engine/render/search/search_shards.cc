#include "render/search/search_shards.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_set>
#include <string_view>

#include "source/sha256.h"

namespace kansli::search {

size_t SearchShardSize(size_t documents) {
  if (const char* value = std::getenv("KANSLI_SEARCH_SHARD_SIZE")) {
    char* end = nullptr;
    const long long size = std::strtoll(value, &end, 10);
    if (end != value && *end == '\0' && size > 0) return static_cast<size_t>(size);
  }
  return std::clamp<size_t>((documents + 9) / 10, 250, 1000);
}

std::vector<size_t> ShardOfEach(const std::vector<std::string>& urls) {
  const size_t size = SearchShardSize(urls.size());
  const size_t buckets = std::max<size_t>(1, (urls.size() + size - 1) / size);
  std::vector<size_t> shard(urls.size());
  std::vector<char> used(buckets, 0);
  for (size_t i = 0; i < urls.size(); ++i) {
    // The start of the address's SHA-256 spreads the documents evenly.
    shard[i] = std::strtoull(Sha256Hex(urls[i]).substr(0, 15).c_str(), nullptr, 16) % buckets;
    used[shard[i]] = 1;
  }
  std::vector<size_t> number(buckets);
  for (size_t bucket = 0, next = 0; bucket < buckets; ++bucket) {
    number[bucket] = next;
    next += used[bucket];
  }
  for (size_t& s : shard) s = number[s];
  return shard;
}

size_t ShardCount(const std::vector<size_t>& shard_of_each) {
  return shard_of_each.empty() ? 1
                               : *std::max_element(shard_of_each.begin(), shard_of_each.end()) + 1;
}

std::vector<SearchShard> SplitIntoShards(std::vector<SearchRecord> records) {
  std::vector<std::string> urls;
  urls.reserve(records.size());
  for (const SearchRecord& record : records) urls.push_back(record.url);
  const std::vector<size_t> shard_of = ShardOfEach(urls);
  std::vector<SearchShard> shards(ShardCount(shard_of));
  for (size_t n = 0; n < shards.size(); ++n) shards[n].number = n;
  for (size_t i = 0; i < records.size(); ++i) {
    if (shards.size() > 1) records[i].filters[kPartFilter] = {std::to_string(shard_of[i])};
    shards[shard_of[i]].records.push_back(std::move(records[i]));
  }
  return shards;
}

std::string PartWords(const SearchShard& shard) {
  // Hashed while collecting (a part's text is millions of words), sorted once at the end,
  // so the same records give the same words.
  std::unordered_set<std::string_view> distinct;
  auto add = [&distinct](std::string_view text) {
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find_first_of(" \t\n\r", start);
      if (end == std::string_view::npos) end = text.size();
      if (end > start) distinct.insert(text.substr(start, end - start));
      start = end + 1;
    }
  };
  for (const SearchRecord& record : shard.records) {
    add(record.content);
    for (const auto& [name, value] : record.meta) add(value);
  }
  std::vector<std::string_view> sorted(distinct.begin(), distinct.end());
  std::sort(sorted.begin(), sorted.end());
  std::string words;
  for (std::string_view word : sorted) {
    if (!words.empty()) words += ' ';
    words += word;
  }
  return words;
}

SearchShard WordsShard(const std::vector<std::string>& words_of_parts) {
  SearchShard words{.words = true};
  for (size_t n = 0; n < words_of_parts.size(); ++n) {
    SearchRecord record{.url = "/" + std::to_string(n) + "/", .content = words_of_parts[n]};
    record.filters[kWordsOfFilter] = {std::to_string(n)};
    words.records.push_back(std::move(record));
  }
  return words;
}

}  // namespace kansli::search
