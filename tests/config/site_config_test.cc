#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "config/site_config.h"
#include "support/test_site.h"

namespace kansli {
namespace {

std::optional<SiteConfig> Load(const std::string& yaml, Diagnostics& diags) {
  static std::vector<std::unique_ptr<SourceFile>> keep;
  keep.push_back(std::make_unique<SourceFile>(*SourceFile::FromBytes("kansli.yaml", yaml, diags)));
  return LoadSiteConfig(*keep.back(), diags);
}

TEST(SiteConfig, ReadsTheBundledConfig) {
  std::ifstream in(testing::SourcePath("kansli.yaml"));
  std::stringstream text;
  text << in.rdbuf();
  Diagnostics diags;
  auto config = Load(text.str(), diags);
  ASSERT_TRUE(config) << testing::SourcePath("kansli.yaml");
  EXPECT_EQ(config->TypeNames(), (std::vector<std::string>{"policy", "plan", "program", "strategi",
                                                           "riktlinje", "rutin", "beslut"}));
  EXPECT_EQ(config->FindType("policy")->label, "Policy");
  EXPECT_TRUE(config->base_url.ends_with("/"));
  EXPECT_EQ(config->scripts, std::vector<std::string>{"scripts/crossref.lua"});
}

TEST(SiteConfig, ReadsDiaryNumberPatternsAndTheBodiesThatAdoptEachType) {
  Diagnostics diags;
  auto config = Load("base_url: https://x/\ntypes: {policy: {adopted_by: [Kommunfullmäktige]}}\n"
                     "diary_numbers:\n  Ljungby kommun: 'KS \\d{4}/\\d{4}'\n"
                     "  Osby kommun: ['KS/\\d{4}:\\d+', 'BUN \\d+']\n",
                     diags);
  ASSERT_TRUE(config) << diags.list().front().message;
  EXPECT_EQ(config->FindType("policy")->adopted_by, std::vector<std::string>{"Kommunfullmäktige"});
  ASSERT_NE(config->DiaryNumbersOf("Osby kommun"), nullptr);
  EXPECT_EQ(config->DiaryNumbersOf("Osby kommun")->patterns.size(), 2u);
  EXPECT_EQ(config->DiaryNumbersOf("Ljungby kommun")->patterns[0], "KS \\d{4}/\\d{4}");
  EXPECT_EQ(config->DiaryNumbersOf("Tranås kommun"), nullptr);
}

TEST(SiteConfig, ADiaryNumberPatternThatIsNoRegularExpressionIsAnErrorAtItsLine) {
  Diagnostics diags;
  EXPECT_FALSE(Load("base_url: https://x/\ntypes: {policy: {}}\ndiary_numbers:\n"
                    "  Ljungby kommun: 'KS (\\d{4}'\n",
                    diags));
  ASSERT_EQ(diags.list().size(), 1u);
  EXPECT_EQ(diags.list()[0].pos.line, 4);
  EXPECT_NE(diags.list()[0].message.find("is not a regular expression"), std::string::npos);
}

TEST(SiteConfig, UnknownSettingIsAnErrorWithAHint) {
  Diagnostics diags;
  EXPECT_FALSE(Load("base_url: https://x/\ntypes: {policy: {}}\nscritps: []\n", diags));
  ASSERT_EQ(diags.list().size(), 1u);
  EXPECT_EQ(diags.list()[0].pos, (SourcePos{"kansli.yaml", 3, 1}));
  EXPECT_EQ(diags.list()[0].hints[0], "did you mean 'scripts'?");
}

TEST(SiteConfig, NeedsBaseUrlAndTypes) {
  Diagnostics diags;
  EXPECT_FALSE(Load("name: x\n", diags));
  EXPECT_EQ(diags.error_count(), 2);
}

TEST(SiteConfig, OutputMustBeItsOwnFolderInsideTheSite) {
  for (const char* output : {"\"\"", ".", "..", "/tmp/out", "../out", "content", "content/..",
                             "\"\"", "./"}) {
    Diagnostics diags;
    std::string yaml = std::string("base_url: https://x/\ntypes: {policy: {}}\nfolders: {output: ") +
                       output + "}\n";
    EXPECT_FALSE(Load(yaml, diags)) << output;
  }
  Diagnostics diags;
  EXPECT_FALSE(Load("base_url: https://x/\ntypes: {policy: {}}\nfolders: {output: site, content: site/docs}\n",
                    diags));
  EXPECT_TRUE(Load("base_url: https://x/\ntypes: {policy: {}}\nfolders: {output: public}\n", diags));
}

TEST(SiteConfig, ControlCharacterIsAnErrorAtItsPosition) {
  Diagnostics diags;
  EXPECT_FALSE(Load(std::string("base_url: https://x/\nname: a") + '\0' + "b\n", diags));
  ASSERT_EQ(diags.list().size(), 1u);
  EXPECT_EQ(diags.list()[0].pos, (SourcePos{"kansli.yaml", 2, 8}));
  EXPECT_EQ(diags.list()[0].message,
            "kansli.yaml: control character U+0000 is not allowed in YAML");
}

TEST(SiteConfig, NotANumberIsNotInRange) {
  Diagnostics diags;
  EXPECT_FALSE(Load("base_url: https://x/\ntypes: {policy: {}}\nscript_seconds: .nan\n", diags));
}

TEST(SiteConfig, FontSizeOutOfRangeIsReported) {
  Diagnostics diags;
  EXPECT_FALSE(Load("base_url: https://x/\ntypes: {policy: {}}\npdf: {font_size: 300}\n", diags));
  EXPECT_EQ(diags.list()[0].code, Code::kConfigError);
}

}  // namespace
}  // namespace kansli
