// A decision (type beslut) is published as the extract from the minutes a registrar files:
// the body, the meeting's date, "§ 127", the diary number, the decision's text and who it is
// sent to, in the PDF and on its page.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "support/run_kansli.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

constexpr char kDecision[] = "content/ljungby/ljungby-ks-2018-127.md";

class ProtocolExtract : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = MakeSiteCopy({}, true);
    std::string text = ReadFile(site_ / kDecision);
    text.replace(text.find("paragraph: 127\n"), 15, "paragraph: 127\nmeeting_date: 2018-08-21\n");
    WriteFile(site_ / kDecision, text);
    RunResult result = RunKansli({"build", "--today", "2026-12-05"}, site_);
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  void TearDown() override { fs::remove_all(site_); }

  std::string PdfText(const std::string& id) {
    RunResult pdf = RunCommand("pdftotext -layout '" +
                               (site_ / ("output/pdf/" + id + ".pdf")).string() + "' -");
    EXPECT_EQ(pdf.exit_code, 0);
    return pdf.out;
  }

  fs::path site_;
};

TEST_F(ProtocolExtract, ThePdfHeadsTheDecisionAsTheMinutesDoAndEndsWithItsRecipients) {
  const std::string text = PdfText("ljungby-ks-2018-127");
  // Line by line, as pdftotext reads the first page: organisation and "Protokollsutdrag", the
  // body and the meeting's date, the paragraph and the diary number.
  const std::regex head(
      "Ljungby kommun +Protokollsutdrag\\s+Kommunstyrelsen +Sammanträdesdatum 2018-08-21\\s+"
      "§ 127 +Dnr KS 2018/0200\\s+Ks § 127 Verksamhetsplan för internationellt arbete");
  EXPECT_TRUE(std::regex_search(text, head)) << text;
  // The panel names the document it adopts, by title; no contents list.
  EXPECT_TRUE(std::regex_search(text, std::regex("Antar +Verksamhetsplan för internationellt "
                                                 "arbete")))
      << text;
  EXPECT_EQ(text.find("Innehåll"), std::string::npos);
  EXPECT_TRUE(std::regex_search(text, std::regex("Skickas till\\s+Internationell samordnare")))
      << text;
  // Other documents keep their own head.
  const std::string plan = PdfText("ljungby-verksamhetsplan-internationellt-arbete");
  EXPECT_TRUE(std::regex_search(plan, std::regex("Ljungby kommun +Plan\\n"))) << plan;
  EXPECT_EQ(plan.find("Protokollsutdrag"), std::string::npos);
}

TEST_F(ProtocolExtract, ThePageShowsTheSameHeadAndRecipients) {
  const std::string page = ReadFile(site_ / "output/html/ljungby-ks-2018-127/index.html");
  EXPECT_NE(page.find("<p class=\"document-kind\">Protokollsutdrag · Ljungby kommun</p>"),
            std::string::npos);
  EXPECT_NE(page.find("<span class=\"protocol-body\">Kommunstyrelsen</span> <span "
                      "class=\"protocol-date\">Sammanträdesdatum 2018-08-21</span>"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("<span class=\"protocol-paragraph\">§ 127</span> <span "
                      "class=\"protocol-diary-number\">Dnr KS 2018/0200</span>"),
            std::string::npos);
  EXPECT_NE(page.find("<h2 id=\"send_to_heading\">Skickas till</h2>\n<ul>\n<li>Internationell "
                      "samordnare</li>"),
            std::string::npos);
  // adopts is the adopted_in relation read from the decision's end: both pages show it.
  const std::string plan =
      ReadFile(site_ / "output/html/ljungby-verksamhetsplan-internationellt-arbete/index.html");
  EXPECT_NE(plan.find("../ljungby-ks-2018-127/index.html"), std::string::npos);
  const std::string other = ReadFile(site_ / "output/html/ljungby-policy-internationellt-arbete/index.html");
  EXPECT_EQ(other.find("protocol-head"), std::string::npos);
}

TEST_F(ProtocolExtract, ADecisionInForceNeedsItsParagraph) {
  std::string text = ReadFile(site_ / kDecision);
  text.erase(text.find("paragraph: 127\n"), 15);
  WriteFile(site_ / kDecision, text);
  RunResult result = RunKansli({"check", "--today", "2026-12-05"}, site_);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("ljungby-ks-2018-127.md:1:1: error: missing paragraph (Paragraf), "
                            "required for a beslut in force"),
            std::string::npos)
      << result.err;
}

// A diary number too long to share a line with "§ 127" gets a line of its own, on the page.
TEST_F(ProtocolExtract, ALongDiaryNumberGetsALineOfItsOwn) {
  const std::string number(60, '7');
  std::string text = ReadFile(site_ / kDecision);
  text.replace(text.find("\"KS 2018/0200\""), 14, "\"" + number + "\"");
  WriteFile(site_ / kDecision, text);
  std::string config = ReadFile(site_ / "kansli.yaml");
  const std::string rule = "  Ljungby kommun: 'KS \\d{4}/\\d{4}'\n";
  config.erase(config.find(rule), rule.size());
  WriteFile(site_ / "kansli.yaml", config);
  RunResult result = RunKansli({"build", "--today", "2026-12-05"}, site_);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string pdf = PdfText("ljungby-ks-2018-127");
  EXPECT_TRUE(std::regex_search(pdf, std::regex("\\n§ 127 *\\nDnr " + number + "\\n"))) << pdf;
}

TEST_F(ProtocolExtract, AnOlderVersionsPageIsTheExtractItWas) {
  RunResult first = RunKansli({"publish", "--today", "2026-12-05", "--now", "2026-12-05T09:00:00Z"},
                              site_);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  std::string text = ReadFile(site_ / kDecision);
  text.replace(text.find("version: 1\n"), 11, "version: 2\n");
  text.replace(text.find("  - Internationell samordnare\n"), 30, "  - Kommunfullmäktige\n");
  WriteFile(site_ / kDecision, text);
  RunResult second = RunKansli(
      {"publish", "--today", "2026-12-05", "--now", "2026-12-05T10:00:00Z"}, site_);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const std::string old_page = ReadFile(site_ / "output/html/ljungby-ks-2018-127/v1/index.html");
  EXPECT_NE(old_page.find("<p class=\"document-kind\">Protokollsutdrag · Ljungby kommun</p>"),
            std::string::npos)
      << old_page;
  EXPECT_NE(old_page.find("<span class=\"protocol-paragraph\">§ 127</span> <span "
                          "class=\"protocol-diary-number\">Dnr KS 2018/0200</span>"),
            std::string::npos);
  // Its own recipients, as archived, not the current version's.
  EXPECT_NE(old_page.find("<li>Internationell samordnare</li>"), std::string::npos);
  EXPECT_EQ(old_page.find("<li>Kommunfullmäktige</li>"), std::string::npos);
  const std::string current = ReadFile(site_ / "output/html/ljungby-ks-2018-127/index.html");
  EXPECT_NE(current.find("<li>Kommunfullmäktige</li>"), std::string::npos);
}

// The plan names the council as the body that adopted it, but the decision that adopted it is
// the board's: a warning at the plan's adopted_by, which --strict makes an error.
TEST(AdoptingBody, AMismatchWithTheAdoptingDecisionIsAWarningAtItsLine) {
  const fs::path site = MakeSiteCopy({}, true);
  const fs::path plan = site / "content/ljungby/ljungby-verksamhetsplan-internationellt-arbete.md";
  std::string text = ReadFile(plan);
  text.replace(text.find("adopted_by: Kommunstyrelsen"), 27, "adopted_by: Kommunfullmäktige");
  WriteFile(plan, text);
  RunResult check = RunKansli({"check", "--today", "2026-12-05"}, site);
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_NE(check.err.find("content/ljungby/ljungby-verksamhetsplan-internationellt-arbete.md:10:13: "
                           "warning: adopted_by says Kommunfullmäktige, but the decision "
                           "ljungby-ks-2018-127 that adopted it was taken by Kommunstyrelsen "
                           "[adopting-body-mismatch]"),
            std::string::npos)
      << check.err;
  EXPECT_EQ(RunKansli({"check", "--strict", "--today", "2026-12-05"}, site).exit_code, 1);
  fs::remove_all(site);
}

}  // namespace
}  // namespace kansli::testing
