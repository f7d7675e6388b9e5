// Hostile input never reaches the reader as markup, never crashes, and never half-publishes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/run_kansli.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

TEST(HostileInput, HtmlInTitleFieldsAndBodyIsShownAsText) {
  fs::path site = MakeSiteCopy(SourcePath("tests/fixtures/good/hostile"), false);
  RunResult result = RunKansli({"build", "--today", "2026-01-01"}, site);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  for (const char* page : {"output/html/hostile/index.html", "output/html/index.html"}) {
    std::string html = ReadFile(site / page);
    EXPECT_EQ(html.find("<script"), std::string::npos) << page;
    EXPECT_EQ(html.find("<iframe"), std::string::npos) << page;
    EXPECT_EQ(html.find("<img src=x"), std::string::npos) << page;
    EXPECT_EQ(html.find("javascript:"), std::string::npos) << page;
    EXPECT_NE(html.find("&lt;script&gt;alert("), std::string::npos) << page;
  }
  RunResult text = RunCommand("pdftotext -enc UTF-8 '" + (site / "output/pdf/hostile.pdf").string() +
                              "' -");
  EXPECT_NE(text.out.find("<script>alert('titel')</script>"), std::string::npos) << text.out;
  fs::remove_all(site);
}

TEST(HostileInput, HugeFileIsRefusedWithADiagnostic) {
  fs::path site = MakeSiteCopy({}, false);
  fs::create_directories(site / "content");
  std::ofstream(site / "content" / "huge.md") << "---\nid: huge\n---\n" << std::string(5 << 20, 'x');
  RunResult result = RunKansli({"check"}, site);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("content/huge.md: error:"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("[file-too-large]"), std::string::npos) << result.err;
  fs::remove_all(site);
}

TEST(HostileInput, DeepNestingIsReportedNotACrash) {
  fs::path site = MakeSiteCopy({}, false);
  fs::create_directories(site / "content");
  std::ofstream(site / "content" / "deep.md")
      << "---\nid: deep\ntitle: D\ntype: policy\norganisation: K\nstatus: utkast\nowner: O\n---\n"
      << std::string(100000, '>') << " x\n\n" << std::string(50000, '[') << "\n";
  RunResult result = RunKansli({"check"}, site);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("[nesting-too-deep]"), std::string::npos) << result.err;
  fs::remove_all(site);
}

}  // namespace
}  // namespace kansli::testing
