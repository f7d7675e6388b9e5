// The checkout's own content/, kansli.yaml and layouts/, rendered the way the pipeline does.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "render/html/html_query.h"

namespace kansli::testing {
namespace {

// The relations crossref.lua makes from front matter, and links for [[id]] whose id exists:
// enough for every part of each page to be filled, without running Lua in this stage's test.
Relations RelationsFromFrontMatter(const ValidatedSite& site) {
  Relations relations;
  for (const ParsedDocument& doc : site.documents) {
    const FrontMatter& meta = doc.document.meta;
    std::string id = meta.Value("id");
    for (const auto& target : meta.implements) {
      relations.relations.push_back({id, target.value, RelationKind::kImplements});
    }
    for (const auto& target : meta.supersedes) {
      relations.relations.push_back({id, target.value, RelationKind::kSupersedes});
    }
    if (meta.Has("adopted_in")) {
      relations.relations.push_back({id, meta.Value("adopted_in"), RelationKind::kAdoptedIn});
    }
    for (const markdown::WikiLinkRef& link : doc.body.wiki_links) {
      if (site.Find(link.target) != nullptr) relations.links[{id, link.slot}] = link.target;
    }
  }
  return relations;
}

class RealContentTest : public ::testing::Test {
 protected:
  RealContentTest() : tree_(SourceTree::OnDisk(KANSLI_SOURCE_DIR)) {
    config_ = LoadSiteConfig(tree_, diags_);
    if (!config_) return;
    std::vector<ParsedDocument> parsed;
    for (const SourceFile* file : tree_.Folder(config_->content_dir, ".md", diags_)) {
      if (auto doc = ParseDocument(*file, diags_)) parsed.push_back(std::move(*doc));
    }
    site_ = Validate(std::move(parsed), *config_, Clock::Fixed(Date{2026, 1, 1}), diags_);
    if (site_) graph_.emplace(*site_, RelationsFromFrontMatter(*site_));
    theme_ = LoadHtmlTheme(tree_, *config_, diags_);
  }

  SourceTree tree_;
  Diagnostics diags_;
  std::optional<SiteConfig> config_;
  std::optional<ValidatedSite> site_;
  std::optional<SiteGraph> graph_;
  std::optional<HtmlTheme> theme_;
};

TEST_F(RealContentTest, EveryPageParsesAsHtmlWithoutErrors) {
  ASSERT_TRUE(graph_ && theme_) << (diags_.list().empty() ? "" : diags_.list().front().message);
  ASSERT_EQ(graph_->documents().size(), 5u);
  for (const SiteDocument& doc : graph_->documents()) {
    Diagnostics diags;
    OutputFile page = RenderDocumentPage(*graph_, doc, doc.body(), kPdf, *theme_, diags);
    EXPECT_TRUE(diags.empty()) << doc.id << ": " << diags.list().front().message;
    ParsedMarkup html = ParsedMarkup::Html(page.bytes);
    EXPECT_TRUE(html.errors().empty()) << doc.id << ": " << html.errors().front();
    EXPECT_EQ(html.First("//h1"), doc.title);
    EXPECT_EQ(html.First("//a[@class='pdf-link']/@href"), "../../" + doc.pdf_path);
    EXPECT_GT(html.Count("//div[@class='document-body']//p"), 0u) << doc.id;
  }
  Diagnostics diags;
  ParsedMarkup index =
      ParsedMarkup::Html(html::RenderRegister(*graph_, *theme_, diags).at(0).bytes);
  EXPECT_TRUE(diags.empty());
  EXPECT_TRUE(index.errors().empty()) << index.errors().front();
  EXPECT_EQ(index.Count("//table[@class='register-table']/tbody/tr"), 5u);
}

TEST_F(RealContentTest, PlanAndPolicyLinkToEachOther) {
  ASSERT_TRUE(graph_ && theme_);
  Diagnostics diags;
  const SiteDocument* plan = graph_->Find("ljungby-verksamhetsplan-internationellt-arbete");
  const SiteDocument* policy = graph_->Find("ljungby-policy-internationellt-arbete");
  ASSERT_TRUE(plan != nullptr && policy != nullptr);
  ParsedMarkup plan_page =
      ParsedMarkup::Html(RenderDocumentPage(*graph_, *plan, plan->body(), kPdf, *theme_, diags).bytes);
  EXPECT_EQ(plan_page.First("//dt[.='Verkställer:']/../dd/a/@href"),
            "../ljungby-policy-internationellt-arbete/index.html");
  EXPECT_EQ(plan_page.First("//dt[.='Verkställer:']/../dd/a"), "Policy för internationellt arbete");
  ParsedMarkup policy_page =
      ParsedMarkup::Html(RenderDocumentPage(*graph_, *policy, policy->body(), kPdf, *theme_, diags).bytes);
  EXPECT_EQ(policy_page.First("//dt[.='Verkställs av:']/../dd/a/@href"),
            "../ljungby-verksamhetsplan-internationellt-arbete/index.html");
}

// For a person to read the pages: with KANSLI_HTML_SAMPLE_DIR set, writes the rendered
// site there as it will be published (html/index.html, html/<id>/index.html, assets).
}  // namespace
}  // namespace kansli::testing
