// `kansli new` writes a draft a document owner can fill in, beside its organisation's
// documents, and never replaces anything.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/run_kansli.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

TEST(NewDocument, WritesADraftWithEveryFieldItsTypeNeedsThatChecksOnceFilledIn) {
  fs::path site = MakeSiteCopy({}, true);
  RunResult result = RunKansli({"new", "--type", "plan", "--title", "Plan för kultur: 2027–2030",
                                "--organisation", "Ljungby kommun"},
                               site);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const fs::path path = site / "content/ljungby/plan-for-kultur-2027-2030.md";
  EXPECT_NE(result.out.find("Wrote content/ljungby/plan-for-kultur-2027-2030.md"), std::string::npos)
      << result.out;
  const std::string text = ReadFile(path);
  EXPECT_EQ(text,
            "---\n"
            "id: plan-for-kultur-2027-2030  # dokumentets id, bara a-z, 0-9 och bindestreck; ändra "
            "det inte när dokumentet är publicerat\n"
            "title: \"Plan för kultur: 2027–2030\"  # dokumentets titel som den står på framsidan\n"
            "type: plan  # dokumenttyp, en av typerna i kansli.yaml\n"
            "organisation: Ljungby kommun  # den kommun, region eller det bolag som dokumentet "
            "gäller för\n"
            "status: utkast  # utkast medan det skrivs; gällande när det är beslutat; upphävd eller "
            "ersatt när det slutar gälla\n"
            "owner:  # den funktion eller förvaltning som ansvarar för dokumentet och dess "
            "revidering\n"
            "# När dokumentet ska gälla (status: gällande) behövs också:\n"
            "# version:  # versionsnummer: 1 för den första beslutade versionen, sedan 2, 3 … (eller "
            "1.1)\n"
            "# valid_from:  # datum då dokumentet börjar gälla, ÅÅÅÅ-MM-DD\n"
            "# adopted_by:  # det organ som beslutar dokumentet, t.ex. Kommunfullmäktige eller "
            "Kommunstyrelsen\n"
            "---\n"
            "## Syfte\n\nSkriv dokumentets text här.\n");
  // As written, check points at the field left to fill in.
  result = RunKansli({"check", "--today", "2026-12-05"}, site);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("plan-for-kultur-2027-2030.md:7:1: error: missing owner"),
            std::string::npos)
      << result.err;
  std::string filled = text;
  filled.replace(filled.find("owner:"), 6, "owner: Kulturförvaltningen");
  WriteFile(path, filled);
  result = RunKansli({"check", "--today", "2026-12-05"}, site);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  fs::remove_all(site);
}

TEST(NewDocument, NeverReplacesADocumentOrAFile) {
  fs::path site = MakeSiteCopy({}, true);
  const fs::path policy = site / "content/ljungby/ljungby-policy-internationellt-arbete.md";
  const std::string before = ReadFile(policy);
  RunResult result = RunKansli({"new", "--type", "policy", "--title", "Policy",
                                "--id", "ljungby-policy-internationellt-arbete"},
                               site);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("id 'ljungby-policy-internationellt-arbete' is already used by "
                            "content/ljungby/ljungby-policy-internationellt-arbete.md"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(ReadFile(policy), before);
  // A file that is not a document (no front matter to read an id from) is not replaced either.
  WriteFile(site / "content/anteckning.md", "inte ett dokument\n");
  result = RunKansli({"new", "--type", "rutin", "--title", "Anteckning"}, site);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("already exists; kansli new never replaces a file"), std::string::npos)
      << result.err;
  EXPECT_EQ(ReadFile(site / "content/anteckning.md"), "inte ett dokument\n");
  fs::remove_all(site);
}

TEST(NewDocument, AnUnknownTypeOrABadIdIsAnErrorThatSaysWhatIsAllowed) {
  fs::path site = MakeSiteCopy({}, true);
  RunResult result = RunKansli({"new", "--type", "polisy", "--title", "X"}, site);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("unknown type 'polisy'"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("the types in kansli.yaml are: policy, plan"), std::string::npos);
  result = RunKansli({"new", "--type", "plan", "--title", "X", "--id", "Plan_X"}, site);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("e.g. --id plan-x"), std::string::npos) << result.err;
  result = RunKansli({"new", "--type", "plan", "--title", "§§"}, site);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("give one with --id"), std::string::npos) << result.err;
  fs::remove_all(site);
}

// Without an organisation among the documents, a new one gets a folder named after it.
TEST(NewDocument, ANewOrganisationGetsAFolderOfItsOwn) {
  fs::path site = MakeSiteCopy({}, true);
  RunResult result = RunKansli(
      {"new", "--type", "rutin", "--title", "Rutin för öppna data", "--organisation", "Älmhult kommun"},
      site);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(fs::exists(site / "content/almhult-kommun/rutin-for-oppna-data.md"));
  fs::remove_all(site);
}

}  // namespace
}  // namespace kansli::testing
