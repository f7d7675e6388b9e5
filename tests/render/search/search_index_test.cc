// The search index as Pagefind builds it for kansli: its files, their stability, what a search
// in them finds (run by Pagefind's own pagefind.js in node), and the diagnostic when Pagefind
// is missing or fails.
#include "render/search/search_index.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "render/search/search_site.h"
#include "support/run_kansli.h"
#include "support/scoped_env.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

class SearchIndexTest : public ::testing::Test {
 protected:
  SearchIndexTest() : site_(kSearchSite, "2026-01-01") {
    EXPECT_TRUE(site_.site.has_value()) << site_.DiagnosticLines();
    graph_.emplace(*site_.site, Relations{});
  }

  std::optional<std::vector<OutputFile>> Index() { return search::IndexSearch(*graph_, diags_); }

  TestSite site_;
  std::optional<SiteGraph> graph_;
  Diagnostics diags_;
};

TEST_F(SearchIndexTest, IsPagefindsBundleWithItsLicenceBelowHtmlPagefind0) {
  std::optional<std::vector<OutputFile>> files = Index();
  ASSERT_TRUE(files.has_value()) << diags_.list().front().message;
  EXPECT_TRUE(diags_.empty());
  std::vector<std::string> paths;
  int fragments = 0;
  for (const OutputFile& file : *files) {
    EXPECT_TRUE(file.path.starts_with("html/pagefind/")) << file.path;
    paths.push_back(file.path);
    fragments += file.path.starts_with("html/pagefind/0/fragment/") ? 1 : 0;
  }
  EXPECT_TRUE(std::is_sorted(paths.begin(), paths.end()));
  for (const char* name : {"html/pagefind/0/pagefind.js", "html/pagefind/0/pagefind-entry.json",
                           "html/pagefind/0/LICENSE.txt", "html/pagefind/pages.json",
                           "html/pagefind/order/title.json"}) {
    EXPECT_NE(std::find(paths.begin(), paths.end(), name), paths.end()) << name;
  }
  EXPECT_EQ(fragments, 3);  // one per document
  // Pagefind's own search interfaces are left out: the register has its own.
  for (const std::string& path : paths) {
    EXPECT_EQ(path.find("-ui."), std::string::npos) << path;
    EXPECT_EQ(path.find("highlight"), std::string::npos) << path;
  }
  const OutputFile& license = *std::find_if(files->begin(), files->end(), [](const auto& f) {
    return f.path == "html/pagefind/0/LICENSE.txt";
  });
  EXPECT_NE(license.bytes.find("Permission is hereby granted"), std::string::npos);
  const OutputFile& entry = *std::find_if(files->begin(), files->end(), [](const auto& f) {
    return f.path == "html/pagefind/0/pagefind-entry.json";
  });
  nlohmann::json languages = nlohmann::json::parse(entry.bytes).at("languages");
  EXPECT_TRUE(languages.contains("sv")) << entry.bytes;  // Swedish stemming
}

TEST_F(SearchIndexTest, TheSameSiteGivesTheSameBytes) {
  std::optional<std::vector<OutputFile>> first = Index();
  std::optional<std::vector<OutputFile>> second = Index();
  ASSERT_TRUE(first && second);
  ASSERT_EQ(first->size(), second->size());
  for (size_t i = 0; i < first->size(); ++i) {
    EXPECT_EQ((*first)[i].path, (*second)[i].path);
    EXPECT_TRUE((*first)[i].bytes == (*second)[i].bytes) << (*first)[i].path;
  }
}

// Loads the bundle's pagefind.js in node, as a browser would (fetch reads the files), merges
// the other parts and searches them as register.js does (only the parts the words index says
// have every word), and prints the ids each query finds, as JSON.
constexpr char kSearchScript[] = R"(
import fs from 'node:fs';
globalThis.fetch = async (url) => new Response(fs.readFileSync(new URL(url)));
const index = new URL('./pagefind/', import.meta.url).href;
const pagefind = await import(index + '0/pagefind.js');
await pagefind.init();
const parts = ['0'];
while (fs.existsSync(new URL(parts.length + '/', index))) {
  await pagefind.mergeIndex(index + parts.length + '/');
  parts.push(String(parts.length));
}
if (parts.length > 1) await pagefind.mergeIndex(index + 'words/');
const found = [];
for (const query of JSON.parse(fs.readFileSync(new URL('./queries.json', import.meta.url)))) {
  let filters = {};
  if (parts.length > 1) {
    const words = await pagefind.search(query, { filters: { words_of: { any: parts } } });
    const counts = words.filters.words_of ?? {};
    filters = { part: { any: parts.filter((part) => counts[part] > 0) } };
  }
  const search = filters.part?.any.length === 0 ? { results: [] } : await pagefind.search(query, { filters });
  found.push(await Promise.all(search.results.map(async (r) => (await r.data()).meta.id)));
}
process.stdout.write(JSON.stringify(found));
)";

// The ids each query finds, in the index written to a folder and searched by Pagefind's own
// pagefind.js in node, every part merged as register.js merges them; and how many parts.
std::pair<nlohmann::json, int> SearchAll(const std::vector<OutputFile>& files,
                                         const std::vector<std::string>& queries) {
  const fs::path dir =
      fs::temp_directory_path() / ("kansli-pagefind-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  for (const OutputFile& file : files) {
    fs::path path = dir / file.path.substr(std::string("html/").size());
    fs::create_directories(path.parent_path());
    WriteFile(path, file.bytes);
  }
  int parts = 0;
  while (fs::exists(dir / "pagefind" / std::to_string(parts))) ++parts;
  WriteFile(dir / "search.mjs", kSearchScript);
  WriteFile(dir / "queries.json", nlohmann::json(queries).dump());
  RunResult run = RunCommand("node '" + (dir / "search.mjs").string() + "'");
  fs::remove_all(dir);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return {nlohmann::json::parse(run.out, nullptr, false), parts};
}

void ExpectEachQueryFindsItsDocument(const std::vector<OutputFile>& files) {
  const std::vector<std::string> queries = {"kvittensblankett", "lodjurspolicy", "sjöfartsverket",
                                            "kvittens",         "alfa",          "Kansliet",
                                            "KS 2019/0456",     "Annanby",       "ingetsådantord"};
  const nlohmann::json found = SearchAll(files, queries).first;
  ASSERT_TRUE(found.is_array()) << found;
  using Ids = std::vector<std::string>;
  EXPECT_EQ(found.at(0).get<Ids>(), Ids{"a"});  // a table cell
  EXPECT_EQ(found.at(1).get<Ids>(), Ids{"b"});  // a code block
  EXPECT_EQ(found.at(2).get<Ids>(), Ids{"c"});  // a list item
  EXPECT_EQ(found.at(3).get<Ids>(), Ids{"a"});  // the start of a word
  EXPECT_EQ(found.at(4).get<Ids>(), Ids{"a"});  // the title
  EXPECT_EQ(found.at(5).get<Ids>(), Ids{"a"});  // the owner
  EXPECT_EQ(found.at(6).get<Ids>(), Ids{"c"});  // the diary number
  EXPECT_EQ(found.at(7).get<Ids>(), Ids{"c"});  // the organisation
  EXPECT_EQ(found.at(8).get<Ids>(), Ids{});
}

TEST_F(SearchIndexTest, FindsADocumentByWordsOfItsBodyTitleOwnerAndDiaryNumber) {
  if (RunCommand("command -v node").exit_code != 0) GTEST_SKIP() << "node is not installed";
  std::optional<std::vector<OutputFile>> files = Index();
  ASSERT_TRUE(files.has_value());
  ExpectEachQueryFindsItsDocument(*files);
}

// Parts of one document: three documents in more than one part, which Pagefind merges.
TEST_F(SearchIndexTest, InPartsASearchFindsTheSameAcrossThem) {
  if (RunCommand("command -v node").exit_code != 0) GTEST_SKIP() << "node is not installed";
  ScopedEnv parts("KANSLI_SEARCH_SHARD_SIZE", "1");
  std::optional<std::vector<OutputFile>> files = Index();
  ASSERT_TRUE(files.has_value()) << diags_.list().front().message;
  EXPECT_GT(SearchAll(*files, {}).second, 1);
  ExpectEachQueryFindsItsDocument(*files);
  // Only part 0 carries Pagefind's code; the words index is there, and every page id of the
  // parts (not the words index's) names its document's place.
  int code = 0;
  int words = 0;
  for (const OutputFile& file : *files) {
    code += file.path.ends_with("/pagefind.js") || file.path.ends_with(".pagefind") ? 1 : 0;
    words += file.path.starts_with("html/pagefind/words/fragment/") ? 1 : 0;
  }
  EXPECT_EQ(code, 3);  // part 0's pagefind.js and its two WebAssembly files
  EXPECT_EQ(words, SearchAll(*files, {}).second);  // one page per part
  const OutputFile& pages = *std::find_if(files->begin(), files->end(), [](const auto& f) {
    return f.path == "html/pagefind/pages.json";
  });
  std::vector<int> places;
  const nlohmann::json pages_json = nlohmann::json::parse(pages.bytes);
  for (const auto& [page, place] : pages_json.items()) {
    EXPECT_TRUE(page.starts_with("sv_")) << page;
    places.push_back(place.get<int>());
  }
  std::sort(places.begin(), places.end());
  EXPECT_EQ(places, (std::vector<int>{0, 1, 2}));
}

// Page ids are short hashes, unique within one part: one that two parts share lists both
// documents, by place and id, for register.js to tell apart by the result's data.
TEST_F(SearchIndexTest, APageIdTwoPartsShareNamesBothDocuments) {
  std::vector<search::IndexedShard> shards(2);
  shards[0].pages = {{"sv_1234567", "a"}, {"sv_aaaaaaa", "b"}};
  shards[1].pages = {{"sv_1234567", "c"}};
  std::vector<OutputFile> files = search::SearchIndexFiles(*graph_, shards, std::nullopt);
  const OutputFile& pages = *std::find_if(files.begin(), files.end(), [](const auto& f) {
    return f.path == "html/pagefind/pages.json";
  });
  // The register's order: c (Annanby), a, b.
  EXPECT_EQ(nlohmann::json::parse(pages.bytes),
            nlohmann::json::parse(R"({"sv_1234567": [[1, "a"], [0, "c"]], "sv_aaaaaaa": 2})"));
}

TEST_F(SearchIndexTest, MissingPagefindIsSearchIndexFailedWithAHint) {
  ScopedEnv env("KANSLI_PAGEFIND", "/nonexistent/pagefind_extended");
  EXPECT_FALSE(Index().has_value());
  ASSERT_EQ(diags_.list().size(), 1u);
  const Diagnostic& d = diags_.list().front();
  EXPECT_EQ(d.code, Code::kSearchIndexFailed);
  EXPECT_EQ(d.message,
            "cannot build the search index: cannot run /nonexistent/pagefind_extended: No such "
            "file or directory");
  ASSERT_EQ(d.hints.size(), 1u);
  EXPECT_NE(d.hints[0].find("npm ci"), std::string::npos) << d.hints[0];
  EXPECT_NE(d.hints[0].find("KANSLI_PAGEFIND"), std::string::npos) << d.hints[0];
}

TEST_F(SearchIndexTest, PagefindThatFailsIsSearchIndexFailed) {
  ScopedEnv env("KANSLI_PAGEFIND", "/bin/false");
  EXPECT_FALSE(Index().has_value());
  ASSERT_EQ(diags_.list().size(), 1u);
  EXPECT_EQ(diags_.list().front().code, Code::kSearchIndexFailed);
  EXPECT_EQ(diags_.list().front().message,
            "cannot build the search index: Pagefind ended with exit code 1 before the index "
            "was written");
}

}  // namespace
}  // namespace kansli::testing
