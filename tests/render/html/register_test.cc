#include <gtest/gtest.h>

#include <string>

#include "render/html/html_query.h"

namespace kansli::testing {
namespace {

constexpr char kSite[] = R"(-- content/b-policy.md --
---
id: b-policy
title: "Policy <b>för</b> Borg"
type: policy
organisation: Borgby kommun
version: 3
status: gällande
valid_from: 2019-01-01
review_by: 2022-12-31
adopted_by: Kommunfullmäktige
owner: Kansliet
---
-- content/a-plan.md --
---
id: a-plan
title: Plan för Ås
type: plan
organisation: Åsby kommun
version: 1.2
status: gällande
valid_from: 2024-01-01
review_by: 2030-01-01
adopted_by: Kommunstyrelsen
owner: Planenheten
---
-- content/c-beslut.md --
---
id: c-beslut
title: KS § 1
type: beslut
organisation: Borgby kommun
status: gällande
version: 1
adopted_by: Kommunstyrelsen
diary_number: KS 2019/1
---
)";

class RegisterTest : public ::testing::Test {
 protected:
  RegisterTest() : site_(kSite, "2026-01-01") {
    EXPECT_TRUE(site_.site.has_value()) << site_.DiagnosticLines();
    graph_.emplace(*site_.site, Relations{});
    html_ = Render().at(0).bytes;
  }

  std::vector<OutputFile> Render() {
    Diagnostics diags;
    std::vector<OutputFile> pages = html::RenderRegister(*graph_, theme_, diags);
    EXPECT_TRUE(diags.empty()) << diags.list().front().message;
    EXPECT_FALSE(pages.empty());
    EXPECT_EQ(pages.at(0).path, "html/index.html");
    return pages;
  }

  static ParsedMarkup Parse(const std::string& html) {
    ParsedMarkup page = ParsedMarkup::Html(html);
    EXPECT_TRUE(page.errors().empty()) << page.errors().front();
    return page;
  }
  ParsedMarkup Page() const { return Parse(html_); }

  TestSite site_;
  HtmlTheme theme_ = RealTheme();
  std::optional<SiteGraph> graph_;
  std::string html_;
};

TEST_F(RegisterTest, ListsEveryDocumentInRegisterOrder) {
  ParsedMarkup page = Page();
  // Organisation, then type label, then title: Borgby's Beslut, Borgby's Policy, Åsby's Plan.
  EXPECT_EQ(page.All("//table[@class='register-table']/tbody/tr/th/a[1]/@href"),
            (std::vector<std::string>{"c-beslut/index.html", "b-policy/index.html",
                                      "a-plan/index.html"}));
  EXPECT_EQ(page.All("//table[@class='register-table']/tbody/tr/th/a[2]/@href"),
            (std::vector<std::string>{"../pdf/c-beslut.pdf", "../pdf/b-policy.pdf",
                                      "../pdf/a-plan.pdf"}));
  EXPECT_EQ(page.First("//h1"), "Test");  // config.name
  EXPECT_EQ(page.First("//title"), "Test");
  EXPECT_EQ(page.First("//link[@rel='stylesheet']/@href"), "assets/kansli.css");
}

TEST_F(RegisterTest, ShowsEveryColumnWithSwedishHeadings) {
  ParsedMarkup page = Page();
  EXPECT_EQ(page.All("//table/thead/tr/th"),
            (std::vector<std::string>{"Titel", "Dokumenttyp", "Organisation", "Version", "Status",
                                      "Dokumentansvarig", "Gäller från", "Revideras senast"}));
  EXPECT_EQ(page.All("//table/thead/tr/th/@scope"), std::vector<std::string>(8, "col"));
  EXPECT_EQ(page.All("//tbody/tr[3]/td"),
            (std::vector<std::string>{"Plan", "Åsby kommun", "1.2", "Gällande", "Planenheten",
                                      "2024-01-01", "2030-01-01"}));
  EXPECT_EQ(page.First("//tbody/tr[3]/th/@scope"), "row");
  EXPECT_EQ(page.All("//tbody/tr[1]/td")[4], "–");  // a decision has no owner
}

TEST_F(RegisterTest, FlagsOverdueRevision) {
  ParsedMarkup page = Page();
  EXPECT_EQ(page.All("//tbody/tr[@class='overdue']/th/a[1]"),
            (std::vector<std::string>{"Policy <b>för</b> Borg"}));
  EXPECT_EQ(page.All("//tbody/tr/td/strong[@class='flag-overdue']"),
            (std::vector<std::string>{"Revision försenad"}));
  EXPECT_EQ(html_.find("<b>"), std::string::npos);
}

TEST_F(RegisterTest, AFewDocumentsAreOnePageWithoutPager) {
  EXPECT_EQ(Render().size(), 1u);
  ParsedMarkup page = Page();
  EXPECT_EQ(page.Count("//nav[@id='register_pager']"), 0u);
  EXPECT_EQ(page.First("//p[@id='register_count']"), "Visar 3 av 3 dokument");
}

TEST_F(RegisterTest, PagesHoldPageSizeRowsEachAndLinkEveryPage) {
  site_.config->register_page_size = 2;
  std::vector<OutputFile> pages = Render();
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[1].path, "html/sida/2/index.html");
  ParsedMarkup first = Parse(pages[0].bytes);
  ParsedMarkup second = Parse(pages[1].bytes);
  EXPECT_EQ(first.All("//tbody/tr/@data-id"), (std::vector<std::string>{"c-beslut", "b-policy"}));
  EXPECT_EQ(second.All("//tbody/tr/@data-id"), (std::vector<std::string>{"a-plan"}));
  EXPECT_EQ(first.First("//p[@id='register_count']"), "Visar 1–2 av 3 dokument");
  EXPECT_EQ(second.First("//p[@id='register_count']"), "Visar 3–3 av 3 dokument");
  // Every link of a later page leads from its own folder.
  EXPECT_EQ(second.All("//tbody/tr/th/a/@href"),
            (std::vector<std::string>{"../../a-plan/index.html", "../../../pdf/a-plan.pdf"}));
  EXPECT_EQ(second.First("//link[@rel='stylesheet']/@href"), "../../assets/kansli.css");
  EXPECT_EQ(second.First("//script/@data-search"), "../../pagefind/");
  EXPECT_EQ(second.First("//script/@data-search-parts"), "1");
  EXPECT_EQ(second.First("//title"), "Sida 2 av 2 – Test");
  // The pager names every page, marks the current one, and steps back and forth.
  EXPECT_EQ(first.All("//nav[@id='register_pager']//a/@href"),
            (std::vector<std::string>{"index.html", "sida/2/index.html", "sida/2/index.html"}));
  EXPECT_EQ(first.All("//nav[@id='register_pager']//a"),
            (std::vector<std::string>{"Sida 1", "Sida 2", "Nästa"}));
  EXPECT_EQ(first.First("//nav[@id='register_pager']//a[@aria-current='page']"), "Sida 1");
  EXPECT_EQ(second.All("//nav[@id='register_pager']//a/@href"),
            (std::vector<std::string>{"../../index.html", "../../index.html",
                                      "../../sida/2/index.html"}));
  EXPECT_EQ(second.First("//nav[@id='register_pager']//a[@aria-current='page']"), "Sida 2");
  EXPECT_EQ(second.First("//nav[@id='register_pager']//a[@rel='prev']"), "Föregående");
}

TEST_F(RegisterTest, RowTemplateHasThePublishedRowsShape) {
  // register.js fills a copy of it for each search result.
  ParsedMarkup page = Page();
  EXPECT_EQ(page.Count("//template[@id='register_row']//tr/th"), 1u);
  EXPECT_EQ(page.Count("//template[@id='register_row']//tr/td"), 7u);
  EXPECT_EQ(page.Count("//template[@id='register_row']//tr/th/a"), 2u);
  EXPECT_EQ(page.Count("//template[@id='register_row']//strong[@class='flag-overdue']"), 1u);
}

}  // namespace
}  // namespace kansli::testing
