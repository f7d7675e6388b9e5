// The site's language is a setting: `language: en` in kansli.yaml gives an English site and
// English PDFs, and a template that asks for a text the language lacks stops the build.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "render/html/html_query.h"
#include "support/run_kansli.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

constexpr char kToday[] = "2026-11-23";
constexpr char kPolicy[] = "ljungby-policy-internationellt-arbete";

// Replaces the one occurrence of `from` in the file; the test fails if there is none.
void Replace(const fs::path& path, const std::string& from, const std::string& to) {
  std::string text = ReadFile(path);
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from << " not in " << path;
  text.replace(at, from.size(), to);
  WriteFile(path, text);
}

// Inserts `line` as line number `line_number` (1-based) of the file.
void InsertLine(const fs::path& path, int line_number, const std::string& line) {
  std::string text = ReadFile(path);
  size_t at = 0;
  for (int i = 1; i < line_number; ++i) {
    at = text.find('\n', at);
    ASSERT_NE(at, std::string::npos) << path << " has fewer than " << line_number << " lines";
    ++at;
  }
  text.insert(at, line + "\n");
  WriteFile(path, text);
}

// One English build of the bundled content, shared by the tests that only read it.
class EnglishSite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    site_ = new fs::path(MakeSiteCopy({}, /*with_content=*/true));
    Replace(*site_ / "kansli.yaml", "language: sv\n", "language: en\n");
    result_ = new RunResult(RunKansli({"build", "--today", kToday}, *site_));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*site_);
    delete site_;
    delete result_;
  }
  static fs::path Out(const std::string& relative) { return *site_ / "output" / relative; }
  static ParsedMarkup Html(const std::string& relative) {
    ParsedMarkup page = ParsedMarkup::Html(ReadFile(Out(relative)));
    EXPECT_TRUE(page.ok()) << relative;
    return page;
  }

  static fs::path* site_;
  static RunResult* result_;
};
fs::path* EnglishSite::site_ = nullptr;
RunResult* EnglishSite::result_ = nullptr;

TEST_F(EnglishSite, Builds) {
  EXPECT_EQ(result_->exit_code, 0) << result_->err;
  EXPECT_TRUE(fs::is_regular_file(Out("html/index.html")));
}

TEST_F(EnglishSite, RegisterIsInEnglish) {
  ParsedMarkup page = Html("html/index.html");
  EXPECT_EQ(page.First("/html/@lang"), "en");
  EXPECT_EQ(page.First("//nav[@class='site-nav']//li[1]/a"), "Document register");
  std::vector<std::string> cells = page.All("//table[@id='register_table']/tbody/tr/td");
  EXPECT_NE(std::find(cells.begin(), cells.end(), "In force"), cells.end());
  EXPECT_EQ(std::find(cells.begin(), cells.end(), "Gällande"), cells.end());
  EXPECT_EQ(page.Count("//th[.='Dokumentansvarig']"), 0u);
}

TEST_F(EnglishSite, EveryPageSaysItIsEnglish) {
  for (const std::string& page :
       {std::string("html/index.html"), "html/" + std::string(kPolicy) + "/index.html",
        std::string("html/granskning/index.html"), std::string("html/organisation/index.html"),
        std::string("html/404.html")}) {
    EXPECT_EQ(Html(page).First("/html/@lang"), "en") << page;
  }
  EXPECT_NE(ReadFile(Out("html/feed.xml")).find("xml:lang=\"en\""), std::string::npos);
}

TEST_F(EnglishSite, PdfFooterIsInEnglish) {
  RunResult text = RunCommand("pdftotext -enc UTF-8 '" +
                              Out("pdf/" + std::string(kPolicy) + ".pdf").string() + "' -");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Page 1 of"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("Sida 1 av"), std::string::npos);
}

// layouts/document.mustache with `{{t.no.such.key}}` written at line 4, column 4.
fs::path SiteWithUnknownText() {
  fs::path site = MakeSiteCopy({}, /*with_content=*/true);
  InsertLine(site / "layouts/document.mustache", 4, "<p>{{t.no.such.key}}</p>");
  return site;
}

constexpr char kUnknownTextError[] =
    "layouts/document.mustache:4:4: error: text 'no.such.key' is not in the site's text file "
    "[template-error]";

TEST(UnknownText, FailsTheBuildAtTheTemplatesLineAndColumn) {
  fs::path site = SiteWithUnknownText();
  RunResult result = RunKansli({"build", "--today", kToday}, site);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find(kUnknownTextError), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(site / "output"));
  fs::remove_all(site);
}

TEST(UnknownText, LeavesThePublishedOutputUntouched) {
  fs::path site = MakeSiteCopy({}, /*with_content=*/true);
  RunResult good = RunKansli({"build", "--today", kToday}, site);
  ASSERT_EQ(good.exit_code, 0) << good.err;
  const std::string before = Fingerprint(site / "output");
  InsertLine(site / "layouts/document.mustache", 4, "<p>{{t.no.such.key}}</p>");
  RunResult bad = RunKansli({"build", "--today", kToday}, site);
  EXPECT_EQ(bad.exit_code, 1) << bad.err;
  EXPECT_NE(bad.err.find(kUnknownTextError), std::string::npos) << bad.err;
  EXPECT_EQ(Fingerprint(site / "output"), before);
  fs::remove_all(site);
}

TEST(UnknownText, IsReportedInAPartialAtThePartialsLine) {
  fs::path site = MakeSiteCopy({}, /*with_content=*/true);
  InsertLine(site / "layouts/partials/foot.mustache", 1, "{{t.site.no_such_key}}");
  RunResult result = RunKansli({"build", "--today", kToday}, site);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("layouts/partials/foot.mustache:1:1: error: text "
                            "'site.no_such_key' is not in the site's text file [template-error]"),
            std::string::npos)
      << result.err;
  EXPECT_FALSE(fs::exists(site / "output"));
  fs::remove_all(site);
}

// On the bundled content some documents are overdue on kToday, so the dashboard's "nothing
// to review" branch is never rendered; the template still names a text that does not exist.
TEST(UnknownText, FailsTheBuildEvenInABranchThisSiteNeverShows) {
  fs::path site = MakeSiteCopy({}, /*with_content=*/true);
  Replace(site / "layouts/review.mustache", "<p class=\"review-none\">{{t.review.none}}</p>",
          "<p class=\"review-none\">{{t.review.no_such_key}}</p>");
  RunResult result = RunKansli({"build", "--today", kToday}, site);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("layouts/review.mustache:7:24: error: text 'review.no_such_key' is "
                            "not in the site's text file [template-error]"),
            std::string::npos)
      << result.err;
  EXPECT_FALSE(fs::exists(site / "output"));
  fs::remove_all(site);
}

}  // namespace
}  // namespace kansli::testing
