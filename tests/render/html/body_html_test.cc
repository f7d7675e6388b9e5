#include "render/html/body_html.h"

#include <gtest/gtest.h>

#include <string>

#include "render/html/html_query.h"
#include "render/html/safe_url.h"

namespace kansli::testing {
namespace {

std::string Doc(const std::string& id, const std::string& title, const std::string& body) {
  return "-- content/" + id + ".md --\n---\nid: " + id + "\ntitle: \"" + title +
         "\"\ntype: policy\norganisation: Testby kommun\nstatus: utkast\nowner: Kansliet\n---\n" +
         body + "\n";
}

// Renders the body of document "a"; `b` ("Plan för test") exists to be linked to.
// `link` decides which of a's wiki-link and emphasis slots a script linked to "b".
struct BodyCase {
  explicit BodyCase(const std::string& markdown)
      : site(Doc("a", "A", markdown) + Doc("b", "Plan för test", "")) {}

  std::string Render(bool link_wiki = false, bool link_emph = false) {
    EXPECT_TRUE(site.site.has_value()) << site.DiagnosticLines();
    if (!site.site) return {};
    Relations relations;
    const markdown::Body& body = site.site->Find("a")->body;
    if (link_wiki) {
      for (const auto& ref : body.wiki_links) {
        if (ref.target == "b") relations.links[{"a", ref.slot}] = "b";
      }
    }
    if (link_emph) {
      for (const auto& ref : body.emphases) relations.links[{"a", ref.slot}] = "b";
    }
    SiteGraph graph(*site.site, relations);
    return html::RenderBodyHtml(graph, *graph.Find("a"), graph.Find("a")->body());
  }

  TestSite site;
};

ParsedMarkup Parse(const std::string& body) {
  ParsedMarkup page = ParsedMarkup::Html("<!DOCTYPE html><html><body>" + body + "</body></html>");
  EXPECT_TRUE(page.errors().empty()) << page.errors().front() << "\n" << body;
  return page;
}

TEST(HtmlBody, ShowsRawHtmlAndScriptAsText) {
  std::string html =
      BodyCase("Hej <script>alert('x')</script> & <b>fet</b>\n\n<div onclick=\"x()\">block</div>")
          .Render();
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("<div"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;fet&lt;/b&gt;"),
            std::string::npos)
      << html;
  ParsedMarkup page = Parse(html);
  EXPECT_EQ(page.Count("//script"), 0u);
  EXPECT_NE(page.First("//p").find("<script>alert('x')</script>"), std::string::npos);
}

TEST(HtmlBody, LinksFootnoteNumbersToTheFootnotesAfterTheText) {
  std::string html = BodyCase("Enligt lagen[^kl] och beslutet[^b].\n\n[^b]: KS 2018/127.\n"
                              "[^kl]: Kommunallagen (2017:725).\n")
                         .Render();
  ParsedMarkup page = Parse(html);
  EXPECT_EQ(page.Count("//sup[@class='footnote-ref']/a"), 2u) << html;
  EXPECT_EQ(page.First("//sup/a/@href"), "#fn_1");
  EXPECT_EQ(page.Count("//section[@class='footnotes']/ol/li"), 2u);
  EXPECT_NE(page.First("//li[@id='fn_1']").find("Kommunallagen (2017:725)."), std::string::npos)
      << html;
  EXPECT_NE(page.First("//li[@id='fn_2']").find("KS 2018/127."), std::string::npos);
}

TEST(HtmlBody, FootnoteIdIsNeverAHeadingsAnchor) {
  std::string html = BodyCase("## fn 1\n\nText[^1].\n\n[^1]: Noten.\n").Render();
  ParsedMarkup page = Parse(html);  // no "ID fn-1 already defined"
  EXPECT_EQ(page.First("//h2/@id"), "fn-1");
  EXPECT_EQ(page.First("//sup/a/@href"), "#" + page.First("//section/ol/li/@id"));
  EXPECT_NE(page.First("//h2/@id"), page.First("//section/ol/li/@id"));
}

TEST(HtmlBody, RefusesUnsafeLinkSchemes) {
  std::string html = BodyCase(
                         "[a](javascript:alert(1)) [b](JavaScript:x) [c](<java script:x>) "
                         "[d](data:text/html,x) [e](vbscript:x) ![bild](javascript:x) "
                         "[f](https://example.se/x) [g](mailto:info@example.se) [h](../bilaga.pdf) "
                         "[i](#syfte) [j](http://example.se)")
                         .Render();
  ParsedMarkup page = Parse(html);
  EXPECT_EQ(page.All("//a/@href"),
            (std::vector<std::string>{"https://example.se/x", "mailto:info@example.se",
                                      "../bilaga.pdf", "#syfte", "http://example.se"}));
  EXPECT_EQ(page.Count("//img"), 0u);
  EXPECT_EQ(html.find("script:"), std::string::npos) << html;
  EXPECT_NE(page.First("//p").find("a b"), std::string::npos);  // the link text stays
  EXPECT_NE(page.First("//p").find("bild"), std::string::npos);
}

TEST(HtmlBody, RendersEveryBlockKind) {
  std::string html = BodyCase(R"(## Rubrik två

Stycke med **fet**, *kursiv*, ~~struken~~ och `kod`.
Rad två  
efter radbrytning.

- punkt ett
- punkt två
  1. inre

3. tre
4. fyra

> citat

```lua
print("<hej>")
```

---

| Vänster | Mitten | Höger |
|:--------|:------:|------:|
| a       | b      | c     |

![Kommunvapen](vapen.png)
)")
                         .Render();
  ParsedMarkup page = Parse(html);
  EXPECT_EQ(page.First("//h2"), "Rubrik två");
  EXPECT_EQ(page.First("//p/strong"), "fet");
  EXPECT_EQ(page.First("//p/em"), "kursiv");
  EXPECT_EQ(page.First("//p/del"), "struken");
  EXPECT_EQ(page.First("//p/code"), "kod");
  EXPECT_EQ(page.Count("//p/br"), 1u);
  EXPECT_EQ(page.All("/html/body/ul/li/text()").front(), "punkt ett");  // tight: no <p>
  EXPECT_EQ(page.First("//ul/li/ol/li"), "inre");
  EXPECT_EQ(page.First("/html/body/ol/@start"), "3");
  EXPECT_EQ(page.First("//blockquote/p"), "citat");
  EXPECT_EQ(page.First("//pre/code"), "print(\"<hej>\")\n");
  EXPECT_EQ(page.First("//pre/code/@class"), "language-lua");
  EXPECT_EQ(page.Count("//hr"), 1u);
  EXPECT_EQ(page.All("//table/thead/tr/th/@scope"), (std::vector<std::string>(3, "col")));
  EXPECT_EQ(page.All("//table/thead/tr/th/@class"),
            (std::vector<std::string>{"align-left", "align-center", "align-right"}));
  EXPECT_EQ(page.All("//table/tbody/tr/td"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(page.First("//img/@src"), "vapen.png");
  EXPECT_EQ(page.First("//img/@alt"), "Kommunvapen");
}

TEST(HtmlBody, LooseListItemsKeepParagraphs) {
  ParsedMarkup page = Parse(BodyCase("- ett\n\n- två\n").Render());
  EXPECT_EQ(page.All("//ul/li/p"), (std::vector<std::string>{"ett", "två"}));
}

TEST(HtmlBody, HeadingsCarryAnchorsAndStayBelowThePageTitle) {
  ParsedMarkup page = Parse(BodyCase("# Syfte och mål\n\n## Ansvar\n\n# Syfte och mål\n").Render());
  EXPECT_EQ(page.Count("//h1"), 0u);
  EXPECT_EQ(page.All("//h2/@id"), (std::vector<std::string>{"syfte-och-mal", "syfte-och-mal-2"}));
  EXPECT_EQ(page.First("//h3/@id"), "ansvar");
}

TEST(HtmlBody, LinkedWikiLinkPointsToTheTargetPage) {
  ParsedMarkup page = Parse(BodyCase("Se [[b]] och [[b|planen]].").Render(/*link_wiki=*/true));
  EXPECT_EQ(page.All("//a/@href"),
            (std::vector<std::string>{"../b/index.html", "../b/index.html"}));
  EXPECT_EQ(page.All("//a"), (std::vector<std::string>{"Plan för test", "planen"}));
}

TEST(HtmlBody, UnlinkedWikiLinkShowsWhatWasWritten) {
  ParsedMarkup page = Parse(BodyCase("Se [[b|planen]] och [[b]].").Render());
  EXPECT_EQ(page.Count("//a"), 0u);
  EXPECT_EQ(page.First("//p"), "Se [[b|planen]] och [[b]].");
}

TEST(HtmlBody, LinkedEmphasisBecomesALinkAroundTheEmphasis) {
  ParsedMarkup page = Parse(BodyCase("Enligt *Plan för test* gäller.").Render(false, true));
  EXPECT_EQ(page.First("//p/a/@href"), "../b/index.html");
  EXPECT_EQ(page.First("//p/a/em"), "Plan för test");
}

TEST(HtmlBody, UnlinkedEmphasisIsOnlyEmphasis) {
  ParsedMarkup page = Parse(BodyCase("Enligt *Plan för test* gäller.").Render());
  EXPECT_EQ(page.Count("//a"), 0u);
  EXPECT_EQ(page.First("//p/em"), "Plan för test");
}

TEST(HtmlBody, NeverNestsLinks) {
  std::string html = BodyCase("[se *Plan för test*](https://example.se)").Render(false, true);
  ParsedMarkup page = Parse(html);
  EXPECT_EQ(page.Count("//a"), 1u) << html;
  EXPECT_EQ(page.First("//a/@href"), "https://example.se");
  EXPECT_EQ(page.First("//a/em"), "Plan för test");
}

TEST(SafeUrl, AllowsOnlyWebMailAndRelativeTargets) {
  for (const char* url : {"https://a.se", "HTTP://a.se", "mailto:x@a.se", "bilaga.pdf", "../x/",
                          "#frag", "/abs/path:colon", "?q=1", ""}) {
    EXPECT_TRUE(html::IsSafeUrl(url)) << url;
  }
  for (const char* url : {"javascript:alert(1)", " javascript:x", "JAVASCRIPT:x", "java\nscript:x",
                          "data:text/html,x", "vbscript:x", "file:///etc/passwd", "x-unknown:y"}) {
    EXPECT_FALSE(html::IsSafeUrl(url)) << url;
  }
}

}  // namespace
}  // namespace kansli::testing
