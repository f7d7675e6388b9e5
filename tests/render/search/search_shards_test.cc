// The parts of the search index: every document in one, none empty, and each document's part
// decided by its own address, so that an edit elsewhere leaves it where it is.
#include "render/search/search_shards.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "support/scoped_env.h"

namespace kansli::testing {
namespace {

using search::ShardCount;
using search::ShardOfEach;

std::vector<std::string> Urls(int count, const std::string& prefix = "doc-") {
  std::vector<std::string> urls;
  for (int i = 0; i < count; ++i) urls.push_back("/" + prefix + std::to_string(i) + "/");
  return urls;
}

TEST(SearchShards, ATenthOfTheSiteAPartFrom250To1000Documents) {
  EXPECT_EQ(search::SearchShardSize(0), 250u);
  EXPECT_EQ(search::SearchShardSize(1000), 250u);
  EXPECT_EQ(search::SearchShardSize(4500), 450u);
  EXPECT_EQ(search::SearchShardSize(10000), 1000u);
  EXPECT_EQ(search::SearchShardSize(40000), 1000u);
  EXPECT_EQ(ShardCount(ShardOfEach({})), 1u);
  EXPECT_EQ(ShardCount(ShardOfEach(Urls(250))), 1u);
  EXPECT_EQ(ShardCount(ShardOfEach(Urls(1000))), 4u);
  // From 2,500 to 10,000 documents, ten parts: a document added seldom renumbers them.
  for (int n : {2501, 4500, 9999, 10000}) EXPECT_EQ(ShardCount(ShardOfEach(Urls(n))), 10u) << n;
  EXPECT_EQ(ShardCount(ShardOfEach(Urls(12000))), 12u);
  const std::vector<size_t> parts = ShardOfEach(Urls(4500));
  std::vector<int> sizes(10);
  for (size_t part : parts) ++sizes.at(part);
  for (int size : sizes) {
    EXPECT_GT(size, 330);  // spread evenly: 450 each on average
    EXPECT_LT(size, 570);
  }
}

TEST(SearchShards, APartIsNeverEmptyAndTheyAreNumberedFromZero) {
  ScopedEnv size("KANSLI_SEARCH_SHARD_SIZE", "1");
  const std::vector<size_t> parts = ShardOfEach(Urls(7));
  const std::set<size_t> used(parts.begin(), parts.end());
  EXPECT_EQ(used.size(), ShardCount(parts));  // seven buckets, fewer of them used
  EXPECT_EQ(*used.rbegin() + 1, used.size());
}

TEST(SearchShards, ADocumentKeepsItsPartWhenOthersChange) {
  std::vector<std::string> urls = Urls(3000);
  const std::vector<size_t> before = ShardOfEach(urls);
  urls[17] = "/a-renamed-document/";
  urls.pop_back();  // one fewer: still three parts
  const std::vector<size_t> after = ShardOfEach(urls);
  for (size_t i = 0; i < after.size(); ++i) {
    if (i != 17) {
      EXPECT_EQ(after[i], before[i]) << urls[i];
    }
  }
}

TEST(SearchShards, SplitKeepsTheRecordsOrderWithinAPartAndFiltersByIt) {
  ScopedEnv size("KANSLI_SEARCH_SHARD_SIZE", "2");
  std::vector<search::SearchRecord> records;
  for (const std::string& url : Urls(9)) records.push_back({.url = url});
  const std::vector<search::SearchShard> shards = search::SplitIntoShards(records);
  size_t total = 0;
  for (size_t n = 0; n < shards.size(); ++n) {
    EXPECT_EQ(shards[n].number, n);
    EXPECT_FALSE(shards[n].records.empty());
    total += shards[n].records.size();
    for (size_t i = 1; i < shards[n].records.size(); ++i) {
      EXPECT_LT(shards[n].records[i - 1].url, shards[n].records[i].url);  // doc-0 … doc-8
    }
    for (const search::SearchRecord& record : shards[n].records) {
      EXPECT_EQ(record.filters.at(search::kPartFilter), std::vector<std::string>{std::to_string(n)});
    }
  }
  EXPECT_EQ(total, 9u);
}

// The words index: one page per part with each of its words once, from the text and the meta,
// filtered by the part's number (words_of), never by "part", which the documents carry.
TEST(SearchShards, TheWordsIndexHasEachPartsWordsOnce) {
  std::vector<search::SearchShard> shards(2);
  shards[0].records = {{.url = "/a/", .content = "ett två\ntvå", .meta = {{"title", "Tre ett"}}},
                       {.url = "/b/", .content = "fyra  ett"}};
  shards[1] = {.number = 1, .records = {{.url = "/c/", .content = "fem"}}};
  EXPECT_EQ(search::PartWords(shards[1]), "fem");
  const search::SearchShard words =
      search::WordsShard({search::PartWords(shards[0]), search::PartWords(shards[1])});
  EXPECT_TRUE(words.words);
  ASSERT_EQ(words.records.size(), 2u);
  EXPECT_EQ(words.records[0].url, "/0/");
  EXPECT_EQ(words.records[0].content, "Tre ett fyra två");  // sorted bytewise, each once
  EXPECT_EQ(words.records[0].filters.at(search::kWordsOfFilter), std::vector<std::string>{"0"});
  EXPECT_FALSE(words.records[0].filters.contains(search::kPartFilter));
  EXPECT_EQ(words.records[1].content, "fem");
}

}  // namespace
}  // namespace kansli::testing
