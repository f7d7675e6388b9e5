// One run of the real binary reports every problem it can, names what it could not find,
// and leaves nothing beside the output folder.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "support/run_kansli.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

const std::string kPolicyFields =
    "title: Policy A\ntype: policy\norganisation: Testkommun\nstatus: utkast\n";

// A document with a field error and another with a broken [[link]]: both come in one run,
// and a link or relation to the document left out for its error is not reported again.
TEST(OneRun, FieldErrorsAndLinkErrorsComeTogether) {
  fs::path site = MakeSiteCopy({}, false);
  fs::create_directories(site / "content");
  WriteFile(site / "content" / "policy-a.md",
            "---\nid: policy-a\n" + kPolicyFields + "---\nText utan ägare.\n");
  WriteFile(site / "content" / "plan-b.md",
            "---\nid: plan-b\ntitle: Plan B\ntype: plan\norganisation: Testkommun\n"
            "status: utkast\nowner: Kansliet\nimplements: policy-a\n---\n"
            "Se [[policy-a]] och [[policy-x]].\n");
  RunResult result = RunKansli({"build", "--today", "2026-01-01"}, site);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("content/policy-a.md:1:1: error: missing owner"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("content/plan-b.md:10:21: error: unknown document id 'policy-x'"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("2 error(s), 0 warning(s)"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(site / "output"));
  fs::remove_all(site);
}

TEST(OneRun, AMissingSiteFolderIsNamed) {
  RunResult result = RunKansli({"check", "/no/such/kansli-site"}, fs::temp_directory_path());
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("/no/such/kansli-site"), std::string::npos) << result.err;
}

TEST(OneRun, AFolderWithoutKansliYamlIsNamed) {
  const fs::path empty = fs::temp_directory_path() / ("kansli-empty-" + std::to_string(::getpid()));
  fs::create_directories(empty);
  RunResult result = RunKansli({"check", empty.string()}, fs::temp_directory_path());
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("no kansli.yaml in " + empty.string()), std::string::npos) << result.err;
  fs::remove_all(empty);
}

// Builds and publishes lock the folder that holds the output and the archive folder
// itself: no lock file stays for users to wonder about or commit.
TEST(OneRun, NoLockFileStaysBesideTheOutputOrTheArchive) {
  fs::path site = MakeSiteCopy({}, true);
  RunResult result = RunKansli({"publish", "--now", "2026-01-10T09:00:00Z"}, site);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  result = RunKansli({"build", "--today", "2026-01-10"}, site);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(site)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{".kansli-cache", "archive", "content", "kansli.yaml",
                                             "layouts", "output", "scripts"}));
  fs::remove_all(site);
}

}  // namespace
}  // namespace kansli::testing
