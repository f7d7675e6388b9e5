// The search index as Pagefind builds it for kansli: its files, their stability, what a search
// in them finds (run by Pagefind's own pagefind.js in node), and the diagnostic when Pagefind
// is missing or fails.
#include "render/search/search_index.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
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

TEST_F(SearchIndexTest, IsPagefindsBundleWithItsLicenceBelowHtmlPagefind) {
  std::optional<std::vector<OutputFile>> files = Index();
  ASSERT_TRUE(files.has_value()) << diags_.list().front().message;
  EXPECT_TRUE(diags_.empty());
  std::vector<std::string> paths;
  int fragments = 0;
  for (const OutputFile& file : *files) {
    EXPECT_TRUE(file.path.starts_with("html/pagefind/")) << file.path;
    paths.push_back(file.path);
    fragments += file.path.starts_with("html/pagefind/fragment/") ? 1 : 0;
  }
  EXPECT_TRUE(std::is_sorted(paths.begin(), paths.end()));
  for (const char* name : {"html/pagefind/pagefind.js", "html/pagefind/pagefind-entry.json",
                           "html/pagefind/LICENSE.txt"}) {
    EXPECT_NE(std::find(paths.begin(), paths.end(), name), paths.end()) << name;
  }
  EXPECT_EQ(fragments, 3);  // one per document
  // Pagefind's own search interfaces are left out: the register has its own.
  for (const std::string& path : paths) {
    EXPECT_EQ(path.find("-ui."), std::string::npos) << path;
    EXPECT_EQ(path.find("highlight"), std::string::npos) << path;
  }
  const OutputFile& license = *std::find_if(files->begin(), files->end(), [](const auto& f) {
    return f.path == "html/pagefind/LICENSE.txt";
  });
  EXPECT_NE(license.bytes.find("Permission is hereby granted"), std::string::npos);
  const OutputFile& entry = *std::find_if(files->begin(), files->end(), [](const auto& f) {
    return f.path == "html/pagefind/pagefind-entry.json";
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

// Loads the bundle's pagefind.js in node, as a browser would (fetch reads the files), and
// prints the ids each query finds, as JSON.
constexpr char kSearchScript[] = R"(
import fs from 'node:fs';
globalThis.fetch = async (url) => new Response(fs.readFileSync(new URL(url)));
const bundle = new URL('./pagefind/pagefind.js', import.meta.url).href;
const pagefind = await import(bundle);
await pagefind.init();
const found = [];
for (const query of JSON.parse(fs.readFileSync(new URL('./queries.json', import.meta.url)))) {
  const search = await pagefind.search(query);
  found.push(await Promise.all(search.results.map(async (r) => (await r.data()).meta.id)));
}
process.stdout.write(JSON.stringify(found));
)";

TEST_F(SearchIndexTest, FindsADocumentByWordsOfItsBodyTitleOwnerAndDiaryNumber) {
  if (RunCommand("command -v node").exit_code != 0) GTEST_SKIP() << "node is not installed";
  std::optional<std::vector<OutputFile>> files = Index();
  ASSERT_TRUE(files.has_value());
  const fs::path dir =
      fs::temp_directory_path() / ("kansli-pagefind-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  for (const OutputFile& file : *files) {
    fs::path path = dir / file.path.substr(std::string("html/").size());
    fs::create_directories(path.parent_path());
    WriteFile(path, file.bytes);
  }
  WriteFile(dir / "search.mjs", kSearchScript);
  const std::vector<std::string> queries = {"kvittensblankett", "lodjurspolicy", "sjöfartsverket",
                                            "kvittens",         "alfa",          "Kansliet",
                                            "KS 2019/0456",     "Annanby",       "ingetsådantord"};
  WriteFile(dir / "queries.json", nlohmann::json(queries).dump());
  RunResult run = RunCommand("node '" + (dir / "search.mjs").string() + "'");
  fs::remove_all(dir);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  nlohmann::json found = nlohmann::json::parse(run.out, nullptr, false);
  ASSERT_TRUE(found.is_array()) << run.out;
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
