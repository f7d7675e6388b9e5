#include <gtest/gtest.h>

#include <string>

#include "render/html/html_query.h"

namespace kansli::testing {
namespace {

constexpr char kSitemapNs[] = "http://www.sitemaps.org/schemas/sitemap/0.9";
constexpr char kAtomNs[] = "http://www.w3.org/2005/Atom";

// Dates chosen so that each rule of the feed's order shows: revised beats adopted_date,
// adopted_date beats valid_from, and a document with no date is left out of the feed.
constexpr char kSite[] = R"(-- content/gammal.md --
---
id: gammal
title: "Gammal\u0001 policy"
type: policy
organisation: Testby kommun
status: utkast
owner: Kansliet
valid_from: 2010-05-01
tags: [miljö, "<taggen>"]
---
-- content/reviderad.md --
---
id: reviderad
title: "Reviderad plan & <mer>"
type: plan
organisation: Testby kommun
status: utkast
owner: Kansliet
valid_from: 2015-01-01
revised: 2021-03-04
adopted_date: 2014-12-01
---
-- content/beslutad.md --
---
id: beslutad
title: Beslutad policy
type: policy
organisation: Testby kommun
status: utkast
owner: Kansliet
adopted_date: 2019-09-09
valid_from: 2019-10-01
---
-- content/odaterat.md --
---
id: odaterat
title: "KS § 2 med\u0001styrtecken"
type: beslut
organisation: Testby kommun
status: utkast
diary_number: KS 2020/2
---
)";

class SiteXmlTest : public ::testing::Test {
 protected:
  SiteXmlTest() : site_(kSite) {
    EXPECT_TRUE(site_.site.has_value()) << site_.DiagnosticLines();
    graph_.emplace(*site_.site, Relations{});
  }

  ParsedMarkup Parse(const OutputFile& file) {
    ParsedMarkup xml = ParsedMarkup::Xml(file.bytes);
    EXPECT_TRUE(xml.ok()) << file.bytes;
    EXPECT_TRUE(xml.errors().empty()) << xml.errors().front();
    return xml;
  }

  TestSite site_;
  std::optional<SiteGraph> graph_;
};

TEST_F(SiteXmlTest, SitemapListsTheRegisterAndEveryPageWithAbsoluteUrls) {
  OutputFile file = WriteSitemap(*graph_);
  EXPECT_EQ(file.path, "html/sitemap.xml");
  ParsedMarkup xml = Parse(file);
  // The register, the dashboard, the pages per organisation, type and tag, then documents.
  EXPECT_EQ(xml.All("/s:urlset/s:url/s:loc", "s", kSitemapNs),
            (std::vector<std::string>{
                "https://intra.test/", "https://intra.test/granskning/",
                "https://intra.test/organisation/", "https://intra.test/organisation/testby-kommun/",
                "https://intra.test/typ/beslut/", "https://intra.test/typ/plan/",
                "https://intra.test/typ/policy/", "https://intra.test/tagg/taggen/",
                "https://intra.test/tagg/miljo/", "https://intra.test/beslutad/",
                "https://intra.test/gammal/", "https://intra.test/odaterat/",
                "https://intra.test/reviderad/"}));
  // VersionDate (revised, adopted_date, valid_from); a listing takes its newest document; an
  // undated page and the dashboard (which changes with the date) have none.
  EXPECT_EQ(xml.All("/s:urlset/s:url/s:lastmod", "s", kSitemapNs),
            (std::vector<std::string>{"2021-03-04", "2021-03-04", "2021-03-04", "2021-03-04",
                                      "2019-09-09", "2010-05-01", "2010-05-01", "2019-09-09",
                                      "2010-05-01", "2021-03-04"}));
  EXPECT_EQ(xml.All("/s:urlset/s:url[s:loc='https://intra.test/granskning/']/s:lastmod", "s",
                    kSitemapNs)
                .size(),
            0u);
  EXPECT_EQ(
      xml.All("/s:urlset/s:url[s:loc='https://intra.test/odaterat/']/s:lastmod", "s", kSitemapNs)
          .size(),
      0u);
}

TEST_F(SiteXmlTest, FeedHasOneEntryPerDatedDocumentNewestRevisionFirst) {
  OutputFile file = html::WriteFeed(*graph_, graph_->Register(), "", "Test");
  EXPECT_EQ(file.path, "html/feed.xml");
  ParsedMarkup xml = Parse(file);
  EXPECT_EQ(
      xml.All("/a:feed/a:entry/a:id", "a", kAtomNs),
      (std::vector<std::string>{"https://intra.test/reviderad/", "https://intra.test/beslutad/",
                                "https://intra.test/gammal/"}));  // never a made-up date
  EXPECT_EQ(xml.All("/a:feed/a:entry/a:updated", "a", kAtomNs),
            (std::vector<std::string>{"2021-03-04T00:00:00Z", "2019-09-09T00:00:00Z",
                                      "2010-05-01T00:00:00Z"}));
  EXPECT_EQ(xml.All("/a:feed/a:entry/a:title", "a", kAtomNs),
            (std::vector<std::string>{"Reviderad plan & <mer>", "Beslutad policy",
                                      "Gammal policy"}));  // XML forbids U+0001
  EXPECT_EQ(xml.All("/a:feed/a:entry/a:link/@href", "a", kAtomNs).front(),
            "https://intra.test/reviderad/");
  EXPECT_EQ(xml.All("/a:feed/a:entry/a:summary", "a", kAtomNs).front(),
            "Plan · Testby kommun · utkast");
  EXPECT_EQ(
      xml.All("/a:feed/a:entry[a:id='https://intra.test/gammal/']/a:category/@term", "a", kAtomNs),
      (std::vector<std::string>{"miljö", "<taggen>"}));
}

TEST_F(SiteXmlTest, FeedHeaderUsesTheNewestDateNotTheClock) {
  ParsedMarkup xml = Parse(html::WriteFeed(*graph_, graph_->Register(), "", "Test"));
  EXPECT_EQ(xml.First("/*[local-name()='feed']/*[local-name()='updated']"), "2021-03-04T00:00:00Z");
  EXPECT_EQ(xml.First("/*[local-name()='feed']/*[local-name()='id']"), "https://intra.test/");
  EXPECT_EQ(xml.First("/*[local-name()='feed']/*[local-name()='title']"), "Test");
  EXPECT_EQ(xml.All("/a:feed/a:link[@rel='self']/@href", "a", kAtomNs),
            (std::vector<std::string>{"https://intra.test/feed.xml"}));
  EXPECT_EQ(xml.All("/a:feed/a:author/a:name", "a", kAtomNs), (std::vector<std::string>{"Test"}));
}

TEST_F(SiteXmlTest, OutputIsByteForByteStable) {
  EXPECT_EQ(html::WriteFeed(*graph_, graph_->Register(), "", "Test").bytes, html::WriteFeed(*graph_, graph_->Register(), "", "Test").bytes);
  EXPECT_EQ(WriteSitemap(*graph_).bytes, WriteSitemap(*graph_).bytes);
}

TEST(SiteXml, EmptySiteStillGivesValidFiles) {
  TestSite site("-- content/README --\nnothing\n");
  ASSERT_TRUE(site.site.has_value()) << site.DiagnosticLines();
  SiteGraph graph(*site.site, Relations{});
  ParsedMarkup feed = ParsedMarkup::Xml(html::WriteFeed(graph, graph.Register(), "", "Test").bytes);
  EXPECT_TRUE(feed.ok() && feed.errors().empty());
  EXPECT_EQ(feed.First("/*[local-name()='feed']/*[local-name()='updated']"),
            "1970-01-01T00:00:00Z");
  ParsedMarkup sitemap = ParsedMarkup::Xml(WriteSitemap(graph).bytes);
  EXPECT_TRUE(sitemap.ok() && sitemap.errors().empty());
}

}  // namespace
}  // namespace kansli::testing
