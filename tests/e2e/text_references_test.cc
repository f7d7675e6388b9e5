// References written as words in running text, "Ks § 127", "KF § 45/2019" and
// "KS 2018/0200", become links to the decision or document that carries them: done by the
// bundled scripts/crossref.lua through the Str hook. One nothing carries is a warning at its
// place, and the build still publishes.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "support/run_kansli.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

constexpr char kPlan[] = "content/ljungby/ljungby-verksamhetsplan-internationellt-arbete.md";

// Two more decisions of Ljungby: the council's § 45 of 2019, and the board's § 12 of two years.
void AddDecision(const fs::path& site, const std::string& id, const std::string& body,
                 const std::string& paragraph, const std::string& date,
                 const std::string& diary_number) {
  WriteFile(site / ("content/ljungby/" + id + ".md"),
            "---\nid: " + id + "\ntitle: " + body + " § " + paragraph +
                " Ett beslut\ntype: beslut\norganisation: Ljungby kommun\nversion: 1\n"
                "status: gällande\nadopted_by: " + body + "\ndiary_number: \"" + diary_number +
                "\"\nparagraph: " + paragraph + "\nmeeting_date: " + date +
                "\n---\n\nBeslutet i ärende " + diary_number + ".\n");
}

class TextReferences : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = MakeSiteCopy({}, true);
    AddDecision(site_, "ljungby-kf-2019-45", "Kommunfullmäktige", "45", "2019-06-17",
                "KS 2019/0100");
    AddDecision(site_, "ljungby-ks-2020-12", "Kommunstyrelsen", "12", "2020-02-03",
                "KS 2020/0001");
    AddDecision(site_, "ljungby-ks-2021-12", "Kommunstyrelsen", "12", "2021-02-01",
                "KS 2021/0001");
    std::string plan = ReadFile(site_ / kPlan);
    plan_lines_ = static_cast<int>(std::count(plan.begin(), plan.end(), '\n'));
    plan +=
        "\nPlanen antogs i Ks § 127 (KS 2018/0200) efter KF § 45/2019 och\n"  // +2
        "Ks §\n"                                                                 // +3
        "127, se även Ks § 12/2021 och KS\u00a02019/0100.\n"                     // +4
        "\n"
        "Okända: Ks § 99, KS 2017/0001 och Ks § 12. Inga: arbetsutskott § 79, 2018/0200, "
        "Försöks § 127.\n";  // +6
    WriteFile(site_ / kPlan, plan);
  }
  void TearDown() override { fs::remove_all(site_); }

  fs::path site_;
  int plan_lines_ = 0;
};

TEST_F(TextReferences, UnresolvedReferencesAreWarningsAtTheirPlace) {
  RunResult result = RunKansli({"check", "--today", "2026-12-05"}, site_);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const std::string at = std::string(kPlan) + ":" + std::to_string(plan_lines_ + 6) + ":";
  EXPECT_NE(result.err.find(at + "9: warning: 'Ks § 99' names no decision of Kommunstyrelsen "
                                 "in Ljungby kommun [unresolved-reference]"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find(at + "18: warning: 'KS 2017/0001' is the diary number of no "
                                 "document of Ljungby kommun [unresolved-reference]"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find(at + "35: warning: 'Ks § 12' could be any of ljungby-ks-2020-12, "
                                 "ljungby-ks-2021-12: write the year, § 12/YYYY "
                                 "[unresolved-reference]"),
            std::string::npos)
      << result.err;
  // Three in all: a body the script does not know ("arbetsutskott") and a number without a
  // body's letters are no references.
  std::regex unresolved("\\[unresolved-reference\\]");
  EXPECT_EQ(std::distance(std::sregex_iterator(result.err.begin(), result.err.end(), unresolved),
                          std::sregex_iterator()),
            3)
      << result.err;
  // --strict makes them errors, as every warning.
  EXPECT_EQ(RunKansli({"check", "--strict", "--today", "2026-12-05"}, site_).exit_code, 1);
}

TEST_F(TextReferences, ReferencesLinkOnThePageAndInThePdf) {
  RunResult result = RunKansli({"build", "--today", "2026-12-05"}, site_);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string page =
      ReadFile(site_ / "output/html/ljungby-verksamhetsplan-internationellt-arbete/index.html");
  EXPECT_NE(page.find("Planen antogs i <a href=\"../ljungby-ks-2018-127/index.html\">Ks § 127</a> "
                      "(<a href=\"../ljungby-ks-2018-127/index.html\">KS 2018/0200</a>) efter "
                      "<a href=\"../ljungby-kf-2019-45/index.html\">KF § 45/2019</a> och\n"
                      "<a href=\"../ljungby-ks-2018-127/index.html\">Ks §\n127</a>, se även "
                      "<a href=\"../ljungby-ks-2021-12/index.html\">Ks § 12/2021</a> och "
                      "<a href=\"../ljungby-kf-2019-45/index.html\">KS\u00a02019/0100</a>."),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("Okända: Ks § 99, KS 2017/0001 och Ks § 12. Inga: arbetsutskott § 79, "
                      "2018/0200, Försöks § 127."),
            std::string::npos);
  // The reference is a relation: the decision's page lists the plan as referring to it.
  const std::string council = ReadFile(site_ / "output/html/ljungby-kf-2019-45/index.html");
  EXPECT_NE(council.find("../ljungby-verksamhetsplan-internationellt-arbete/index.html"),
            std::string::npos);
  // A decision's own diary number in its text stays text.
  EXPECT_EQ(council.find("<a href=\"../ljungby-kf-2019-45/index.html\">KS 2019/0100</a>"),
            std::string::npos);

  // The PDF: the words are unchanged, and link annotations point at the decisions' pages.
  const fs::path pdf = site_ / "output/pdf/ljungby-verksamhetsplan-internationellt-arbete.pdf";
  RunResult text = RunCommand("pdftotext '" + pdf.string() + "' -");
  EXPECT_NE(text.out.find("Planen antogs i Ks § 127 (KS 2018/0200) efter KF § 45/2019 och Ks §"),
            std::string::npos)
      << text.out;
  RunResult objects =
      RunCommand("qpdf --qdf --object-streams=disable '" + pdf.string() + "' - | grep -a /URI");
  for (const char* id : {"ljungby-ks-2018-127", "ljungby-kf-2019-45", "ljungby-ks-2021-12"}) {
    EXPECT_NE(objects.out.find(std::string("styrdokument/") + id + "/)"), std::string::npos)
        << id << "\n" << objects.out;
  }
  EXPECT_EQ(objects.out.find("ljungby-ks-2020-12"), std::string::npos);
  EXPECT_EQ(Preflight(pdf).exit_code, 0);
}

}  // namespace
}  // namespace kansli::testing
