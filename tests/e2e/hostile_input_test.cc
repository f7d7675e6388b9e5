// Hostile input never reaches the reader as markup, never crashes, and never half-publishes.
#include <gtest/gtest.h>

#include <chrono>
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
    // The register's own scripts are files of assets/; no other script element exists.
    for (size_t at = html.find("<script"); at != std::string::npos;
         at = html.find("<script", at + 1)) {
      EXPECT_EQ(html.compare(at, 20, "<script src=\"assets/"), 0) << page << ": " << html.substr(at, 60);
    }
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


TEST(BrokenSettings, MissingFontNamesTheSettingAndKeepsTheOldOutput) {
  fs::path site = MakeSiteCopy({}, true);
  std::string yaml = ReadFile(site / "kansli.yaml");
  const std::string from = "font_bold: /usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf";
  ASSERT_NE(yaml.find(from), std::string::npos);
  yaml.replace(yaml.find(from), from.size(), "font_bold: fonts/saknas.ttf");
  std::ofstream(site / "kansli.yaml", std::ios::trunc) << yaml;
  fs::create_directories(site / "output");
  std::ofstream(site / "output" / "keep.txt") << "previous";
  std::ofstream(site / "output" / "manifest.json") << "{}";  // an earlier kansli output
  const std::string previous = Fingerprint(site / "output");
  RunResult result = RunKansli({"build", "--today", "2026-01-01"}, site);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const int line = 1 + static_cast<int>(std::count(yaml.begin(), yaml.begin() + yaml.find("font_bold:"), '\n'));
  EXPECT_NE(result.err.find("kansli.yaml:" + std::to_string(line) +
                            ":14: error: pdf.font_bold: fonts/saknas.ttf does not exist [font-missing]"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("\n1 error(s), 3 warning(s)"), std::string::npos) << result.err;
  EXPECT_EQ(Fingerprint(site / "output"), previous);
  fs::remove_all(site);
}


// Lua's instruction hook cannot interrupt a string pattern running in C: the scripts run in
// a child process, which is killed, and the stop is an ordinary diagnostic.
TEST(HostileInput, ScriptStuckInsideAStringPatternIsStopped) {
  fs::path site = MakeSiteCopy({}, true);
  fs::copy_file(SourcePath("tests/fixtures/slow/backtracking.lua"), site / "scripts/slow.lua");
  std::string yaml = ReadFile(site / "kansli.yaml");
  yaml.replace(yaml.find("  - scripts/crossref.lua"), 24, "  - scripts/slow.lua");
  yaml.replace(yaml.find("script_seconds: 30"), 18, "script_seconds: 1");
  std::ofstream(site / "kansli.yaml", std::ios::trunc) << yaml;
  auto start = std::chrono::steady_clock::now();
  RunResult result = RunKansli({"build", "--today", "2026-01-01"}, site);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("scripts/slow.lua: error: script did not return within 3 seconds"),
            std::string::npos)
      << result.err;
  EXPECT_FALSE(fs::exists(site / "output"));
  // The same under --format json: kansli goes on to print its JSON, not a line of text.
  RunResult json = RunKansli({"check", "--today", "2026-01-01", "--format", "json"}, site);
  EXPECT_EQ(json.exit_code, 1) << json.err;
  EXPECT_NE(json.out.find("\"code\": \"script-timeout\""), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"file\": \"scripts/slow.lua\""), std::string::npos) << json.out;
  EXPECT_EQ(json.err.find("script did not return"), std::string::npos) << json.err;
  fs::remove_all(site);
}

TEST(BrokenSettings, OutputPointedAtTheSiteItselfDeletesNothing) {
  fs::path site = MakeSiteCopy({}, true);
  const std::string before = Fingerprint(site / "content");
  RunResult result = RunKansli({"build", "--today", "2026-01-01", "--output", "."}, site);
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_NE(result.err.find("refusing to replace"), std::string::npos) << result.err;
  EXPECT_EQ(Fingerprint(site / "content"), before);
  EXPECT_TRUE(fs::exists(site / "kansli.yaml"));
  fs::remove_all(site);
}

}  // namespace
}  // namespace kansli::testing
