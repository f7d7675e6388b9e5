// The site's own front-matter fields, declared in kansli.yaml, through the real binary: checked,
// shown on the page and in the PDF, given to the scripts, written by kansli new and described
// by kansli schema.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/run_kansli.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

constexpr char kFields[] = R"(
fields:
  galler_for:
    label: {sv: Gäller för, en: Applies to}
    required_when_in_force: [policy]
  sekretess:
    type: choice
    values: [Offentlig, Intern]
    label: Sekretess
    show: [page]
  malgrupp:
    type: list
    label: Målgrupp
  arkivkod:
    type: pattern
    pattern: '\d{1,2}\.\d{1,2}'
    label: Arkivkod
    show: []
)";

constexpr char kPolicy[] = "content/ljungby/ljungby-policy-internationellt-arbete.md";

class SiteFields : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = MakeSiteCopy({}, true);
    WriteFile(site_ / "kansli.yaml", ReadFile(site_ / "kansli.yaml") + kFields);
  }
  void TearDown() override { fs::remove_all(site_); }

  // Adds front-matter lines after the policy's first line ("---").
  void AddToPolicy(const std::string& lines) {
    std::string text = ReadFile(site_ / kPolicy);
    text.insert(4, lines);
    WriteFile(site_ / kPolicy, text);
  }

  fs::path site_;
};

TEST_F(SiteFields, ARequiredOneThatIsMissingOrAWrongValueFailsTheCheckAtItsLine) {
  RunResult result = RunKansli({"check", "--today", "2026-12-05"}, site_);
  EXPECT_EQ(result.exit_code, 1);
  // The policy in force lacks it; the draft does not need it yet.
  EXPECT_NE(result.err.find("ljungby-policy-internationellt-arbete.md:1:1: error: missing "
                            "galler_for (Gäller för), required for a policy in force"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(result.err.find("osby-policy-internationellt-arbete.md:1:1"), std::string::npos);
  AddToPolicy("galler_for: Alla nämnder\nsekretess: Hemlig\narkivkod: x\nmalgrupp: [a]\n");
  result = RunKansli({"check", "--today", "2026-12-05"}, site_);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("ljungby-policy-internationellt-arbete.md:3:12: error: sekretess "
                            "'Hemlig' is not one of its values [invalid-field-value]"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("ljungby-policy-internationellt-arbete.md:4:11: error: arkivkod 'x' "
                            "is not written as the site writes it [invalid-field-value]"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(result.err.find("ljungby-policy-internationellt-arbete.md:1:1"), std::string::npos);
}

TEST_F(SiteFields, AreShownOnThePageAndInThePdfWhereDeclaredAndGivenToScripts) {
  AddToPolicy("galler_for: Alla nämnder och bolag\nsekretess: Intern\narkivkod: '1.2'\n"
              "malgrupp: [Chefer, Medarbetare]\n");
  std::string osby = ReadFile(site_ / "content/osby/osby-policy-internationellt-arbete.md");
  osby.insert(4, "galler_for: Osby kommun\n");
  WriteFile(site_ / "content/osby/osby-policy-internationellt-arbete.md", osby);
  // A script reads them as it reads a built-in field.
  WriteFile(site_ / "scripts/fields.lua",
            "return { Site = function (site)\n"
            "  local doc = kansli.document('ljungby-policy-internationellt-arbete')\n"
            "  kansli.warning(doc, 1, doc.galler_for .. ' / ' .. doc.sekretess .. ' / ' ..\n"
            "    doc.malgrupp[2] .. ' / ' .. #doc.malgrupp .. ' / ' .. type(doc.arkivkod))\n"
            "end }\n");
  std::string config = ReadFile(site_ / "kansli.yaml");
  config.replace(config.find("  - scripts/crossref.lua\n"), 25,
                 "  - scripts/crossref.lua\n  - scripts/fields.lua\n");
  WriteFile(site_ / "kansli.yaml", config);
  RunResult result = RunKansli({"build", "--today", "2026-12-05"}, site_);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("Alla nämnder och bolag / Intern / Medarbetare / 2 / string"),
            std::string::npos)
      << result.err;

  const std::string page =
      ReadFile(site_ / "output/html/ljungby-policy-internationellt-arbete/index.html");
  EXPECT_NE(page.find("<dt>Gäller för</dt>"), std::string::npos);
  EXPECT_NE(page.find("Alla nämnder och bolag"), std::string::npos);
  EXPECT_NE(page.find("<dt>Sekretess</dt>"), std::string::npos);
  EXPECT_NE(page.find("<span class=\"metadata-value\">Chefer</span>"
                      "<span class=\"metadata-value\">Medarbetare</span>"),
            std::string::npos);
  EXPECT_EQ(page.find("Arkivkod"), std::string::npos);  // show: []

  RunResult pdf = RunCommand(
      "pdftotext -layout '" +
      (site_ / "output/pdf/ljungby-policy-internationellt-arbete.pdf").string() + "' -");
  ASSERT_EQ(pdf.exit_code, 0);
  EXPECT_NE(pdf.out.find("Gäller för"), std::string::npos) << pdf.out;
  EXPECT_NE(pdf.out.find("Alla nämnder och bolag"), std::string::npos);
  EXPECT_NE(pdf.out.find("Chefer, Medarbetare"), std::string::npos);
  EXPECT_EQ(pdf.out.find("Sekretess"), std::string::npos);  // show: [page]
  EXPECT_EQ(pdf.out.find("Arkivkod"), std::string::npos);
}

TEST_F(SiteFields, KansliNewWritesARequiredOneAndTheSchemaDescribesThem) {
  std::string config = ReadFile(site_ / "kansli.yaml");
  config.replace(config.find("    show: [page]\n"), 16, "    show: [page]\n    required: [plan]\n");
  WriteFile(site_ / "kansli.yaml", config);
  RunResult result = RunKansli({"new", "--type", "plan", "--title", "Plan för test",
                                "--organisation", "Ljungby kommun"},
                               site_);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string draft = ReadFile(site_ / "content/ljungby/plan-for-test.md");
  EXPECT_NE(draft.find("\nsekretess:  # Sekretess, ett av: Offentlig, Intern\n"), std::string::npos)
      << draft;
  EXPECT_EQ(draft.find("galler_for"), std::string::npos);  // only policies need it

  const fs::path schema = site_ / "schema.json";
  ASSERT_EQ(RunKansli({"schema", "-o", schema.string()}, site_).exit_code, 0);
  AddToPolicy("galler_for: Alla\nsekretess: Intern\narkivkod: '1.2'\nmalgrupp: Chefer\n");
  auto validate = [&](const fs::path& file) {
    return RunCommand("python3 '" + SourcePath("tests/support/validate_front_matter.py") + "' '" +
                      schema.string() + "' '" + file.string() + "'");
  };
  result = validate(site_ / kPolicy);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  AddToPolicy("");
  std::string text = ReadFile(site_ / kPolicy);
  text.replace(text.find("sekretess: Intern"), 17, "sekretess: Hemlig");
  WriteFile(site_ / kPolicy, text);
  result = validate(site_ / kPolicy);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("sekretess"), std::string::npos) << result.out;
  // The draft lacks sekretess's value, as kansli check says too.
  EXPECT_EQ(validate(site_ / "content/ljungby/plan-for-test.md").exit_code, 1);
}

// kansli new and kansli schema check the declarations as check does: a site field may not
// take the name of one of kansli's own.
TEST_F(SiteFields, OneNamedLikeABuiltInFieldIsRefusedByNewAndSchemaToo) {
  WriteFile(site_ / "kansli.yaml", ReadFile(site_ / "kansli.yaml") + "  owner: {label: Ägare}\n");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"new", "--type", "plan", "--title", "Plan"},
        std::vector<std::string>{"schema"}}) {
    RunResult result = RunKansli(args, site_);
    EXPECT_EQ(result.exit_code, 1) << args[0];
    EXPECT_NE(result.err.find("error: field 'owner' is one of kansli's own fields"),
              std::string::npos)
        << args[0] << ": " << result.err;
  }
  EXPECT_FALSE(fs::exists(site_ / "content/plan.md"));
}

}  // namespace
}  // namespace kansli::testing
