#include "config/site_text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "config/site_config.h"
#include "support/test_site.h"

namespace kansli {
namespace {

// A text file with every required key but `skip`, each text "x", as nested block maps.
struct TextTree {
  std::map<std::string, TextTree> children;
};

void Emit(const TextTree& tree, int indent, std::string& yaml) {
  for (const auto& [name, child] : tree.children) {
    yaml += std::string(static_cast<size_t>(indent), ' ') + name + ":";
    if (child.children.empty()) {
      yaml += " x\n";
    } else {
      yaml += "\n";
      Emit(child, indent + 2, yaml);
    }
  }
}

std::string CompleteText(std::string_view skip = "") {
  TextTree root;
  for (std::string_view key : kRequiredTextKeys) {
    if (key == skip) continue;
    TextTree* node = &root;
    size_t start = 0;
    for (size_t dot = key.find('.');; dot = key.find('.', start)) {
      node = &node->children[std::string(key.substr(start, dot - start))];
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
  }
  std::string yaml;
  Emit(root, 0, yaml);
  return yaml;
}

std::optional<SiteText> LoadText(const std::string& path, const std::string& yaml,
                                 Diagnostics& diags) {
  static std::vector<std::unique_ptr<SourceFile>> keep;
  std::optional<SourceFile> file = SourceFile::FromBytes(path, yaml, diags);
  if (!file) return std::nullopt;
  keep.push_back(std::make_unique<SourceFile>(std::move(*file)));
  return LoadSiteText(*keep.back(), diags);
}

std::optional<SiteText> LoadCheckoutText(const std::string& language, Diagnostics& diags) {
  SourceTree tree = SourceTree::OnDisk(KANSLI_SOURCE_DIR);
  const SourceFile* file = tree.File("layouts/text/" + language + ".yaml", diags);
  if (file == nullptr) return std::nullopt;
  return LoadSiteText(*file, diags);
}

using Entries = std::map<std::string, std::string, std::less<>>;

std::set<std::string> Keys(const SiteText& text) {
  std::set<std::string> keys;
  for (const auto& [key, _] : text.entries()) keys.insert(key);
  return keys;
}

std::string Messages(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.list()) {
    out += d.pos.file + ":" + std::to_string(d.pos.line) + ": " + d.message + "\n";
  }
  return out;
}

TEST(SiteText, BundledSwedishAndEnglishLoadWithoutDiagnostics) {
  for (const char* language : {"sv", "en"}) {
    Diagnostics diags;
    std::optional<SiteText> text = LoadCheckoutText(language, diags);
    EXPECT_TRUE(text.has_value()) << language;
    EXPECT_TRUE(diags.empty()) << language << "\n" << Messages(diags);
    if (text) {
      EXPECT_EQ(text->Get("lang"), language);
    }
  }
}

TEST(SiteText, BundledTranslationsHaveExactlyTheSameKeys) {
  Diagnostics diags;
  std::optional<SiteText> sv = LoadCheckoutText("sv", diags);
  std::optional<SiteText> en = LoadCheckoutText("en", diags);
  ASSERT_TRUE(sv && en) << Messages(diags);
  const std::set<std::string> sv_keys = Keys(*sv);
  const std::set<std::string> en_keys = Keys(*en);
  for (const std::string& key : sv_keys) EXPECT_TRUE(en_keys.contains(key)) << "en lacks " << key;
  for (const std::string& key : en_keys) EXPECT_TRUE(sv_keys.contains(key)) << "sv lacks " << key;
  EXPECT_GT(sv_keys.size(), kRequiredTextKeys.size());  // templates' own keys too
}

TEST(SiteText, BundledTranslationsHaveEveryRequiredKeyAsNonEmptyText) {
  Diagnostics diags;
  for (const char* language : {"sv", "en"}) {
    std::optional<SiteText> text = LoadCheckoutText(language, diags);
    ASSERT_TRUE(text) << Messages(diags);
    for (std::string_view key : kRequiredTextKeys) {
      EXPECT_TRUE(text->Has(key)) << language << " lacks " << key;
      EXPECT_FALSE(text->Get(key).empty()) << language << ": " << key;
    }
  }
}

TEST(SiteText, CompleteFileLoads) {
  Diagnostics diags;
  std::optional<SiteText> text = LoadText("layouts/text/xx.yaml", CompleteText(), diags);
  ASSERT_TRUE(text) << Messages(diags);
  EXPECT_TRUE(diags.empty()) << Messages(diags);
  EXPECT_EQ(text->Get("relations.implements.outgoing"), "x");
}

TEST(SiteText, MissingRequiredKeyIsConfigErrorNamingTheKey) {
  for (std::string_view missing :
       {"review.due_today", "lang", "pdf.page_of", "relations.supersedes.incoming"}) {
    Diagnostics diags;
    EXPECT_FALSE(LoadText("layouts/text/xx.yaml", CompleteText(missing), diags)) << missing;
    ASSERT_EQ(diags.list().size(), 1u) << Messages(diags);
    const Diagnostic& d = diags.list()[0];
    EXPECT_EQ(d.code, Code::kConfigError);
    EXPECT_EQ(d.pos.file, "layouts/text/xx.yaml");
    EXPECT_NE(d.message.find("'" + std::string(missing) + "'"), std::string::npos) << d.message;
  }
}

TEST(SiteText, ListWhereTextIsExpectedIsConfigErrorAtItsLine) {
  Diagnostics diags;
  std::string yaml = CompleteText();
  yaml += "extra:\n  fine: text\n  wrong:\n    - a\n    - b\n";
  const int list_line = static_cast<int>(std::count(yaml.begin(), yaml.end(), '\n')) - 1;
  EXPECT_FALSE(LoadText("layouts/text/xx.yaml", yaml, diags));
  ASSERT_EQ(diags.list().size(), 1u) << Messages(diags);
  const Diagnostic& d = diags.list()[0];
  EXPECT_EQ(d.code, Code::kConfigError);
  EXPECT_EQ(d.pos.file, "layouts/text/xx.yaml");
  EXPECT_EQ(d.pos.line, list_line);  // the "- a" line, where the list starts
  EXPECT_NE(d.message.find("extra.wrong"), std::string::npos) << d.message;
}

TEST(SiteText, TextFileThatIsNotAMapIsConfigError) {
  for (const char* yaml : {"- a\n- b\n", "just text\n", "a: [\n"}) {
    Diagnostics diags;
    EXPECT_FALSE(LoadText("layouts/text/xx.yaml", yaml, diags)) << yaml;
    ASSERT_FALSE(diags.empty()) << yaml;
    EXPECT_EQ(diags.list()[0].code, Code::kConfigError);
  }
}

TEST(SiteText, FormatReplacesEveryOccurrenceOfEachPlaceholder) {
  SiteText text(Entries{{"a", "{n} av {n}, {m} och {n}"}, {"b", "{x}{x}{x}"}});
  EXPECT_EQ(text.Format("a", {{"n", "1"}, {"m", "22"}}), "1 av 1, 22 och 1");
  EXPECT_EQ(text.Format("b", {{"x", "ab"}}), "ababab");
  // A value longer or shorter than its placeholder, and a value holding the placeholder.
  EXPECT_EQ(text.Format("b", {{"x", ""}}), "");
  EXPECT_EQ(text.Format("b", {{"x", "{x}"}}), "{x}{x}{x}");
}

TEST(SiteText, FormatLeavesUnknownPlaceholders) {
  SiteText text(Entries{{"a", "{known} {unknown} {"}});
  EXPECT_EQ(text.Format("a", {{"known", "k"}}), "k {unknown} {");
  EXPECT_EQ(text.Format("a", {}), "{known} {unknown} {");
}

TEST(SiteText, GetFallsBackToTheKey) {
  SiteText text(Entries{{"fields.owner", "Dokumentansvarig"}});
  EXPECT_EQ(text.Field("owner"), "Dokumentansvarig");
  EXPECT_EQ(text.Get("no.such"), "no.such");
  EXPECT_FALSE(text.Has("no.such"));
}

std::optional<SiteConfig> LoadSite(const std::string& config_yaml, Diagnostics& diags,
                                   const std::string& extra_files = "") {
  SourceTree tree = SourceTree::InMemory("-- kansli.yaml --\n" + config_yaml + extra_files);
  return LoadSiteConfig(tree, diags);
}

constexpr char kConfigHead[] = "base_url: https://intra.test/\ntypes: {policy: {}}\n";

TEST(SiteText, LanguageWithoutTextFileIsConfigErrorNamingThePath) {
  Diagnostics diags;
  EXPECT_FALSE(LoadSite(std::string(kConfigHead) + "language: xx\n", diags));
  ASSERT_EQ(diags.list().size(), 1u) << Messages(diags);
  const Diagnostic& d = diags.list()[0];
  EXPECT_EQ(d.code, Code::kConfigError);
  EXPECT_EQ(d.pos.file, "kansli.yaml");
  EXPECT_NE(d.message.find("layouts/text/xx.yaml"), std::string::npos) << d.message;
}

TEST(SiteText, LanguageTextFileComesFromTheLayoutsFolder) {
  Diagnostics diags;
  std::optional<SiteConfig> config =
      LoadSite(std::string(kConfigHead) + "language: xx\nfolders: {layouts: theme}\n", diags,
               "-- theme/text/xx.yaml --\n" + CompleteText());
  ASSERT_TRUE(config) << Messages(diags);
  EXPECT_EQ(config->TextPath(), "theme/text/xx.yaml");
  EXPECT_EQ(config->text.Get("lang"), "x");
}

TEST(SiteText, LanguageThatIsAPathIsRejected) {
  for (const char* language : {"\"../x\"", "\"x/../../etc\"", "\"\"", "\"sv.yaml\"", "EN"}) {
    Diagnostics diags;
    EXPECT_FALSE(LoadSite(std::string(kConfigHead) + "language: " + language + "\n", diags,
                          "-- layouts/x.yaml --\n" + CompleteText()))
        << language;
    ASSERT_FALSE(diags.empty()) << language;
    EXPECT_EQ(diags.list()[0].code, Code::kConfigError);
    EXPECT_EQ(diags.list()[0].pos.line, 3) << language << ": " << diags.list()[0].message;
  }
}

}  // namespace
}  // namespace kansli
