// `kansli schema` writes a JSON Schema a real validator (python3-jsonschema, as an editor's
// YAML extension uses one) accepts every bundled document with, and the documents with
// front-matter problems fail.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "support/run_kansli.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

RunResult Validate(const fs::path& schema, const std::vector<fs::path>& files) {
  std::string command = "python3 '" + SourcePath("tests/support/validate_front_matter.py") + "' '" +
                        schema.string() + "'";
  for (const fs::path& file : files) command += " '" + file.string() + "'";
  return RunCommand(command);
}

class Schema : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = MakeSiteCopy({}, true);
    schema_ = site_ / "front-matter.schema.json";
    RunResult result = RunKansli({"schema", "-o", schema_.string()}, site_);
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  void TearDown() override { fs::remove_all(site_); }

  fs::path site_;
  fs::path schema_;
};

TEST_F(Schema, EveryBundledDocumentIsValid) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(site_ / "content")) {
    if (entry.path().extension() == ".md") files.push_back(entry.path());
  }
  ASSERT_EQ(files.size(), 5u);
  RunResult result = Validate(schema_, files);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
}

// Each bad fixture whose problem is in one document's front matter fails the schema.
TEST_F(Schema, DocumentsWithFrontMatterProblemsAreInvalid) {
  for (const char* fixture : {"missing-owner", "unknown-field", "impossible-date",
                              "diary-number", "adopted-by-not-allowed"}) {
    std::vector<fs::path> files;
    for (const auto& entry :
         fs::recursive_directory_iterator(SourcePath(std::string("tests/fixtures/bad/") + fixture))) {
      if (entry.path().extension() == ".md") files.push_back(entry.path());
    }
    ASSERT_FALSE(files.empty()) << fixture;
    RunResult result = Validate(schema_, files);
    EXPECT_EQ(result.exit_code, 1) << fixture << ": " << result.out << result.err;
  }
}

TEST_F(Schema, RequiresFieldsByTypeAndStatus) {
  const fs::path doc = site_ / "content" / "x.md";
  WriteFile(doc, "---\nid: x\ntitle: X\ntype: policy\norganisation: K\nstatus: utkast\n"
                 "owner: O\n---\n");
  EXPECT_EQ(Validate(schema_, {doc}).exit_code, 0);
  // In force, a policy needs version, adopted_by and valid_from.
  WriteFile(doc, "---\nid: x\ntitle: X\ntype: policy\norganisation: K\nstatus: gällande\n"
                 "owner: O\n---\n");
  RunResult result = Validate(schema_, {doc});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("'version' is a required property"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("'valid_from' is a required property"), std::string::npos) << result.out;
}

// README's VS Code task turns kansli check's messages into problems with this pattern: it
// must read them (std::regex's ECMAScript is the JavaScript syntax VS Code uses).
TEST(EditorTask, TheReadmesProblemMatcherReadsKansliChecksMessages) {
  const std::string readme = ReadFile(SourcePath("README.md"));
  const size_t start = readme.find("```json\n{\n  \"version\": \"2.0.0\"");
  ASSERT_NE(start, std::string::npos);
  const size_t body = start + 8;
  const nlohmann::json tasks =
      nlohmann::json::parse(readme.substr(body, readme.find("```", body) - body));
  const std::regex pattern(
      tasks["tasks"][0]["problemMatcher"]["pattern"]["regexp"].get<std::string>());
  fs::path site = MakeSiteCopy(SourcePath("tests/fixtures/bad/diary-number"), false);
  RunResult result = RunKansli({"check", "--today", "2026-01-01"}, site);
  fs::remove_all(site);
  std::smatch match;
  const std::string first = result.err.substr(0, result.err.find('\n'));
  ASSERT_TRUE(std::regex_match(first, match, pattern)) << first;
  EXPECT_EQ(match[1], "content/beslut-a.md");
  EXPECT_EQ(match[2], "9");
  EXPECT_EQ(match[4], "error");
  EXPECT_EQ(match[6], "diary-number-format");
}

}  // namespace
}  // namespace kansli::testing
