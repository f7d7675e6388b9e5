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
  EXPECT_TRUE(fs::is_regular_file(out / "html/pagefind/pagefind.js"));
  EXPECT_TRUE(fs::is_regular_file(out / "html/pagefind/pagefind-entry.json"));
  int fragments = 0;
  for (const auto& entry : fs::directory_iterator(out / "html/pagefind/fragment")) {
    fragments += entry.path().extension() == ".pf_fragment" ? 1 : 0;
  }
  EXPECT_EQ(fragments, static_cast<int>(std::size(kContentIds)));
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

// Pagefind indexes the site afresh only when a record changes; otherwise the index comes from
// the build cache, so that a template or script edit costs no re-indexing at 10,000 documents.
TEST(SearchIndex, IsIndexedAgainOnlyWhenWhatItHoldsChanges) {
  const fs::path site = MakeSiteCopy({}, true);
  const fs::path runs = site / "pagefind-runs";
  const fs::path counted = site / "pagefind-counted";
  WriteFile(counted, "#!/bin/sh\necho run >> '" + runs.string() + "'\nexec '" +
                         search::PagefindBinary().string() + "' \"$@\"\n");
  fs::permissions(counted, fs::perms::owner_all, fs::perm_options::add);
  ScopedEnv pagefind("KANSLI_PAGEFIND", counted.c_str());
  auto build_and_count = [&] {
    RunResult result = RunKansli({"build", "--today", "2026-11-23"}, site);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    const std::string text = fs::exists(runs) ? ReadFile(runs) : "";
    return std::count(text.begin(), text.end(), '\n');
  };
  EXPECT_EQ(build_and_count(), 1);
  const std::string index = ReadFile(site / "output/html/pagefind/pagefind-entry.json");
  EXPECT_EQ(build_and_count(), 1) << "nothing changed";
  WriteFile(site / "layouts/kansli.css", ReadFile(site / "layouts/kansli.css") + "\n/* x */\n");
  EXPECT_EQ(build_and_count(), 1) << "a stylesheet is not in the index";
  EXPECT_EQ(ReadFile(site / "output/html/pagefind/pagefind-entry.json"), index);
  const fs::path osby = site / "content/osby/osby-policy-internationellt-arbete.md";
  WriteFile(osby, ReadFile(osby) + "\nEtt stycke om vänorter.\n");
  EXPECT_EQ(build_and_count(), 2) << "a body is";
  WriteFile(osby, std::regex_replace(ReadFile(osby), std::regex("\ntitle: [^\n]*"),
                                     "\ntitle: Policy för vänorter",
                                     std::regex_constants::format_first_only));
  EXPECT_EQ(build_and_count(), 3) << "a title is";
  fs::remove_all(site);
}

}  // namespace
}  // namespace kansli::testing
