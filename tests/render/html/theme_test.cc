#include <gtest/gtest.h>

#include <string>

#include "render/html/html_query.h"

namespace kansli::testing {
namespace {

struct Loaded {
  std::optional<HtmlTheme> theme;
  Diagnostics diags;
};

Loaded Load(const std::string& txtar) {
  SourceTree tree = SourceTree::InMemory(txtar);
  Loaded loaded;
  loaded.theme = LoadHtmlTheme(tree, SiteConfig{}, loaded.diags);
  return loaded;
}

std::string Describe(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.Sorted()) {
    out += d.pos.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) +
           ": " + d.message + " [" + std::string(CodeName(d.code)) + "]\n";
  }
  return out;
}

// The register and the other pages a theme must have, but the document page.
constexpr char kRegister[] =
    "-- layouts/register.mustache --\n<p>{{site_name}}</p>\n"
    "-- layouts/review.mustache --\n<p>review</p>\n"
    "-- layouts/listing.mustache --\n<p>listing</p>\n"
    "-- layouts/organisations.mustache --\n<p>organisations</p>\n"
    "-- layouts/404.mustache --\n<p>404</p>\n"
    "-- layouts/version.mustache --\n<p>version</p>\n"
    "-- layouts/changes.mustache --\n<p>changes</p>\n"
    "-- layouts/verify.mustache --\n<p>verify</p>\n";

TEST(HtmlTheme, LoadsTemplatesPartialsAndStylesheets) {
  Loaded loaded = Load(std::string(kRegister) +
                       "-- layouts/document.mustache --\n{{> head}}<h1>{{title}}</h1>\n"
                       "-- layouts/partials/head.mustache --\n<title>{{title}}</title>\n"
                       "-- layouts/kansli.css --\nbody { color: #111; }\n"
                       "-- layouts/print/extra.css --\np { margin: 0; }\n");
  ASSERT_TRUE(loaded.theme.has_value()) << Describe(loaded.diags);
  EXPECT_TRUE(loaded.diags.empty());
  EXPECT_TRUE(loaded.theme->partials.contains("head"));
  std::vector<OutputFile> assets = RenderAssets(*loaded.theme);
  ASSERT_EQ(assets.size(), 2u);
  EXPECT_EQ(assets[0].path, "html/assets/kansli.css");
  EXPECT_EQ(assets[0].bytes, "body { color: #111; }\n");
  EXPECT_EQ(assets[1].path, "html/assets/print/extra.css");
}

TEST(HtmlTheme, MalformedTemplateIsTemplateErrorAtItsLine) {
  Loaded loaded = Load(std::string(kRegister) +
                       "-- layouts/document.mustache --\n<h1>{{title}}</h1>\n"
                       "{{#relations}}\n<ul>\n");
  EXPECT_FALSE(loaded.theme.has_value());
  EXPECT_EQ(Describe(loaded.diags),
            "layouts/document.mustache:2:1: template error: unclosed section \"relations\" "
            "[template-error]\n");
}

TEST(HtmlTheme, UnclosedTagInPartialNamesThePartial) {
  Loaded loaded = Load(std::string(kRegister) +
                       "-- layouts/document.mustache --\n{{> metadata}}\n"
                       "-- layouts/partials/metadata.mustache --\n<dl>\n<dt>{{label</dt>\n");
  EXPECT_FALSE(loaded.theme.has_value());
  EXPECT_EQ(Describe(loaded.diags),
            "layouts/partials/metadata.mustache:2:5: template error: unclosed tag "
            "[template-error]\n");
}

TEST(HtmlTheme, MissingTemplateIsTemplateError) {
  Loaded loaded = Load(kRegister);
  EXPECT_FALSE(loaded.theme.has_value());
  EXPECT_EQ(Describe(loaded.diags),
            "layouts/document.mustache:0:0: template layouts/document.mustache is missing "
            "[template-error]\n");
}

TEST(HtmlTheme, PartialThatDoesNotExistIsFoundEvenInsideNestedSections) {
  Loaded loaded = Load(std::string(kRegister) +
                       "-- layouts/document.mustache --\n<main>\n"
                       "{{#a}}{{^b}}{{#c}}{{> footer}}{{/c}}{{/b}}{{/a}}\n</main>\n");
  EXPECT_FALSE(loaded.theme.has_value());
  EXPECT_EQ(Describe(loaded.diags),
            "layouts/document.mustache:2:19: partial 'footer' does not exist in the layouts "
            "folder [template-error]\n");
}

TEST(HtmlTheme, PartialThatIncludesItselfIsRefused) {
  Loaded loaded = Load(std::string(kRegister) +
                       "-- layouts/document.mustache --\n{{> a}}\n"
                       "-- layouts/partials/a.mustache --\n{{#x}}{{> b}}{{/x}}\n"
                       "-- layouts/partials/b.mustache --\n{{^y}}{{> a}}{{/y}}\n");
  EXPECT_FALSE(loaded.theme.has_value());
  EXPECT_EQ(Describe(loaded.diags),
            "layouts/partials/b.mustache:1:7: partial 'a' includes itself: a → b → a "
            "[template-error]\n");
}

TEST(HtmlTheme, TwoTemplatesWithOneNameAreRefused) {
  Loaded loaded = Load(std::string(kRegister) +
                       "-- layouts/document.mustache --\n{{> head}}\n"
                       "-- layouts/a/head.mustache --\nA\n-- layouts/b/head.mustache --\nB\n");
  EXPECT_FALSE(loaded.theme.has_value());
  EXPECT_NE(Describe(loaded.diags).find("two templates are named 'head'"), std::string::npos);
}

TEST(HtmlTheme, TheCheckoutsLayoutsLoadCleanly) {
  HtmlTheme theme = RealTheme();
  for (const char* page : kPageTemplates) EXPECT_FALSE(theme.Page(page).text.empty()) << page;
  ASSERT_EQ(theme.assets.size(), 3u);
  EXPECT_EQ(theme.assets[0].path, "html/assets/kansli.css");
  EXPECT_EQ(theme.assets[1].path, "html/assets/register.js");
  EXPECT_EQ(theme.assets[2].path, "html/assets/verify.js");
  // The site works without a network: no stylesheet, font or script from elsewhere. Scripts
  // are the theme's own files, named by a relative path.
  for (const auto& [name, tmpl] : theme.partials) {
    EXPECT_EQ(tmpl.text.find("<script src=\"/"), std::string::npos) << name;
    EXPECT_EQ(tmpl.text.find("://"), std::string::npos) << name;
  }
  EXPECT_EQ(theme.assets[0].bytes.find("@import"), std::string::npos);
  EXPECT_EQ(theme.assets[0].bytes.find("url("), std::string::npos);
  EXPECT_EQ(theme.assets[1].bytes.find("://"), std::string::npos);
  // register.js fetches only the search index's own files, below the site's pagefind/.
  const std::string& js = theme.assets[1].bytes;
  size_t fetches = 0;
  for (size_t at = js.find("fetch("); at != std::string::npos; at = js.find("fetch(", at + 1)) {
    ++fetches;
    EXPECT_EQ(js.compare(at, 12, "fetch(index "), 0) << js.substr(at, 40);
  }
  EXPECT_EQ(fetches, 1u);
}

}  // namespace
}  // namespace kansli::testing
