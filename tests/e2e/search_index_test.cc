// `kansli build` and the register's search index: published with the site and listed in its
// manifest, and a Pagefind that cannot run stops the build before anything is published.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/run_kansli.h"

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
  ::setenv("KANSLI_PAGEFIND", "/nonexistent/pagefind_extended", 1);
  RunResult result = RunKansli({"build", "--today", "2026-11-23"}, site);
  ::unsetenv("KANSLI_PAGEFIND");
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_NE(result.err.find("error: cannot build the search index: cannot run "
                            "/nonexistent/pagefind_extended: No such file or directory "
                            "[search-index-failed]"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("hint: kansli runs Pagefind from /nonexistent/pagefind_extended"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(Fingerprint(site / "output"), "keep.txt 8\nprevious\n");
  fs::remove_all(site);
}

}  // namespace
}  // namespace kansli::testing
