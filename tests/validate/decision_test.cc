// A decision's own fields: the meeting's date, the paragraph, the documents it adopts.
#include <gtest/gtest.h>

#include "support/test_site.h"

namespace kansli {
namespace {

using testing::TestSite;

std::string Decision(const std::string& extra) {
  return "-- content/ks-1.md --\n---\nid: ks-1\ntitle: Ks § 1\ntype: beslut\norganisation: K\n"
         "status: utkast\ndiary_number: KS 2026/1\nadopted_by: Kommunstyrelsen\n" +
         extra + "---\nText\n";
}

std::string Plan(const std::string& extra = "") {
  return "-- content/plan-a.md --\n---\nid: plan-a\ntitle: Plan A\ntype: plan\norganisation: K\n"
         "status: utkast\nowner: Kansliet\n" +
         extra + "---\nText\n";
}

TEST(Decision, ItsFieldsAreCheckedAtTheirLines) {
  TestSite site(Decision("meeting_date: 2026-02-30\nparagraph: sju\nadopts: [plan-b]\n"
                         "send_to: [Kansliet]\n") +
                Plan());
  EXPECT_EQ(site.DiagnosticLines(),
            "content/ks-1.md:9:15: error: meeting_date 2026-02-30 is not a date [invalid-date]\n"
            "  hint: write dates as YYYY-MM-DD, e.g. 2024-06-30, and check the day exists\n"
            "content/ks-1.md:10:12: error: paragraph 'sju' is not a paragraph number "
            "[invalid-field-value]\n"
            "  hint: write the number of the paragraph in the minutes, e.g. paragraph: 127\n"
            "content/ks-1.md:11:10: error: adopts names 'plan-b', but no document has that id "
            "[unknown-reference]\n  hint: did you mean 'plan-a'?\n");
}

TEST(Decision, AParagraphMayBeWrittenWithItsSign) {
  TestSite site(Decision("paragraph: \"§ 127\"\nadopts: plan-a\n") + Plan());
  EXPECT_TRUE(site.diags.empty()) << site.DiagnosticLines();
}

TEST(Decision, OnlyADecisionAdoptsDocuments) {
  TestSite site(Plan("adopts: [ks-1]\n") + Decision(""));
  EXPECT_EQ(site.DiagnosticLines(),
            "content/plan-a.md:8:10: error: only a decision (type beslut) adopts documents, and "
            "this is a plan [wrong-reference-type]\n"
            "  hint: name the decision in this document's adopted_in instead\n");
}

// The body named by a document and the body of the decision that names it in adopts.
TEST(Decision, AnAdoptedDocumentOfAnotherBodyIsAWarningFromEitherEnd) {
  TestSite site(Decision("adopts: [plan-a]\n") + Plan("adopted_by: Kommunfullmäktige\n"));
  EXPECT_EQ(site.DiagnosticLines(),
            "content/plan-a.md:8:13: warning: adopted_by says Kommunfullmäktige, but the decision "
            "ks-1 that adopted it was taken by Kommunstyrelsen [adopting-body-mismatch]\n"
            "  hint: write the body that took the decision that adopted it\n");
}

TEST(Decision, ADocumentIsAdoptedByOneDecision) {
  std::string second = Decision("adopts: [plan-a]\n");
  second.replace(second.find("ks-1.md"), 7, "ks-2.md");
  second.replace(second.find("id: ks-1"), 8, "id: ks-2");
  TestSite site(Decision("adopts: [plan-a]\n") + second + Plan());
  EXPECT_EQ(site.DiagnosticLines(),
            "content/ks-2.md:9:10: error: 'plan-a' is adopted by two decisions, 'ks-1' and this "
            "one [wrong-reference-type]\n"
            "  hint: a document is adopted by one decision; a later decision that changes it "
            "adopts a new version\n");
  TestSite named(Decision("adopts: [plan-a]\n") + second.substr(0, second.find("adopts")) +
                 "---\nText\n" + Plan("adopted_in: ks-2\n"));
  EXPECT_EQ(named.DiagnosticLines(),
            "content/ks-1.md:9:10: error: adopts names 'plan-a', whose adopted_in names another "
            "decision, 'ks-2' [wrong-reference-type]\n"
            "  hint: a document is adopted by one decision: correct adopts here or adopted_in in "
            "content/plan-a.md\n");
}

}  // namespace
}  // namespace kansli
