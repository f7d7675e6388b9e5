#include <gtest/gtest.h>

#include "support/test_site.h"

namespace kansli {
namespace {

using testing::TestSite;

// A valid policy; tests change one line to make one problem.
std::string Policy(const std::string& extra = "", const std::string& id = "policy-a") {
  return "-- content/" + id + ".md --\n---\nid: " + id +
         "\ntitle: Policy A\ntype: policy\norganisation: Kommun\nstatus: gällande\nversion: 1\n"
         "adopted_by: Kommunfullmäktige\nowner: Kansliet\nvalid_from: 2024-01-01\n" +
         extra + "---\nText\n";
}

std::vector<Code> Codes(const Diagnostics& diags) {
  std::vector<Code> codes;
  for (const Diagnostic& d : diags.Sorted()) codes.push_back(d.code);
  return codes;
}

TEST(Validate, AcceptsACompleteDocument) {
  TestSite site(Policy("review_by: 2027-01-01\n"));
  EXPECT_TRUE(site.site) << site.DiagnosticLines();
  EXPECT_TRUE(site.diags.empty()) << site.DiagnosticLines();
}

TEST(Validate, MissingOwnerIsReportedWithItsSwedishName) {
  TestSite site(
      "-- content/a.md --\n---\nid: a\ntitle: A\ntype: policy\norganisation: K\nstatus: utkast\n---\n");
  ASSERT_TRUE(site.site);
  EXPECT_TRUE(site.site->documents.empty());
  EXPECT_EQ(site.site->left_out, std::vector<std::string>{"a"});
  ASSERT_EQ(Codes(site.diags), std::vector<Code>{Code::kMissingField});
  EXPECT_EQ(site.DiagnosticLines(),
            "content/a.md:1:1: error: missing owner (Dokumentansvarig), required for type policy "
            "[missing-field]\n  hint: add a line 'owner: …' to the front matter\n");
}

// The scripts check the documents without errors in the same run; those with errors are
// left out by id, and an id also kept (the first of two documents with it) is not left out.
TEST(Validate, DocumentsWithErrorsAreLeftOutTheOthersKept) {
  TestSite site(Policy("", "policy-a") + Policy("review_by: 2018-02-30\n", "policy-b") +
                "-- content/policy-c.md --\n---\nid: policy-a\ntitle: C\ntype: policy\n"
                "organisation: K\nstatus: utkast\nowner: O\n---\n");
  ASSERT_TRUE(site.site);
  ASSERT_EQ(site.site->documents.size(), 1u);
  EXPECT_EQ(site.site->documents[0].document.path(), "content/policy-a.md");
  EXPECT_EQ(site.site->left_out, std::vector<std::string>{"policy-b"});
  EXPECT_EQ(Codes(site.diags), (std::vector<Code>{Code::kInvalidDate, Code::kDuplicateId}));
}

const char kRulesConfig[] = R"(-- kansli.yaml --
base_url: https://intra.test/
required: [id, title, type, organisation, status]
types:
  policy: {adopted_by: [Kommunfullmäktige]}
  plan: {}
  beslut: {}
diary_numbers:
  Kommun: ['KS \d{4}/\d{4}', 'BUN \d{4}/\d+']
)";

std::string Doc(const std::string& id, const std::string& fields) {
  return "-- content/" + id + ".md --\n---\nid: " + id + "\ntitle: T\norganisation: Kommun\n"
         "status: utkast\n" + fields + "---\n";
}

// A diary number is written as its organisation's diary writes them; other organisations'
// numbers are not checked.
TEST(Validate, ADiaryNumberMustMatchItsOrganisationsPattern) {
  TestSite good(std::string(kRulesConfig) + Doc("a", "type: plan\ndiary_number: KS 2018/0200\n") +
                Doc("b", "type: plan\ndiary_number: BUN 2020/7\n") +
                "-- content/c.md --\n---\nid: c\ntitle: T\ntype: plan\norganisation: Annan\n"
                "status: utkast\ndiary_number: hello world\n---\n");
  EXPECT_TRUE(good.diags.empty()) << good.DiagnosticLines();
  TestSite bad(std::string(kRulesConfig) +
               Doc("a", "type: plan\ndiary_number: hello world\n") +
               Doc("b", "type: plan\ndiary_number: KS 2018/0200 och mer\n") +
               Doc("c", "type: plan\ndiary_number: KS 2018/" + std::string(300, '1') + "\n"));
  ASSERT_EQ(Codes(bad.diags), (std::vector<Code>{Code::kDiaryNumberFormat,
                                                 Code::kDiaryNumberFormat,
                                                 Code::kDiaryNumberFormat}));
  const Diagnostic first = bad.diags.Sorted()[0];
  EXPECT_EQ(first.pos, (SourcePos{"content/a.md", 7, 15}));
  EXPECT_EQ(first.message,
            "diary number 'hello world' is not written as Kommun writes its diary numbers");
  EXPECT_EQ(first.hints[0], "it must match KS \\d{4}/\\d{4} or BUN \\d{4}/\\d+ (diary_numbers in "
                            "kansli.yaml)");
}

// A policy is the council's; a document adopted in a decision names the decision's body.
TEST(Validate, AdoptedByMustBeABodyThatAdoptsTheTypeAndTheDecisionsBody) {
  TestSite site(std::string(kRulesConfig) +
                Doc("policy-a", "type: policy\nadopted_by: Kommunstyrelsen\n") +
                Doc("plan-b", "type: plan\nadopted_by: Kommunstyrelsen\nadopted_in: ks-1\n") +
                Doc("ks-1", "type: beslut\nadopted_by: Kommunfullmäktige\n"));
  ASSERT_EQ(Codes(site.diags),
            (std::vector<Code>{Code::kAdoptingBodyMismatch, Code::kBodyNotAllowed}));
  const std::vector<Diagnostic> sorted = site.diags.Sorted();
  EXPECT_EQ(sorted[0].severity, Severity::kWarning);
  EXPECT_EQ(sorted[0].message, "adopted_by says Kommunstyrelsen, but the decision ks-1 that "
                               "adopted it was taken by Kommunfullmäktige");
  EXPECT_EQ(sorted[1].message, "a policy is adopted by Kommunfullmäktige, not by Kommunstyrelsen");
  EXPECT_EQ(sorted[1].pos, (SourcePos{"content/policy-a.md", 7, 13}));
}

TEST(Validate, InForceDocumentsNeedMoreFields) {
  TestSite draft(
      "-- content/a.md --\n---\nid: a\ntitle: A\ntype: policy\norganisation: K\nstatus: utkast\n"
      "owner: O\n---\n");
  EXPECT_TRUE(draft.site) << draft.DiagnosticLines();
  TestSite in_force(
      "-- content/a.md --\n---\nid: a\ntitle: A\ntype: policy\norganisation: K\nstatus: gällande\n"
      "owner: O\n---\n");
  EXPECT_EQ(Codes(in_force.diags),
            (std::vector<Code>{Code::kMissingField, Code::kMissingField, Code::kMissingField}));
}

TEST(Validate, ImpossibleDateIsReportedAtItsColumn) {
  TestSite site(Policy("review_by: 2018-02-30\n"));
  ASSERT_EQ(Codes(site.diags), std::vector<Code>{Code::kInvalidDate});
  EXPECT_EQ(site.diags.list()[0].pos, (SourcePos{"content/policy-a.md", 11, 12}));
  EXPECT_EQ(site.diags.list()[0].message, "review_by 2018-02-30 is not a date");
}

TEST(Validate, ReviewByMustComeAfterValidFrom) {
  TestSite site(Policy("review_by: 2023-06-01\n"));
  EXPECT_EQ(Codes(site.diags), std::vector<Code>{Code::kDateOrder});
}

TEST(Validate, OverdueRevisionIsAWarningNotAnError) {
  TestSite site(Policy("review_by: 2025-06-01\n"), "2026-01-01");
  EXPECT_TRUE(site.site);
  ASSERT_EQ(Codes(site.diags), std::vector<Code>{Code::kRevisionOverdue});
  EXPECT_EQ(site.diags.list()[0].severity, Severity::kWarning);
  EXPECT_EQ(site.diags.list()[0].message, "revision overdue since 2025-06-01");
}

TEST(Validate, VersionMustBeAPositiveNumberOrMajorMinor) {
  for (const char* good : {"1", "12", "1.0", "2.13"}) {
    TestSite site(Policy("", "policy-a").replace(Policy().find("version: 1"), 10,
                                                 std::string("version: ") + good));
    EXPECT_TRUE(site.site) << good << "\n" << site.DiagnosticLines();
  }
  for (const char* bad : {"0", "-1", "1.2.3", "v2", "0.0", "ett"}) {
    std::string text = Policy();
    text.replace(text.find("version: 1"), 10, std::string("version: ") + bad);
    TestSite site(text);
    EXPECT_EQ(Codes(site.diags), std::vector<Code>{Code::kInvalidVersion}) << bad;
  }
}

TEST(Validate, IdsMustBeSlugsAndUnique) {
  TestSite bad_slug(Policy("", "Policy-Å"));
  EXPECT_EQ(Codes(bad_slug.diags), std::vector<Code>{Code::kInvalidId});
  std::string twice = Policy("", "dup");
  std::string other = twice;
  other.replace(other.find("content/dup.md"), 14, "content/dup2.md");
  TestSite duplicate(twice + other);
  ASSERT_EQ(Codes(duplicate.diags), std::vector<Code>{Code::kDuplicateId});
  EXPECT_EQ(duplicate.diags.list()[0].pos.file, "content/dup2.md");
  EXPECT_EQ(duplicate.diags.list()[0].hints[0], "first used at content/dup.md:2");
}

TEST(Validate, UnknownReferenceSuggestsTheClosestId) {
  TestSite site(Policy("", "policy-internationellt-arbete") +
                "-- content/plan.md --\n---\nid: plan\ntitle: P\ntype: plan\norganisation: K\n"
                "status: utkast\nowner: O\nimplements: [policy-internationelt-arbete]\n---\n");
  ASSERT_EQ(Codes(site.diags), std::vector<Code>{Code::kUnknownReference});
  const Diagnostic& d = site.diags.list()[0];
  EXPECT_EQ(d.pos, (SourcePos{"content/plan.md", 8, 14}));
  EXPECT_EQ(d.hints, std::vector<std::string>{"did you mean 'policy-internationellt-arbete'?"});
}

TEST(Validate, AdoptedInMustNameADecision) {
  TestSite site(Policy("", "a") + Policy("adopted_in: a\n", "b"));
  EXPECT_EQ(Codes(site.diags), std::vector<Code>{Code::kWrongReferenceType});
  TestSite self(Policy("implements: [a]\n", "a"));
  EXPECT_EQ(Codes(self.diags), std::vector<Code>{Code::kSelfReference});
}

TEST(Validate, UnknownTypeAndStatusSuggestTheRightWord) {
  std::string text = Policy();
  text.replace(text.find("type: policy"), 12, "type: polcy");
  text.replace(text.find("status: gällande"), std::string("status: gällande").size(),
               "status: galande");
  TestSite site(text);
  std::vector<Diagnostic> sorted = site.diags.Sorted();
  ASSERT_GE(sorted.size(), 2u);
  EXPECT_EQ(sorted[0].code, Code::kUnknownType);
  EXPECT_EQ(sorted[0].hints[0], "did you mean 'policy'?");
  EXPECT_EQ(sorted[1].code, Code::kUnknownStatus);
  EXPECT_EQ(sorted[1].hints[0], "did you mean 'gällande'?");
}

TEST(Validate, IdTitleAndTypeAreRequiredWhateverTheConfigSays) {
  TestSite site(R"(-- kansli.yaml --
base_url: https://x/
types: {policy: {}}
-- content/a.md --
---
organisation: K
---
)");
  EXPECT_EQ(Codes(site.diags),
            (std::vector<Code>{Code::kMissingField, Code::kMissingField, Code::kMissingField}));
}

TEST(Validate, ConfigRequiringAnUnknownFieldIsAConfigError) {
  TestSite site(R"(-- kansli.yaml --
base_url: https://x/
required: [ownr]
types: {policy: {}}
)");
  ASSERT_EQ(Codes(site.diags), std::vector<Code>{Code::kConfigError});
  EXPECT_EQ(site.diags.list()[0].hints[0], "did you mean 'owner'?");
}

TEST(Validate, ReportsEveryDocumentsProblemsInOneRun) {
  TestSite site(Policy("review_by: 2018-02-30\n", "a") + Policy("review_by: 2019-13-01\n", "b"));
  EXPECT_EQ(Codes(site.diags), (std::vector<Code>{Code::kInvalidDate, Code::kInvalidDate}));
}

}  // namespace
}  // namespace kansli
