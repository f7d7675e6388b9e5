// `kansli build` and the register's search index: published with the site and listed in its
// manifest, and a Pagefind that cannot run stops the build before anything is published.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "render/search/search_index.h"
#include "support/run_kansli.h"
#include "support/scoped_env.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

TEST(SearchIndex, IsPublishedWithTheRegisterAndListedInTheManifest) {
  fs::path site = MakeSiteCopy({}, true);
  RunResult result = RunKansli({"build", "--today", "2026-11-23"}, site);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const fs::path out = site / "output";
  EXPECT_TRUE(fs::is_regular_file(out / "html/pagefind/0/pagefind.js"));
  EXPECT_TRUE(fs::is_regular_file(out / "html/pagefind/0/pagefind-entry.json"));
  int fragments = 0;
  for (const auto& entry : fs::directory_iterator(out / "html/pagefind/0/fragment")) {
    fragments += entry.path().extension() == ".pf_fragment" ? 1 : 0;
  }
  EXPECT_EQ(fragments, static_cast<int>(std::size(kContentIds)));
  // register.js orders results by these: every page id names a place in the register.
  const nlohmann::json pages = nlohmann::json::parse(ReadFile(out / "html/pagefind/pages.json"));
  EXPECT_EQ(pages.size(), std::size(kContentIds));
  const nlohmann::json titles =
      nlohmann::json::parse(ReadFile(out / "html/pagefind/order/title.json"));
  EXPECT_EQ(titles.size(), std::size(kContentIds));
  const nlohmann::json manifest = nlohmann::json::parse(ReadFile(out / "manifest.json"));
  int listed = 0;
  for (const nlohmann::json& file : manifest.at("files")) {
    listed += file.at("path").get<std::string>().starts_with("html/pagefind/") ? 1 : 0;
  }
  int present = 0;
  for (const auto& entry : fs::recursive_directory_iterator(out / "html/pagefind")) {
    present += entry.is_regular_file() ? 1 : 0;
  }
  EXPECT_EQ(listed, present);
  fs::remove_all(site);
}

TEST(SearchIndex, PagefindMissingPublishesNothingAndExitsThree) {
  fs::path site = MakeSiteCopy({}, true);
  fs::create_directories(site / "output");
  std::ofstream(site / "output" / "keep.txt") << "previous";
  std::ofstream(site / "output" / "manifest.json") << "{}";  // an earlier kansli output
  const std::string previous = Fingerprint(site / "output");
  RunResult result;
  {
    ScopedEnv pagefind("KANSLI_PAGEFIND", "/nonexistent/pagefind_extended");
    result = RunKansli({"build", "--today", "2026-11-23"}, site);
  }
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_NE(result.err.find("error: cannot build the search index: cannot run "
                            "/nonexistent/pagefind_extended: No such file or directory "
                            "[search-index-failed]"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("hint: kansli runs Pagefind from /nonexistent/pagefind_extended"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(Fingerprint(site / "output"), previous);
  fs::remove_all(site);
}

// Builds a site with a Pagefind that counts its runs: how many parts of the index were made.
class CountedBuilds {
 public:
  explicit CountedBuilds(const fs::path& site)
      : site_(site), runs_(site / "pagefind-runs"), pagefind_("KANSLI_PAGEFIND", Wrapper(site).c_str()) {}

  // Builds, and gives the number of Pagefind runs so far.
  long BuildAndCount() {
    RunResult result = RunKansli({"build", "--today", "2026-11-23"}, site_);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    const std::string text = fs::exists(runs_) ? ReadFile(runs_) : "";
    return std::count(text.begin(), text.end(), '\n');
  }

 private:
  static std::string Wrapper(const fs::path& site) {
    const fs::path counted = site / "pagefind-counted";
    WriteFile(counted, "#!/bin/sh\necho run >> '" + (site / "pagefind-runs").string() +
                           "'\nexec '" + search::PagefindBinary().string() + "' \"$@\"\n");
    fs::permissions(counted, fs::perms::owner_all, fs::perm_options::add);
    return counted.string();
  }

  fs::path site_;
  fs::path runs_;
  ScopedEnv pagefind_;
};

// Pagefind indexes the site afresh only when a record changes; otherwise the index comes from
// the build cache, so that a template or script edit costs no re-indexing at 10,000 documents.
TEST(SearchIndex, IsIndexedAgainOnlyWhenWhatItHoldsChanges) {
  const fs::path site = MakeSiteCopy({}, true);
  CountedBuilds builds(site);
  auto build_and_count = [&] { return builds.BuildAndCount(); };
  EXPECT_EQ(build_and_count(), 1);
  const std::string index = ReadFile(site / "output/html/pagefind/0/pagefind-entry.json");
  EXPECT_EQ(build_and_count(), 1) << "nothing changed";
  WriteFile(site / "layouts/kansli.css", ReadFile(site / "layouts/kansli.css") + "\n/* x */\n");
  EXPECT_EQ(build_and_count(), 1) << "a stylesheet is not in the index";
  EXPECT_EQ(ReadFile(site / "output/html/pagefind/0/pagefind-entry.json"), index);
  const fs::path osby = site / "content/osby/osby-policy-internationellt-arbete.md";
  WriteFile(osby, ReadFile(osby) + "\nEtt stycke om vänorter.\n");
  EXPECT_EQ(build_and_count(), 2) << "a body is";
  WriteFile(osby, std::regex_replace(ReadFile(osby), std::regex("\ntitle: [^\n]*"),
                                     "\ntitle: Policy för vänorter",
                                     std::regex_constants::format_first_only));
  EXPECT_EQ(build_and_count(), 3) << "a title is";
  fs::remove_all(site);
}

// In parts (here of one document each), an edit re-indexes the edited document's part and
// the index of the parts' words only, and the register's page names every part for
// register.js to merge.
TEST(SearchIndex, AnEditReindexesOnlyTheEditedDocumentsPart) {
  const fs::path site = MakeSiteCopy({}, true);
  CountedBuilds builds(site);
  ScopedEnv parts("KANSLI_SEARCH_SHARD_SIZE", "1");
  const long built = builds.BuildAndCount();
  const fs::path out = site / "output/html/pagefind";
  long numbered = 0;
  while (fs::is_directory(out / std::to_string(numbered))) ++numbered;
  EXPECT_GT(numbered, 1) << "five documents in parts of one make several parts";
  EXPECT_TRUE(fs::is_directory(out / "words"));
  EXPECT_EQ(built, numbered + 1) << "one Pagefind run per part, and one for the words index";
  EXPECT_NE(ReadFile(site / "output/html/index.html")
                .find("data-search-parts=\"" + std::to_string(numbered) + "\""),
            std::string::npos);
  // Only part 0 carries Pagefind's code; the others are merged into it.
  EXPECT_TRUE(fs::is_regular_file(out / "0/pagefind.js"));
  EXPECT_FALSE(fs::exists(out / "1/pagefind.js"));
  EXPECT_FALSE(fs::exists(out / "words/wasm.sv.pagefind"));
  EXPECT_EQ(builds.BuildAndCount(), built) << "nothing changed";
  const fs::path osby = site / "content/osby/osby-policy-internationellt-arbete.md";
  WriteFile(osby, ReadFile(osby) + "\nEtt stycke om vänorter.\n");
  EXPECT_EQ(builds.BuildAndCount(), built + 2) << "its part, and the words index for a new word";
  fs::remove_all(site);
}

}  // namespace
}  // namespace kansli::testing
