#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "render/html/html_query.h"
#include "render/html/site_view.h"

namespace kansli::testing {
namespace {

constexpr char kDocuments[] = R"(-- content/policy.md --
---
id: policy
title: Policy för Tranås
type: policy
organisation: Tranås kommun
version: 2
status: gällande
valid_from: 2020-01-01
adopted_by: Kommunfullmäktige
owner: Kansliet
tags: [Internationellt arbete, EU]
---
## Syfte

Text.

### Bakgrund

### Mål

## Ansvar

#### Detalj

## Uppföljning
-- content/plan.md --
---
id: plan
title: Plan för Tranås
type: plan
organisation: Tranås kommun
status: utkast
owner: Kansliet
---
# Ett

## Ett A

# Två
-- content/beslut.md --
---
id: beslut
title: KS § 1
type: beslut
organisation: Tranås kommun
status: utkast
diary_number: KS 2020/1
---
## Enda avsnittet

### Under ett

### Under två
)";

Relations PlanRelations() {
  Relations relations;
  relations.relations = {{"plan", "beslut", RelationKind::kAdoptedIn},
                         {"plan", "policy", RelationKind::kImplements}};
  return relations;
}

class DocumentPageExtrasTest : public ::testing::Test {
 protected:
  explicit DocumentPageExtrasTest(const std::string& config = "") : site_(config + kDocuments) {
    EXPECT_TRUE(site_.site.has_value()) << site_.DiagnosticLines();
    graph_.emplace(*site_.site, PlanRelations());
  }

  ParsedMarkup Page(const std::string& id, const PdfFacts& pdf = kPdf) {
    Diagnostics diags;
    OutputFile file = RenderDocumentPage(*graph_, *graph_->Find(id), graph_->Find(id)->body(), pdf, theme_, diags);
    EXPECT_TRUE(diags.empty()) << diags.list().front().message;
    ParsedMarkup page = ParsedMarkup::Html(file.bytes);
    EXPECT_TRUE(page.errors().empty()) << page.errors().front();
    return page;
  }

  TestSite site_;
  HtmlTheme theme_ = RealTheme();
  std::optional<SiteGraph> graph_;
};

TEST_F(DocumentPageExtrasTest, ShowsThePdfsSha256AndSize) {
  const PdfFacts pdf{.sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     .bytes = 48213};
  ParsedMarkup page = Page("policy", pdf);
  EXPECT_EQ(page.First("//dl[@class='pdf-facts']//code[@class='sha256']"), pdf.sha256);
  EXPECT_EQ(page.First("//dl[@class='pdf-facts']//code[@class='sha256']/@data-bytes"), "48213");
  EXPECT_EQ(page.First("//span[@class='pdf-size']"), "(48 kB)");
  EXPECT_EQ(page.First("//dl[@class='pdf-facts']/dt"), "SHA-256");
}

TEST(ByteSize, UsesTheLanguagesDecimalMark) {
  EXPECT_EQ(html::ByteSize(0, ","), "0 B");
  EXPECT_EQ(html::ByteSize(999, ","), "999 B");
  EXPECT_EQ(html::ByteSize(1000, ","), "1 kB");
  EXPECT_EQ(html::ByteSize(48213, ","), "48 kB");
  EXPECT_EQ(html::ByteSize(48500, "."), "49 kB");
  EXPECT_EQ(html::ByteSize(1'234'567, ","), "1,2 MB");
  EXPECT_EQ(html::ByteSize(1'234'567, "."), "1.2 MB");
  EXPECT_EQ(html::ByteSize(12'960'000, ","), "13,0 MB");
}

TEST(ByteSize, RoundsUpIntoTheNextUnit) {
  EXPECT_EQ(html::ByteSize(999'499, ","), "999 kB");
  // 999 999 bytes rounded to whole kB is 1000 kB, which is one megabyte.
  EXPECT_EQ(html::ByteSize(999'999, ","), "1,0 MB");
  EXPECT_EQ(html::ByteSize(999'999, "."), "1.0 MB");
}

TEST_F(DocumentPageExtrasTest, ContentsNestsSubsectionsUnderTheirSection) {
  ParsedMarkup page = Page("policy");
  EXPECT_EQ(page.All("//nav[@class='contents']/ol/li/a"),
            (std::vector<std::string>{"Syfte", "Ansvar", "Uppföljning"}));
  EXPECT_EQ(page.All("//nav[@class='contents']/ol/li[1]/ol/li/a"),
            (std::vector<std::string>{"Bakgrund", "Mål"}));
  EXPECT_EQ(page.Count("//nav[@class='contents']/ol/li[2]/ol"), 0u);  // level 4 is left out
  EXPECT_EQ(page.Count("//nav[@class='contents']/ol/li[3]/ol"), 0u);
  // Every entry leads to a heading of the body.
  const std::vector<std::string> hrefs = page.All("//nav[@class='contents']//a/@href");
  EXPECT_EQ(hrefs.size(), 5u);
  for (const std::string& href : hrefs) {
    ASSERT_TRUE(href.starts_with("#")) << href;
    EXPECT_EQ(page.Count("//div[@class='document-body']//*[@id='" + href.substr(1) + "']"), 1u)
        << href;
  }
}

TEST_F(DocumentPageExtrasTest, ContentsCountsLevelsFromTheBodysTopHeading) {
  // "# Ett" is shown as a section (h2), "## Ett A" as its subsection.
  ParsedMarkup page = Page("plan");
  EXPECT_EQ(page.All("//nav[@class='contents']/ol/li/a"), (std::vector<std::string>{"Ett", "Två"}));
  EXPECT_EQ(page.All("//nav[@class='contents']/ol/li[1]/ol/li/a"),
            std::vector<std::string>{"Ett A"});
}

TEST_F(DocumentPageExtrasTest, NoContentsWithFewerThanTwoSections) {
  ParsedMarkup page = Page("beslut");
  EXPECT_EQ(page.Count("//nav[@class='contents']"), 0u);
  EXPECT_EQ(page.Count("//*[@id='contents_heading']"), 0u);
}

TEST_F(DocumentPageExtrasTest, MetadataLinksToListingPages) {
  ParsedMarkup page = Page("policy");
  EXPECT_EQ(page.All("//div[contains(@class,'metadata-organisation')]//a/@href"),
            std::vector<std::string>{"../organisation/tranas-kommun/index.html"});
  EXPECT_EQ(page.All("//div[contains(@class,'metadata-type')]//a/@href"),
            std::vector<std::string>{"../typ/policy/index.html"});
  EXPECT_EQ(page.All("//div[contains(@class,'metadata-tags')]//a/@href"),
            (std::vector<std::string>{"../tagg/internationellt-arbete/index.html",
                                      "../tagg/eu/index.html"}));
  EXPECT_EQ(page.All("//div[contains(@class,'metadata-tags')]//a"),
            (std::vector<std::string>{"Internationellt arbete", "EU"}));
  EXPECT_EQ(page.Count("//div[contains(@class,'metadata-status')]//a"), 0u);
  EXPECT_EQ(page.Count("//div[contains(@class,'metadata-owner')]//a"), 0u);
  // Each link leads to a page the site has.
  std::set<std::string> listing_pages;
  for (const html::Listing& listing : html::Listings(*graph_)) {
    listing_pages.insert("html/" + listing.folder + "index.html");
  }
  for (const std::string& href : page.All("//dl[@class='metadata-list']//a/@href")) {
    const std::string target = (std::filesystem::path("html/policy") / href).lexically_normal();
    EXPECT_TRUE(listing_pages.contains(target)) << href << " → " << target;
  }
}

TEST_F(DocumentPageExtrasTest, RelationGraphLinksEveryOtherDocumentButNotItself) {
  ParsedMarkup page = Page("plan");
  const std::string figure = "//figure[contains(@class,'relation-graph')]";
  EXPECT_EQ(page.Count(figure + "//svg"), 1u);
  std::vector<std::string> hrefs = page.All(figure + "//a/@href");
  std::sort(hrefs.begin(), hrefs.end());
  EXPECT_EQ(hrefs, (std::vector<std::string>{"../beslut/index.html", "../policy/index.html"}));
  // The document itself is drawn, with its title, but is not a link.
  EXPECT_NE(page.First(figure + "//svg").find("Plan för Tranås"), std::string::npos);
}

TEST_F(DocumentPageExtrasTest, DocumentWithoutRelationsHasNoGraph) {
  TestSite site(kDocuments);
  ASSERT_TRUE(site.site.has_value());
  SiteGraph graph(*site.site, Relations{});
  Diagnostics diags;
  ParsedMarkup page =
      ParsedMarkup::Html(RenderDocumentPage(graph, *graph.Find("plan"), graph.Find("plan")->body(), kPdf, theme_, diags).bytes);
  EXPECT_EQ(page.Count("//figure"), 0u);
  EXPECT_EQ(page.Count("//section[@class='relations']"), 0u);
}

TEST_F(DocumentPageExtrasTest, LanguageComesFromTheSwedishTextFile) {
  ParsedMarkup page = Page("policy");
  EXPECT_EQ(page.First("/html/@lang"), "sv");
  EXPECT_EQ(page.First("//dt[.='Dokumentansvarig']/../dd"), "Kansliet");
}

class EnglishDocumentPageTest : public DocumentPageExtrasTest {
 protected:
  EnglishDocumentPageTest()
      : DocumentPageExtrasTest(std::string("-- kansli.yaml --\n") + kTestConfig +
                               "language: en\n") {}
};

TEST_F(EnglishDocumentPageTest, LanguageAndWordsComeFromTheEnglishTextFile) {
  ParsedMarkup page = Page("policy", PdfFacts{.sha256 = std::string(64, 'b'), .bytes = 1'234'567});
  EXPECT_EQ(page.First("/html/@lang"), "en");
  EXPECT_EQ(page.First("//span[@class='pdf-size']"), "(1.2 MB)");
  EXPECT_EQ(page.First("//div[contains(@class,'metadata-status')]/dd"), "In force");
  EXPECT_EQ(page.Count("//dt[.='Dokumentansvarig']"), 0u);
  // Listing folders stay Swedish: they are addresses, not words.
  EXPECT_EQ(page.First("//div[contains(@class,'metadata-type')]//a/@href"),
            "../typ/policy/index.html");
}

// The type pages live where the document pages' metadata links to them, whatever the
// type's name: a name that folds to nothing included.
TEST(DocumentPageMetadata, LinksToTheTypePageWhateverTheTypesName) {
  TestSite site(R"(-- kansli.yaml --
name: Test
base_url: https://intra.test/
types:
  ärende: {label: Ärende}
  "§": {label: Paragraf}
-- content/a.md --
---
id: a
title: A
type: ärende
organisation: Testby kommun
status: utkast
---
-- content/b.md --
---
id: b
title: B
type: "§"
organisation: Testby kommun
status: utkast
---
)");
  ASSERT_TRUE(site.site.has_value()) << site.DiagnosticLines();
  SiteGraph graph(*site.site, Relations{});
  HtmlTheme theme = RealTheme();
  std::set<std::string> type_pages;
  for (const html::Listing& listing : html::Listings(graph)) {
    if (listing.kind == html::Listing::Kind::kType) type_pages.insert("html/" + listing.folder);
  }
  EXPECT_EQ(type_pages.size(), 2u);
  for (const SiteDocument& doc : graph.documents()) {
    Diagnostics diags;
    ParsedMarkup page =
        ParsedMarkup::Html(RenderDocumentPage(graph, doc, doc.body(), kPdf, theme, diags).bytes);
    const std::string href = page.First("//div[contains(@class,'metadata-type')]//a/@href");
    std::string target =
        (std::filesystem::path("html") / doc.id / href).lexically_normal().string();
    target = target.substr(0, target.size() - std::string("index.html").size());
    EXPECT_TRUE(type_pages.contains(target)) << doc.id << ": " << href << " → " << target;
  }
}

}  // namespace
}  // namespace kansli::testing
