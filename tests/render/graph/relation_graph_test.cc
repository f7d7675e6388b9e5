#include "render/graph/relation_graph.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "render/graph/graph_fixtures.h"
#include "render/graph/svg_document.h"

namespace kansli::testing {
namespace {

using graph::RelationGraph;
using graph::RenderSvg;

TEST(RelationGraph, IsWellFormedSvgWithAnAccessibleName) {
  const std::string svg = Render(Ljungby());
  SvgDocument doc(svg);
  ASSERT_TRUE(doc.ok()) << svg;
  EXPECT_EQ(doc.One("/s:svg/@role"), "group");
  EXPECT_EQ(doc.One("/s:svg/@aria-labelledby"), "rel-title");
  EXPECT_EQ(doc.One("//*[@id='rel-title']"), "Relationer mellan Ljungby kommuns styrdokument");
  EXPECT_EQ(doc.One("/s:svg/@aria-describedby"), "rel-desc");
  EXPECT_EQ(doc.One("/s:svg/s:desc"), Ljungby().description);
  EXPECT_FALSE(doc.One("/s:svg/@viewBox").empty());
  EXPECT_GT(std::stoi(doc.One("/s:svg/@width")), 100);
  EXPECT_EQ(doc.Count("//s:g[contains(@class, 'node')]"), 4u);
  EXPECT_EQ(doc.Count("//s:g[@class='edge']"), 4u);
}

TEST(RelationGraph, HasNoDeclarationDoctypeOrComment) {
  const std::string svg = Render(Ljungby());
  EXPECT_TRUE(svg.starts_with("<svg ")) << svg.substr(0, 80);
  EXPECT_EQ(svg.find("<?xml"), std::string::npos);
  EXPECT_EQ(svg.find("<!DOCTYPE"), std::string::npos);
  EXPECT_EQ(svg.find("<!--"), std::string::npos);
  EXPECT_EQ(svg.find("graphviz"), std::string::npos);
  EXPECT_EQ(svg.find("xlink"), std::string::npos);
}

TEST(RelationGraph, LinksEveryNodeWithAnHrefButNotTheFocus) {
  SvgDocument doc(Render(Ljungby()));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.Strings("//s:a/@href"),
            (std::vector<std::string>{"../plan-int/index.html", "../kf-2024-12/index.html",
                                      "../policy-old/index.html"}));
  EXPECT_EQ(doc.One("//s:g[@data-id='plan-int']/s:a/@aria-label"),
            "Plan: Handlingsplan för internationellt arbete 2024–2027");
  EXPECT_EQ(doc.One("//s:g[@data-id='plan-int']/s:a/s:title"),
            "Plan: Handlingsplan för internationellt arbete 2024–2027");
  EXPECT_EQ(doc.Count("//s:g[@data-id='policy-int']//s:a"), 0u);
  EXPECT_EQ(doc.One("//s:g[@data-id='policy-int']/@class"), "node kind-policy focus");
  EXPECT_EQ(doc.One("//s:g[@data-id='policy-int']/s:title"),
            "Policy: Policy för internationellt arbete");
  EXPECT_EQ(doc.One("//s:g[@data-id='policy-old']/@class"), "node kind-policy not-in-force linked");
  EXPECT_EQ(doc.One("//s:g[@id='rel-e0']/s:title"),
            "Handlingsplan för internationellt arbete 2024–2027 verkställer Policy för "
            "internationellt arbete");
}

TEST(RelationGraph, FocusWinsOverHref) {
  RelationGraph graph = Ljungby();
  graph.nodes[0].href = "../policy-int/index.html";
  SvgDocument doc(Render(graph));
  EXPECT_EQ(doc.Count("//s:a"), 3u);
  EXPECT_EQ(doc.Count("//s:g[@data-id='policy-int']//s:a"), 0u);
}

TEST(RelationGraph, ShowsMarkupInLabelsAsText) {
  RelationGraph graph = Ljungby();
  graph.title = "Graf <b>&amp;</b>";
  graph.nodes[1].label = "<script>alert(\"x\")</script> & 'citat' \\N \\G \\L";
  graph.nodes[1].kind_label = "<i>Plan</i>";
  graph.nodes[1].href = "../a?x=1&y=\"2\"<";
  graph.edges[0].label = "<em>verkställer</em> &amp;";
  const std::string svg = Render(graph);
  SvgDocument doc(svg);
  ASSERT_TRUE(doc.ok()) << svg;
  EXPECT_EQ(doc.Count("//s:script"), 0u);
  EXPECT_EQ(doc.Count("//s:b|//s:i|//s:em"), 0u);
  EXPECT_EQ(doc.One("//*[@id='rel-title']"), "Graf <b>&amp;</b>");
  std::string text;
  for (const std::string& line : doc.Strings("//s:g[@data-id='plan-int']//s:text")) {
    text += (text.empty() ? "" : " ") + line;
  }
  EXPECT_EQ(text, "<i>Plan</i> <script>alert(\"x\")</script> & 'citat' \\N \\G \\L");
  EXPECT_EQ(doc.One("//s:g[@data-id='plan-int']/s:a/@href"), "../a?x=1&y=\"2\"<");
  EXPECT_EQ(doc.Strings("//s:g[@id='rel-e0']/s:text"),
            (std::vector<std::string>{"<em>verkställer</em>", "&amp;"}));
}

TEST(RelationGraph, CleansNewlinesControlsAndBadUtf8) {
  RelationGraph graph = Ljungby();
  graph.nodes[1].label = "Rad ett\nrad\ttvå\r\n\x01\x1b slut \xff\xc3";
  const std::string svg = Render(graph);
  SvgDocument doc(svg);
  ASSERT_TRUE(doc.ok()) << svg;
  EXPECT_EQ(doc.One("//s:g[@data-id='plan-int']/s:a/@aria-label"),
            "Plan: Rad ett rad två slut \uFFFD\uFFFD");
}

TEST(RelationGraph, WrapsLongTitlesAtWordsAndCutsAfterFiveLines) {
  RelationGraph graph = Ljungby();
  graph.nodes[1].label =
      "Handlingsplan för internationellt arbete och samverkan inom Europeiska unionen";
  graph.nodes[2].label = std::string(400, 'x') + " slut";
  SvgDocument doc(Render(graph));
  EXPECT_EQ(doc.Strings("//s:g[@data-id='plan-int']//s:text"),
            (std::vector<std::string>{"Plan", "Handlingsplan för", "internationellt arbete och",
                                      "samverkan inom Europeiska", "unionen"}));
  const std::vector<std::string> cut = doc.Strings("//s:g[@data-id='kf-2024-12']//s:text");
  ASSERT_EQ(cut.size(), 6u);  // the kind label and five lines
  EXPECT_EQ(cut[1], std::string(28, 'x'));
  EXPECT_EQ(cut[5], std::string(27, 'x') + "…");
  // The accessible name keeps the whole title.
  EXPECT_NE(doc.One("//s:g[@data-id='kf-2024-12']/s:a/@aria-label").find(" slut"),
            std::string::npos);
}

TEST(RelationGraph, SameInputGivesSameBytes) {
  const std::string first = Render(Ljungby());
  EXPECT_EQ(Render(Ljungby()), first);
  RelationGraph other = Ljungby();
  other.edges.pop_back();
  EXPECT_NE(Render(other), first);
}

TEST(RelationGraph, EmptyGraphGivesEmptyString) {
  Diagnostics diags;
  EXPECT_EQ(RenderSvg(RelationGraph{.title = "Tom"}, diags), std::string());
  EXPECT_TRUE(diags.empty());
  // Edges without nodes are dropped, so this is empty too.
  EXPECT_EQ(RenderSvg(RelationGraph{.edges = {{.from = "a", .to = "b"}}}, diags), std::string());
}

TEST(RelationGraph, SkipsDuplicateNodesUnknownEndsAndRepeatedEdges) {
  RelationGraph graph = Ljungby();
  graph.nodes.push_back({.id = "plan-int", .label = "Dubblett", .href = "../dubblett/"});
  graph.edges.push_back({.from = "plan-int", .to = "saknas", .label = "verkställer"});
  graph.edges.push_back({.from = "saknas", .to = "plan-int"});
  graph.edges.push_back(graph.edges[0]);
  const std::string svg = Render(graph);
  SvgDocument doc(svg);
  ASSERT_TRUE(doc.ok()) << svg;
  EXPECT_EQ(doc.Count("//s:g[contains(@class, 'node')]"), 4u);
  EXPECT_EQ(doc.Count("//s:g[@class='edge']"), 4u);
  EXPECT_EQ(svg.find("Dubblett"), std::string::npos);
}

TEST(RelationGraph, DropsUnsafeLinkSchemes) {
  RelationGraph graph = Ljungby();
  graph.nodes[1].href = " JavaScript:alert(1)";
  graph.nodes[2].href = "https://intranat.example.se/a";
  graph.nodes[3].href = "data:text/html,x";
  SvgDocument doc(Render(graph));
  EXPECT_EQ(doc.Strings("//s:a/@href"),
            (std::vector<std::string>{"https://intranat.example.se/a"}));
}

TEST(RelationGraph, PrefixesEveryIdAndKeepsThemUnique) {
  RelationGraph graph = Ljungby();
  graph.id_prefix = "9 bad\"prefix";
  const std::string svg = Render(graph);
  SvgDocument doc(svg);
  ASSERT_TRUE(doc.ok()) << svg;
  std::vector<std::string> ids = doc.Strings("//@id");
  ASSERT_FALSE(ids.empty());
  for (const std::string& id : ids) EXPECT_TRUE(id.starts_with("graph9badprefix")) << id;
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
}

TEST(RelationGraph, NamesTheFontsItsMetricsMatch) {
  const std::string svg = Render(Ljungby());
  EXPECT_NE(svg.find("font-family=\"&#39;Liberation Sans&#39;, Arial, Helvetica, sans-serif\""),
            std::string::npos);
  EXPECT_EQ(svg.find("font-family=\"Liberation Sans\""), std::string::npos);
  EXPECT_EQ(svg.find("Times"), std::string::npos);
}

// Run in a fresh process (the Graphviz context is made once per process): with GVBINDIR
// pointing at a folder without Graphviz's plugin list, dot cannot be found.
TEST(RelationGraph, ReportsAMissingDotPlugin) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const std::string empty = ::testing::TempDir() + "kansli-no-graphviz-plugins";
  std::filesystem::create_directories(empty);
  EXPECT_EXIT(
      {
        setenv("GVBINDIR", empty.c_str(), 1);
        Diagnostics diags;
        const bool failed = !RenderSvg(Ljungby(), diags).has_value();
        const bool reported = diags.error_count() == 1 &&
                              diags.list()[0].code == Code::kInternalError &&
                              diags.list()[0].message.find("\"dot\"") != std::string::npos &&
                              diags.list()[0].hints.size() == 1;
        std::fprintf(stderr, "%s\n", diags.empty() ? "" : diags.list()[0].message.c_str());
        std::exit(failed && reported ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "not recognized");
}

}  // namespace
}  // namespace kansli::testing
