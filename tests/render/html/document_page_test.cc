#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "render/html/html_query.h"

namespace kansli::testing {
namespace {

constexpr char kSite[] = R"(-- content/policy.md --
---
id: policy
title: "Policy <script>alert('t')</script>"
type: policy
organisation: Testby kommun
version: 2
status: gällande
valid_from: 2020-01-01
review_by: 2024-06-30
adopted_by: Kommunfullmäktige
adopted_date: 2019-12-12
owner: "Kansliet <script>alert('f')</script>"
diary_number: KS 2019/12
---
## Syfte

Text med <script>alert('b')</script> i.
-- content/plan.md --
---
id: plan
title: Plan för test
type: plan
organisation: Testby kommun
status: utkast
owner: Kansliet
implements: [policy]
adopted_in: beslut
---
Planen.
-- content/beslut.md --
---
id: beslut
title: KS § 1 Plan för test
type: beslut
organisation: Testby kommun
status: upphävd
diary_number: KS 2020/1
---
Beslut.
)";

class DocumentPageTest : public ::testing::Test {
 protected:
  DocumentPageTest() : site_(kSite, "2026-01-01") {}

  ParsedMarkup Page(const std::string& id, std::string* html_out = nullptr) {
    EXPECT_TRUE(site_.site.has_value()) << site_.DiagnosticLines();
    Relations relations;
    relations.relations = {{"plan", "policy", RelationKind::kImplements},
                           {"plan", "beslut", RelationKind::kAdoptedIn}};
    SiteGraph graph(*site_.site, relations);
    Diagnostics diags;
    OutputFile file = RenderDocumentPage(graph, *graph.Find(id), graph.Find(id)->body(), kPdf, theme_, diags);
    EXPECT_TRUE(diags.empty()) << diags.list().front().message;
    EXPECT_EQ(file.path, "html/" + id + "/index.html");
    if (html_out != nullptr) *html_out = file.bytes;
    ParsedMarkup page = ParsedMarkup::Html(file.bytes);
    EXPECT_TRUE(page.errors().empty()) << page.errors().front();
    return page;
  }

  TestSite site_;
  HtmlTheme theme_ = RealTheme();
};

TEST_F(DocumentPageTest, EscapesScriptInTitleFieldAndBody) {
  std::string html;
  ParsedMarkup page = Page("policy", &html);
  EXPECT_EQ(page.Count("//script"), 0u);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(page.First("//h1"), "Policy <script>alert('t')</script>");
  EXPECT_EQ(page.First("//title"), "Policy <script>alert('t')</script> – Test");
  EXPECT_EQ(page.First("//dt[.='Dokumentansvarig']/../dd"), "Kansliet <script>alert('f')</script>");
  EXPECT_NE(page.First("//div[@class='document-body']/p").find("<script>alert('b')</script>"),
            std::string::npos);
}

TEST_F(DocumentPageTest, MetadataBoxShowsPresentFieldsWithSwedishLabels) {
  ParsedMarkup page = Page("policy");
  EXPECT_EQ(page.All("//dl[@class='metadata-list']//dt"),
            (std::vector<std::string>{"Dokumenttyp", "Organisation", "Status", "Version",
                                      "Beslutad av", "Beslutsdatum", "Gäller från",
                                      "Revideras senast", "Dokumentansvarig", "Diarienummer"}));
  EXPECT_EQ(page.First("//dt[.='Gäller från']/../dd"), "2020-01-01");
  EXPECT_EQ(page.First("//dt[.='Dokumenttyp']/../dd"), "Policy");
  EXPECT_EQ(page.First("//dt[.='Beslutad av']/../dd"), "Kommunfullmäktige");
}

TEST_F(DocumentPageTest, ShowsRelationsBothWays) {
  ParsedMarkup plan = Page("plan");
  EXPECT_EQ(plan.All("//section[@class='relations']//dt"),
            (std::vector<std::string>{"Verkställer:", "Antagen genom:"}));
  EXPECT_EQ(plan.All("//section[@class='relations']//dd/a/@href"),
            (std::vector<std::string>{"../policy/index.html", "../beslut/index.html"}));
  ParsedMarkup policy = Page("policy");
  EXPECT_EQ(policy.First("//section[@class='relations']//dt"), "Verkställs av:");
  EXPECT_EQ(policy.First("//section[@class='relations']//dd/a"), "Plan för test");
  EXPECT_EQ(policy.First("//section[@class='relations']//dd/a/@href"), "../plan/index.html");
  EXPECT_EQ(Page("beslut").First("//section[@class='relations']//dt"), "Antar:");
}

TEST_F(DocumentPageTest, LinksItsPdfStylesheetAndRegisterRelatively) {
  ParsedMarkup page = Page("policy");
  EXPECT_EQ(page.First("//a[@class='pdf-link']/@href"), "../../pdf/policy.pdf");
  EXPECT_EQ(page.First("//link[@rel='stylesheet']/@href"), "../assets/kansli.css");
  EXPECT_EQ(page.First("//p[@class='site-name']/a/@href"), "../index.html");
  for (const std::string& href : page.All("//@href")) {
    EXPECT_EQ(href.find("://"), std::string::npos) << href;
  }
}

TEST_F(DocumentPageTest, CarriesThePrintNoticeAndLanguage) {
  ParsedMarkup page = Page("policy");
  EXPECT_EQ(page.First("/html/@lang"), "sv");
  EXPECT_NE(page.First("//p[contains(@class,'print-only')]")
                .find("Ett utskrivet dokument är alltid en kopia, giltig version finns alltid på "
                      "intranätet."),
            std::string::npos);
  EXPECT_EQ(page.First("//a[@class='skip-link']/@href"), "#main_content");
  EXPECT_EQ(page.Count("//main[@id='main_content']"), 1u);
}

TEST_F(DocumentPageTest, ShowsOverdueNoteOnlyWhenOverdue) {
  EXPECT_NE(Page("policy").First("//p[contains(@class,'banner-overdue')]").find("2024-06-30"),
            std::string::npos);
  EXPECT_EQ(Page("plan").Count("//p[contains(@class,'banner-overdue')]"), 0u);
}

TEST_F(DocumentPageTest, ShowsBannerForDraftAndRepealedDocuments) {
  EXPECT_EQ(Page("plan").Count("//p[contains(@class,'banner-draft')]"), 1u);
  EXPECT_EQ(Page("beslut").Count("//p[contains(@class,'banner-repealed')]"), 1u);
  ParsedMarkup policy = Page("policy");
  EXPECT_EQ(policy.Count("//p[contains(@class,'banner-draft') or "
                         "contains(@class,'banner-repealed')]"),
            0u);
}

TEST_F(DocumentPageTest, SupersededDocumentNamesItsSuccessor) {
  Relations relations;
  relations.relations = {{"plan", "policy", RelationKind::kSupersedes}};
  TestSite site(R"(-- content/old.md --
---
id: old
title: Gammal policy
type: policy
organisation: Testby kommun
status: ersatt
owner: Kansliet
---
-- content/new.md --
---
id: new
title: Ny policy
type: policy
organisation: Testby kommun
status: utkast
owner: Kansliet
supersedes: [old]
---
)");
  ASSERT_TRUE(site.site.has_value()) << site.DiagnosticLines();
  relations.relations = {{"new", "old", RelationKind::kSupersedes}};
  SiteGraph graph(*site.site, relations);
  Diagnostics diags;
  ParsedMarkup page =
      ParsedMarkup::Html(RenderDocumentPage(graph, *graph.Find("old"), graph.Find("old")->body(), kPdf, theme_, diags).bytes);
  EXPECT_EQ(page.First("//p[contains(@class,'banner-superseded')]/a/@href"), "../new/index.html");
  EXPECT_EQ(page.First("//p[contains(@class,'banner-superseded')]/a"), "Ny policy");
}

TEST_F(DocumentPageTest, RendersTheSamePageTwiceByteForByte) {
  std::string first;
  std::string second;
  Page("plan", &first);
  Page("plan", &second);
  EXPECT_EQ(first, second);
}

TEST_F(DocumentPageTest, RendersPagesFromSeveralThreadsAtOnce) {
  ASSERT_TRUE(site_.site.has_value());
  SiteGraph graph(*site_.site, Relations{});
  std::vector<std::string> expected;
  for (const SiteDocument& doc : graph.documents()) {
    Diagnostics diags;
    expected.push_back(RenderDocumentPage(graph, doc, doc.body(), kPdf, theme_, diags).bytes);
  }
  constexpr int kThreads = 4;
  std::vector<std::vector<std::string>> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) {
        for (const SiteDocument& doc : graph.documents()) {
          Diagnostics diags;  // one per task, as the pipeline does
          results[t].push_back(RenderDocumentPage(graph, doc, doc.body(), kPdf, theme_, diags).bytes);
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::vector<std::string>& pages : results) {
    ASSERT_EQ(pages.size(), 5 * expected.size());
    for (size_t i = 0; i < pages.size(); ++i) EXPECT_EQ(pages[i], expected[i % expected.size()]);
  }
}

}  // namespace
}  // namespace kansli::testing
