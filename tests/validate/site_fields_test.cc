// Values of the site's own fields are checked against the kind kansli.yaml declares.
#include <gtest/gtest.h>

#include "support/test_site.h"

namespace kansli {
namespace {

using testing::TestSite;

std::string Site(const std::string& front_matter) {
  return std::string("-- kansli.yaml --\n") + testing::kTestConfig +
         "fields:\n"
         "  galler_for: {label: Gäller för, required_when_in_force: [policy]}\n"
         "  sekretess: {type: choice, values: [Offentlig, Intern]}\n"
         "  malgrupp: {type: list}\n"
         "  arkivkod: {type: pattern, pattern: '\\d{1,2}\\.\\d{1,2}'}\n"
         "  beslutad: {type: date}\n"
         "  antal: {type: number}\n"
         "-- content/a.md --\n---\nid: a\ntitle: A\ntype: policy\norganisation: K\n"
         "status: utkast\nowner: Kansliet\n" +
         front_matter + "---\nText\n";
}

TEST(SiteFields, WellFormedValuesPassAndAreKeptInOrder) {
  TestSite site(Site("galler_for: Alla nämnder\nsekretess: Intern\nmalgrupp: [Chefer, HR]\n"
                     "arkivkod: '1.12'\nbeslutad: 2026-02-28\nantal: '4,5'\n"));
  ASSERT_TRUE(site.site) << site.DiagnosticLines();
  EXPECT_TRUE(site.diags.empty()) << site.DiagnosticLines();
  const FrontMatter& meta = site.site->documents.at(0).document.meta;
  ASSERT_EQ(meta.site_fields.size(), 6u);
  EXPECT_EQ(meta.site_fields[0].name, "galler_for");
  EXPECT_EQ(meta.Value("galler_for"), "Alla nämnder");
  EXPECT_EQ(meta.Value("malgrupp"), "Chefer, HR");
  EXPECT_TRUE(meta.Has("antal"));
  EXPECT_FALSE(meta.Has("owner_x"));
}

TEST(SiteFields, EachWrongValueIsAnErrorAtItsLineAndColumn) {
  TestSite site(Site("sekretess: Hemlig\n"            // line 8
                     "arkivkod: 1.123\n"              // 9
                     "beslutad: 2026-02-30\n"         // 10
                     "antal: många\n"                 // 11
                     "galler_for: [a, b]\n"));        // 12
  EXPECT_EQ(site.DiagnosticLines(),
            "content/a.md:8:12: error: sekretess 'Hemlig' is not one of its values "
            "[invalid-field-value]\n  hint: sekretess is one of: Offentlig, Intern\n"
            "content/a.md:9:11: error: arkivkod '1.123' is not written as the site writes it "
            "[invalid-field-value]\n  hint: it must match \\d{1,2}\\.\\d{1,2} "
            "(fields.arkivkod.pattern in kansli.yaml)\n"
            "content/a.md:10:11: error: beslutad '2026-02-30' is not a date written YYYY-MM-DD "
            "[invalid-date]\n  hint: e.g. beslutad: 2026-01-01\n"
            "content/a.md:11:8: error: antal 'många' is not a number [invalid-field-value]\n"
            "  hint: write digits, with a decimal point or comma if needed: 12 or 4,5\n"
            "content/a.md:12:14: error: 'galler_for' must be a single value, not a list "
            "[wrong-field-type]\n  hint: declare it with type: list in kansli.yaml to allow "
            "several\n");
}

TEST(SiteFields, ARequiredOneIsMissingLikeABuiltInFieldWithItsLabel) {
  TestSite site(Site("galler_for:\n"));
  EXPECT_TRUE(site.diags.empty()) << site.DiagnosticLines();  // only needed in force
  std::string in_force = Site("galler_for:\n");
  in_force.replace(in_force.find("status: utkast"), 14,
                   "status: gällande\nversion: 1\nadopted_by: KF\nvalid_from: 2026-01-01");
  TestSite site2(in_force);
  EXPECT_EQ(site2.DiagnosticLines(),
            "content/a.md:11:1: error: missing galler_for (Gäller för), required for a policy in "
            "force (status gällande) [missing-field]\n"
            "  hint: write its value after 'galler_for:'\n");
}

TEST(SiteFields, AnUndeclaredFieldIsUnknownAndTheHintSaysHowToDeclareOne) {
  TestSite site(Site("galler_fr: x\nmålgrupp: y\n"));
  EXPECT_EQ(site.DiagnosticLines(),
            "content/a.md:8:1: error: unknown field 'galler_fr' [unknown-field]\n"
            "  hint: did you mean 'galler_for'?\n"
            "  hint: a field of the site's own is declared under fields: in kansli.yaml, e.g. "
            "fields: {galler_for: {type: text, label: Gäller för}}\n"
            "content/a.md:9:1: error: unknown field 'målgrupp' [unknown-field]\n"
            "  hint: did you mean 'malgrupp'?\n"
            "  hint: a field of the site's own is declared under fields: in kansli.yaml, e.g. "
            "fields: {galler_for: {type: text, label: Gäller för}}\n");
}

TEST(SiteFields, OneThatTakesTheNameOfABuiltInFieldIsAConfigError) {
  TestSite site(std::string("-- kansli.yaml --\n") + testing::kTestConfig +
                "fields:\n  owner: {label: Ägare}\n-- content/a.md --\n---\nid: a\n---\n");
  EXPECT_FALSE(site.site);
  EXPECT_NE(site.DiagnosticLines().find(
                "kansli.yaml:11:3: error: field 'owner' is one of kansli's own fields"),
            std::string::npos)
      << site.DiagnosticLines();
}

}  // namespace
}  // namespace kansli
