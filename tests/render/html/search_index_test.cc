#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "render/html/html_query.h"
#include "render/html/search_library.h"
#include "support/run_kansli.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

constexpr char kIndexPath[] = "html/assets/search-index.js";
constexpr char kAssignment[] = "window.kansliSearchDocuments = ";

// Every kind of block, each holding words no other block has. "kvittensblankett" is only
// in a's table, "lodjurspolicy" only in b's code block, "sjöfartsverket" only in c's list.
constexpr char kSite[] = R"(-- content/a.md --
---
id: a
title: Alfa
type: policy
organisation: Testby kommun
status: utkast
owner: Kansliet
---
# Rubrik om alfa

Ett *betonat* och **fett** stycke med `kodord` och [en länk](https://example.org/) och
~~struken~~ text, [[b]] och [[c|en etikett]].

- punkt ett
- punkt två
  1. inre punkt

> citerad mening

| Kolumn | Annan |
|--------|-------|
| kvittensblankett | annat värde |

Sista stycket  
ny rad.
-- content/b.md --
---
id: b
title: "Beta </script><script>alert(1)</script>"
type: policy
organisation: Testby kommun
status: utkast
owner: "Ägare \u2028 rad"
---
```text
lodjurspolicy = 1
```

***
-- content/c.md --
---
id: c
title: "Gamma \u2028\u2029 med radseparator"
type: plan
organisation: Annanby kommun
status: utkast
owner: Planenheten
---
## Avsnitt

1. sjöfartsverket
2. annat
)";

// The JSON array the script assigns, or a parse failure's message.
struct ParsedIndex {
  nlohmann::json documents;
  std::string error;
};

ParsedIndex ParseIndex(const std::string& js) {
  size_t start = js.find(kAssignment);
  size_t end = js.rfind(';');
  if (start == std::string::npos || end == std::string::npos || end < start) {
    return {{}, "no assignment to window.kansliSearchDocuments"};
  }
  start += std::string(kAssignment).size();
  nlohmann::json parsed = nlohmann::json::parse(js.substr(start, end - start), nullptr, false);
  if (parsed.is_discarded()) return {{}, "the index is not JSON"};
  return {parsed, ""};
}

class SearchIndexTest : public ::testing::Test {
 protected:
  SearchIndexTest() : site_(kSite, "2026-01-01") {
    EXPECT_TRUE(site_.site.has_value()) << site_.DiagnosticLines();
    graph_.emplace(*site_.site, Relations{});
    file_ = html::WriteSearchIndex(*graph_);
  }

  std::string BodyOf(const std::string& id) { return html::BodyText(graph_->Find(id)->body()); }

  TestSite site_;
  std::optional<SiteGraph> graph_;
  OutputFile file_;
};

TEST_F(SearchIndexTest, IsAScriptAssigningOneEntryPerDocumentInRegisterOrder) {
  EXPECT_EQ(file_.path, kIndexPath);
  ParsedIndex index = ParseIndex(file_.bytes);
  ASSERT_TRUE(index.error.empty()) << index.error << "\n" << file_.bytes;
  ASSERT_TRUE(index.documents.is_array());
  std::vector<std::string> ids;
  for (const auto& entry : index.documents) ids.push_back(entry.at("id").get<std::string>());
  std::vector<std::string> expected;
  for (const SiteDocument* doc : graph_->Register()) expected.push_back(doc->id);
  EXPECT_EQ(ids, expected);
  EXPECT_EQ(ids, (std::vector<std::string>{"c", "a", "b"}));  // Annanby before Testby
  EXPECT_TRUE(file_.bytes.ends_with(";\n"));
}

TEST_F(SearchIndexTest, EntryHasTitleTextOrganisationOwnerAndTypeLabel) {
  ParsedIndex index = ParseIndex(file_.bytes);
  ASSERT_TRUE(index.error.empty()) << index.error;
  const nlohmann::json& c = index.documents.at(0);
  EXPECT_EQ(c.at("title"), "Gamma \u2028\u2029 med radseparator");
  EXPECT_EQ(c.at("organisation"), "Annanby kommun");
  EXPECT_EQ(c.at("owner"), "Planenheten");
  EXPECT_EQ(c.at("type"), "Plan");
  EXPECT_EQ(c.at("text"), BodyOf("c"));
}

TEST_F(SearchIndexTest, BodyTextHasTheWordsOfEveryKindOfBlock) {
  const std::string text = BodyOf("a");
  for (const char* words :
       {"Rubrik om alfa", "Ett betonat och fett stycke med kodord och en länk och", "struken",
        "punkt ett", "punkt två", "inre punkt", "citerad mening", "Kolumn", "Annan",
        "kvittensblankett", "annat värde", "Sista stycket", "ny rad.", "en etikett"}) {
    EXPECT_NE(text.find(words), std::string::npos) << words << " not in: " << text;
  }
  EXPECT_NE(BodyOf("b").find("lodjurspolicy = 1"), std::string::npos) << BodyOf("b");
  EXPECT_NE(BodyOf("c").find("sjöfartsverket"), std::string::npos) << BodyOf("c");
}

TEST_F(SearchIndexTest, BodyTextSeparatesBlocks) {
  const std::string text = BodyOf("a");
  // Words of neighbouring blocks, list items and table cells never run together.
  for (const char* joined : {"alfa Ett", "punkt ett punkt två", "Kolumn Annan",
                             "kvittensblankett annat värde", "stycket ny rad."}) {
    EXPECT_NE(text.find(joined), std::string::npos) << joined << " not in: " << text;
  }
  EXPECT_EQ(BodyOf("c"), "Avsnitt sjöfartsverket annat");
}

TEST_F(SearchIndexTest, BodyTextHasNoMarkdownSyntax) {
  for (const char* id : {"a", "b", "c"}) {
    const std::string text = BodyOf(id);
    for (const char* syntax : {"*", "#", "|", "`", "](", "~~", "[[", "]]", "> ", "---", "1. "}) {
      EXPECT_EQ(text.find(syntax), std::string::npos) << id << ": '" << syntax << "' in: " << text;
    }
    EXPECT_EQ(text.find("https://example.org"), std::string::npos) << text;
  }
}

TEST_F(SearchIndexTest, ScriptEndTagInTitleStaysInertText) {
  ParsedIndex index = ParseIndex(file_.bytes);
  ASSERT_TRUE(index.error.empty()) << index.error;
  EXPECT_EQ(index.documents.at(2).at("title"), "Beta </script><script>alert(1)</script>");
  // The index is a script: "</script>" in it would end an inline <script> early, so it must
  // be written escaped ("<\/script>" or "\u003c/script>").
  EXPECT_EQ(file_.bytes.find("</script"), std::string::npos) << file_.bytes;
}

TEST_F(SearchIndexTest, LineSeparatorsInTextKeepTheJsonValid) {
  ParsedIndex index = ParseIndex(file_.bytes);
  ASSERT_TRUE(index.error.empty()) << index.error;
  EXPECT_EQ(index.documents.at(2).at("owner"), "Ägare \u2028 rad");
}

fs::path FreshDir() {
  static std::atomic<int> counter{0};
  fs::path dir = fs::temp_directory_path() /
                 ("kansli-search-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void Write(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// Loads minisearch.js and search-index.js into a fresh global as a browser does (plain
// scripts), builds the index with the register's options (layouts/register.js) and prints
// the ids each query finds, as JSON.
constexpr char kSearchScript[] = R"(
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const context = vm.createContext({});
context.window = context;
for (const name of ['minisearch.js', 'search-index.js']) {
  vm.runInContext(fs.readFileSync(path.join(__dirname, name), 'utf8'), context, {filename: name});
}
const queries = JSON.parse(fs.readFileSync(path.join(__dirname, 'queries.json'), 'utf8'));
context.queries = queries;
const found = vm.runInContext(`
  var index = new MiniSearch({
    fields: ['title', 'text', 'organisation', 'owner', 'type'],
    searchOptions: {
      boost: { title: 3 },
      prefix: true,
      fuzzy: function (term) { return term.length > 5 ? 0.15 : false; },
      combineWith: 'AND'
    }
  });
  index.addAll(window.kansliSearchDocuments);
  JSON.stringify({
    count: window.kansliSearchDocuments.length,
    results: queries.map(function (q) { return index.search(q).map(function (r) { return r.id; }); })
  });
`, context);
process.stdout.write(found);
)";

TEST_F(SearchIndexTest, MiniSearchFindsAWordOnlyInOneDocumentsBody) {
  if (RunCommand("command -v node").exit_code != 0) GTEST_SKIP() << "node is not installed";
  fs::path dir = FreshDir();
  Write(dir / "minisearch.js", html::SearchLibrary());
  Write(dir / "search-index.js", file_.bytes);
  Write(dir / "search.js", kSearchScript);
  const std::vector<std::string> queries = {"kvittensblankett", "lodjurspolicy", "sjöfartsverket",
                                            "kvittens",         "alfa",          "Kansliet",
                                            "ingetsådantord"};
  Write(dir / "queries.json", nlohmann::json(queries).dump());
  RunResult run = RunCommand("node '" + (dir / "search.js").string() + "'");
  fs::remove_all(dir);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  nlohmann::json out = nlohmann::json::parse(run.out, nullptr, false);
  ASSERT_FALSE(out.is_discarded()) << run.out;
  EXPECT_EQ(out.at("count"), 3);
  using Ids = std::vector<std::string>;
  const nlohmann::json& results = out.at("results");
  EXPECT_EQ(results.at(0).get<Ids>(), Ids{"a"});  // a table cell
  EXPECT_EQ(results.at(1).get<Ids>(), Ids{"b"});  // a code block
  EXPECT_EQ(results.at(2).get<Ids>(), Ids{"c"});  // a list item
  EXPECT_EQ(results.at(3).get<Ids>(), Ids{"a"});  // a prefix
  EXPECT_EQ(results.at(4).get<Ids>(), Ids{"a"});  // the title (and the heading)
  Ids owners = results.at(5).get<Ids>();
  std::sort(owners.begin(), owners.end());
  EXPECT_EQ(owners, Ids{"a"});
  EXPECT_EQ(results.at(6).get<Ids>(), Ids{});
}

TEST(SearchLibrary, IsMiniSearchWithItsLicenceAndNoSourceMap) {
  const std::string js = html::SearchLibrary();
  EXPECT_TRUE(js.starts_with("/*! MiniSearch")) << js.substr(0, 100);
  EXPECT_NE(js.find("Permission is hereby granted"), std::string::npos);
  EXPECT_NE(js.find("MiniSearch = factory()"), std::string::npos);
  EXPECT_EQ(js.find("sourceMappingURL"), std::string::npos);
}

}  // namespace
}  // namespace kansli::testing
