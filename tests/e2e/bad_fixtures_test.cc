// Every tests/fixtures/bad/<case> site has one problem: `kansli check` exits 1 and prints
// exactly expected.txt, and `kansli build` leaves an existing output/ as it was.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "support/run_kansli.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

std::vector<std::string> Cases() {
  std::vector<std::string> cases;
  for (const auto& entry : fs::directory_iterator(SourcePath("tests/fixtures/bad"))) {
    if (entry.is_directory()) cases.push_back(entry.path().filename());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

class BadFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(BadFixture, CheckPrintsExpectedDiagnosticAndExitsOne) {
  const fs::path fixture = SourcePath("tests/fixtures/bad/" + GetParam());
  fs::path site = MakeSiteCopy(fixture, /*with_content=*/false);
  RunResult result = RunKansli({"check", "--today", "2026-01-01"}, site);
  fs::remove_all(site);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(result.out, "");
  if (std::getenv("KANSLI_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(fixture / "expected.txt", std::ios::binary) << result.err;
  }
  EXPECT_EQ(result.err, ReadFile(fixture / "expected.txt"));
  // Every problem is located: file:line:col, or file:line for script positions.
  EXPECT_NE(result.err.find(":"), std::string::npos);
}

TEST_P(BadFixture, BuildLeavesPreviousOutputUntouched) {
  fs::path site = MakeSiteCopy(SourcePath("tests/fixtures/bad/" + GetParam()), false);
  fs::create_directories(site / "output" / "html");
  std::ofstream(site / "output" / "html" / "index.html") << "<p>previous good build</p>";
  const std::string before = Fingerprint(site / "output");
  RunResult result = RunKansli({"build", "--today", "2026-01-01"}, site);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(Fingerprint(site / "output"), before);
  for (const auto& entry : fs::directory_iterator(site)) {  // no staging folder left behind
    EXPECT_FALSE(entry.path().filename().string().starts_with(".output.new")) << entry.path();
  }
  fs::remove_all(site);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, BadFixture, ::testing::ValuesIn(Cases()),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace kansli::testing
