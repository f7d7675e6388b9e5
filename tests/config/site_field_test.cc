// The site's own front-matter fields, as kansli.yaml declares them under `fields:`.
#include <gtest/gtest.h>

#include "config/site_config.h"

namespace kansli {
namespace {

std::optional<SiteConfig> Load(const std::string& fields, Diagnostics& diags) {
  static std::vector<std::unique_ptr<SourceFile>> keep;
  const std::string yaml = "base_url: https://x/\ntypes: {policy: {required: [owner]}, plan: {}}\n"
                           "fields:\n" + fields;
  keep.push_back(std::make_unique<SourceFile>(*SourceFile::FromBytes("kansli.yaml", yaml, diags)));
  return LoadSiteConfig(*keep.back(), diags);
}

std::string Messages(const Diagnostics& diags) {
  std::string all;
  for (const Diagnostic& d : diags.list()) {
    all += std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + " " + d.message + "\n";
  }
  return all;
}

TEST(SiteField, ReadsEachKindLabelsAndWhereItIsShown) {
  Diagnostics diags;
  auto config = Load("  galler_for: {label: {sv: Gäller för, en: Applies to}}\n"
                     "  sekretess: {type: choice, values: [Offentlig, Intern], show: [page]}\n"
                     "  malgrupp: {type: list, label: Målgrupp}\n"
                     "  arkivkod: {type: pattern, pattern: '\\d+\\.\\d+', show: []}\n"
                     "  beslutad: {type: date}\n"
                     "  antal: {type: number}\n",
                     diags);
  ASSERT_TRUE(config) << Messages(diags);
  EXPECT_EQ(config->FieldNames(), (std::vector<std::string>{"galler_for", "sekretess", "malgrupp",
                                                            "arkivkod", "beslutad", "antal"}));
  const SiteField* galler = config->FindField("galler_for");
  EXPECT_EQ(galler->kind, SiteFieldKind::kText);
  EXPECT_EQ(galler->Label("sv"), "Gäller för");
  EXPECT_EQ(galler->Label("en"), "Applies to");
  EXPECT_EQ(galler->Label("de"), "Gäller för");  // Swedish when the language has none
  EXPECT_TRUE(galler->on_page && galler->in_pdf);
  const SiteField* sekretess = config->FindField("sekretess");
  EXPECT_EQ(sekretess->kind, SiteFieldKind::kChoice);
  EXPECT_EQ(sekretess->choices, (std::vector<std::string>{"Offentlig", "Intern"}));
  EXPECT_EQ(sekretess->Label("sv"), "sekretess");  // no label: its name
  EXPECT_TRUE(sekretess->on_page);
  EXPECT_FALSE(sekretess->in_pdf);
  EXPECT_EQ(config->FindField("malgrupp")->Label("en"), "Målgrupp");
  const SiteField* arkivkod = config->FindField("arkivkod");
  EXPECT_FALSE(arkivkod->on_page || arkivkod->in_pdf);
  EXPECT_TRUE(std::regex_match("1.2", arkivkod->compiled));
  EXPECT_FALSE(std::regex_match("1.2x", arkivkod->compiled));
  EXPECT_EQ(config->FindField("beslutad")->kind, SiteFieldKind::kDate);
  EXPECT_EQ(config->FindField("antal")->kind, SiteFieldKind::kNumber);
  EXPECT_EQ(config->FindField("owner"), nullptr);
}

TEST(SiteField, RequiredAddsItToTheTypesItNames) {
  Diagnostics diags;
  auto config = Load("  galler_for: {required: [policy]}\n"
                     "  sekretess: {required: all, required_when_in_force: [plan]}\n",
                     diags);
  ASSERT_TRUE(config) << Messages(diags);
  EXPECT_EQ(config->FindType("policy")->required,
            (std::vector<std::string>{"owner", "galler_for", "sekretess"}));
  EXPECT_EQ(config->FindType("plan")->required, std::vector<std::string>{"sekretess"});
  EXPECT_EQ(config->FindType("plan")->required_when_in_force,
            std::vector<std::string>{"sekretess"});
}

TEST(SiteField, EveryDeclarationProblemIsAConfigErrorAtItsLine) {
  Diagnostics diags;
  EXPECT_FALSE(Load("  a: {type: txt}\n"                        // line 4
                    "  b: {type: choice}\n"                     // 5
                    "  c: {type: pattern, pattern: '(\\d'}\n"   // 6
                    "  d: {required: [polcy]}\n"                // 7
                    "  Gäller för: {}\n"                        // 8
                    "  headings: {}\n"                          // 9
                    "  e: {typ: text}\n"                        // 10
                    "  f: {values: [x]}\n"                      // 11
                    "  overdue: {}\n"                           // 12
                    "  g: {show: [page, print]}\n"              // 13
                    "  a: {}\n",                                // 14
                    diags));
  const std::string all = Messages(diags);
  EXPECT_NE(all.find("4:13 unknown field type 'txt'"), std::string::npos) << all;
  EXPECT_NE(all.find("5:3 field 'b' is a choice: list its values"), std::string::npos) << all;
  EXPECT_NE(all.find("6:31 '(\\d' is not a regular expression"), std::string::npos) << all;
  EXPECT_NE(all.find("7:18 field 'd': required names 'polcy', which is not a document type"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("8:3 field name 'Gäller för' must be a-z, 0-9 and '_'"), std::string::npos)
      << all;
  EXPECT_NE(all.find("9:3 field name 'headings' is taken"), std::string::npos) << all;
  EXPECT_NE(all.find("10:7 unknown setting 'typ'"), std::string::npos) << all;
  EXPECT_NE(all.find("11:15 values is for a field of type choice"), std::string::npos) << all;
  EXPECT_NE(all.find("12:3 field name 'overdue' is taken"), std::string::npos) << all;
  EXPECT_NE(all.find("13:20 show lists where the field is shown"), std::string::npos) << all;
  EXPECT_NE(all.find("14:3 field 'a' is declared twice"), std::string::npos) << all;
  EXPECT_EQ(diags.error_count(), 11) << all;
}

// A pattern whose matching would backtrack for ever (nested repetition) is matched in
// polynomial time: the value is refused at once, not after minutes.
TEST(SiteField, APatternIsMatchedWithoutBacktracking) {
  Diagnostics diags;
  auto config = Load("  sektion: {type: pattern, pattern: '([0-9]+ ?)+'}\n", diags);
  ASSERT_TRUE(config) << Messages(diags);
  const SiteField* field = config->FindField("sektion");
  EXPECT_FALSE(std::regex_match(std::string(150, '1') + "x", field->compiled));
  EXPECT_TRUE(std::regex_match("12 34", field->compiled));
  EXPECT_FALSE(Load("  ref: {type: pattern, pattern: '(a)\\1'}\n", diags));  // back-reference
}

}  // namespace
}  // namespace kansli
