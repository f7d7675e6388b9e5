#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "render/html/html_query.h"

namespace kansli::testing {
namespace {

constexpr char kAtomNs[] = "http://www.w3.org/2005/Atom";

// Three organisations; Tranås's plan implements its own policy and Borgby's, Åsby's policy
// relates to nothing. Tags "EU"/"eu" and "miljö"/"Miljö" differ only in case. No document
// is a beslut, so that type has no page.
constexpr char kSite[] = R"(-- content/borgby-policy.md --
---
id: borgby-policy
title: Borgbys policy
type: policy
organisation: Borgby kommun
status: gällande
version: 1
adopted_by: Kommunfullmäktige
valid_from: 2020-01-01
owner: Kansliet
tags: [EU]
---
-- content/tp-policy.md --
---
id: tp-policy
title: Tranås policy
type: policy
organisation: Tranås kommun
status: gällande
version: 2
adopted_by: Kommunfullmäktige
valid_from: 2021-01-01
owner: Kansliet
tags: [eu, miljö]
---
-- content/tp-plan.md --
---
id: tp-plan
title: Tranås plan
type: plan
organisation: Tranås kommun
status: gällande
version: 1
adopted_by: Kommunstyrelsen
valid_from: 2022-01-01
owner: Planenheten
---
-- content/asby-policy.md --
---
id: asby-policy
title: Åsbys policy
type: policy
organisation: Åsby kommun
status: utkast
owner: Kansliet
valid_from: 2019-01-01
tags: [Miljö]
---
)";

Relations SiteRelations() {
  Relations relations;
  relations.relations = {{"tp-plan", "borgby-policy", RelationKind::kImplements},
                         {"tp-plan", "tp-policy", RelationKind::kImplements}};
  std::sort(relations.relations.begin(), relations.relations.end());
  return relations;
}

std::vector<std::string> Ids(const std::vector<const SiteDocument*>& docs) {
  std::vector<std::string> ids;
  for (const SiteDocument* doc : docs) ids.push_back(doc->id);
  return ids;
}

// The page a relative href leads to from a page in `folder` below html/, or "" if it leaves
// html/.
std::string Resolve(const std::string& folder, const std::string& href) {
  std::filesystem::path path = (std::filesystem::path("html") / folder / href).lexically_normal();
  return path.string().starts_with("html/") ? path.string() : "";
}

class ListingPagesTest : public ::testing::Test {
 protected:
  ListingPagesTest() : site_(kSite, "2026-01-01") {
    EXPECT_TRUE(site_.site.has_value()) << site_.DiagnosticLines();
    graph_.emplace(*site_.site, SiteRelations());
    listings_ = html::Listings(*graph_);
  }

  const html::Listing* Find(const std::string& folder) const {
    for (const html::Listing& listing : listings_) {
      if (listing.folder == folder) return &listing;
    }
    return nullptr;
  }

  // The rendered page of the listing in `folder`, which must exist.
  ParsedMarkup Page(const std::string& folder, std::string* path_out = nullptr) {
    const html::Listing* listing = Find(folder);
    EXPECT_NE(listing, nullptr) << folder;
    if (listing == nullptr) return ParsedMarkup::Html("");
    Diagnostics diags;
    OutputFile file = html::RenderListing(*graph_, *listing, theme_, diags);
    EXPECT_TRUE(diags.empty()) << diags.list().front().message;
    if (path_out != nullptr) *path_out = file.path;
    ParsedMarkup page = ParsedMarkup::Html(file.bytes);
    EXPECT_TRUE(page.errors().empty()) << page.errors().front();
    return page;
  }

  TestSite site_;
  HtmlTheme theme_ = RealTheme();
  std::optional<SiteGraph> graph_;
  std::vector<html::Listing> listings_;
};

TEST(ListingFolder, FoldsSwedishLettersAndCase) {
  using html::Listing;
  EXPECT_EQ(html::ListingFolder(Listing::Kind::kOrganisation, "Tranås kommun"),
            "organisation/tranas-kommun/");
  EXPECT_EQ(html::ListingFolder(Listing::Kind::kOrganisation, "Ängelholms kommun"),
            "organisation/angelholms-kommun/");
  EXPECT_EQ(html::ListingFolder(Listing::Kind::kOrganisation, "ÖSTRA GÖINGE"),
            "organisation/ostra-goinge/");
  EXPECT_EQ(html::ListingFolder(Listing::Kind::kType, "riktlinje"), "typ/riktlinje/");
  EXPECT_EQ(html::ListingFolder(Listing::Kind::kTag, "Internationellt arbete"),
            "tagg/internationellt-arbete/");
  EXPECT_EQ(html::ListingFolder(Listing::Kind::kTag, "EU"),
            html::ListingFolder(Listing::Kind::kTag, "eu"));
  // A name of only punctuation still gets a folder below the kind's.
  const std::string folder = html::ListingFolder(Listing::Kind::kTag, "§§");
  EXPECT_TRUE(folder.starts_with("tagg/") && folder.ends_with("/") && folder.size() > 6) << folder;
}

TEST_F(ListingPagesTest, OnePagePerOrganisationTypeAndTag) {
  std::vector<std::string> folders;
  for (const html::Listing& listing : listings_) folders.push_back(listing.folder);
  EXPECT_EQ(folders,
            (std::vector<std::string>{"organisation/borgby-kommun/", "organisation/tranas-kommun/",
                                      "organisation/asby-kommun/", "typ/plan/", "typ/policy/",
                                      "tagg/eu/", "tagg/miljo/"}));
  EXPECT_EQ(Find("organisation/tranas-kommun/")->name, "Tranås kommun");
  EXPECT_EQ(Find("organisation/tranas-kommun/")->kind, html::Listing::Kind::kOrganisation);
  EXPECT_EQ(Find("typ/policy/")->name, "Policy");  // the label readers see
  EXPECT_EQ(Find("typ/policy/")->kind, html::Listing::Kind::kType);
  EXPECT_EQ(Find("tagg/eu/")->kind, html::Listing::Kind::kTag);
}

TEST_F(ListingPagesTest, ListsDocumentsInRegisterOrder) {
  EXPECT_EQ(Ids(Find("organisation/tranas-kommun/")->documents),
            (std::vector<std::string>{"tp-plan", "tp-policy"}));
  EXPECT_EQ(Ids(Find("typ/policy/")->documents),
            (std::vector<std::string>{"borgby-policy", "tp-policy", "asby-policy"}));
  EXPECT_EQ(Page("typ/policy/").All("//tbody/tr/@data-id"),
            (std::vector<std::string>{"borgby-policy", "tp-policy", "asby-policy"}));
}

TEST_F(ListingPagesTest, TagsDifferingOnlyInCaseShareOnePage) {
  const html::Listing* eu = Find("tagg/eu/");
  ASSERT_NE(eu, nullptr);
  EXPECT_EQ(eu->name, "EU");  // the first name in register order
  EXPECT_EQ(Ids(eu->documents), (std::vector<std::string>{"borgby-policy", "tp-policy"}));
  const html::Listing* miljo = Find("tagg/miljo/");
  ASSERT_NE(miljo, nullptr);
  EXPECT_EQ(Ids(miljo->documents), (std::vector<std::string>{"tp-policy", "asby-policy"}));
  EXPECT_EQ(
      std::count_if(listings_.begin(), listings_.end(),
                    [](const html::Listing& l) { return l.kind == html::Listing::Kind::kTag; }),
      2);
}

TEST_F(ListingPagesTest, TypeWithoutDocumentsHasNoPage) {
  EXPECT_EQ(Find("typ/beslut/"), nullptr);
  Diagnostics diags;
  for (const OutputFile& file : RenderSitePages(*graph_, theme_, diags)) {
    EXPECT_FALSE(file.path.starts_with("html/typ/beslut/")) << file.path;
  }
}

TEST_F(ListingPagesTest, OrganisationPageShowsTableWithRelativeLinks) {
  std::string path;
  ParsedMarkup page = Page("organisation/tranas-kommun/", &path);
  EXPECT_EQ(path, "html/organisation/tranas-kommun/index.html");
  EXPECT_EQ(page.First("//h1"), "Tranås kommun");
  EXPECT_EQ(page.All("//tbody/tr/th/a[1]/@href"),
            (std::vector<std::string>{"../../tp-plan/index.html", "../../tp-policy/index.html"}));
  EXPECT_EQ(page.All("//tbody/tr/th/a[2]/@href"),
            (std::vector<std::string>{"../../../pdf/tp-plan.pdf", "../../../pdf/tp-policy.pdf"}));
  EXPECT_EQ(page.First("//link[@rel='stylesheet']/@href"), "../../assets/kansli.css");
  EXPECT_EQ(page.First("//p[@class='feed-link']/a/@href"), "feed.xml");
  EXPECT_NE(page.First("//p[@class='lead']").find("2 dokument"), std::string::npos);
}

TEST_F(ListingPagesTest, OrganisationPageHasRelationGraphWithOneLinkPerNode) {
  ParsedMarkup page = Page("organisation/tranas-kommun/");
  EXPECT_EQ(page.Count("//figure[contains(@class,'relation-graph')]//svg"), 1u);
  std::vector<std::string> hrefs = page.All("//figure[contains(@class,'relation-graph')]//a/@href");
  std::sort(hrefs.begin(), hrefs.end());
  // Tranås's two documents and the Borgby policy its plan implements, each linked once.
  EXPECT_EQ(hrefs,
            (std::vector<std::string>{"../../borgby-policy/index.html", "../../tp-plan/index.html",
                                      "../../tp-policy/index.html"}));
  for (const std::string& href : hrefs) {
    const std::string target = Resolve("organisation/tranas-kommun/", href);
    ASSERT_FALSE(target.empty()) << href;
    const std::string id = target.substr(5, target.size() - 5 - std::string("/index.html").size());
    EXPECT_NE(graph_->Find(id), nullptr) << href << " → " << target;
    EXPECT_EQ(target, graph_->Find(id) != nullptr ? graph_->Find(id)->html_path : "") << href;
  }
}

TEST_F(ListingPagesTest, OrganisationWithoutRelationsHasNoGraph) {
  ParsedMarkup page = Page("organisation/asby-kommun/");
  EXPECT_EQ(page.First("//h1"), "Åsby kommun");
  EXPECT_EQ(page.Count("//figure"), 0u);
  EXPECT_EQ(page.Count("//svg"), 0u);
}

TEST_F(ListingPagesTest, TypeAndTagPagesHaveNoGraph) {
  EXPECT_EQ(Page("typ/plan/").Count("//svg"), 0u);
  ParsedMarkup tag = Page("tagg/eu/");
  EXPECT_EQ(tag.Count("//svg"), 0u);
  EXPECT_EQ(tag.First("//h1"), "Taggen EU");
}

TEST_F(ListingPagesTest, OrganisationsOverviewLinksEveryOrganisationWithItsCount) {
  Diagnostics diags;
  OutputFile file = html::RenderOrganisations(*graph_, listings_, theme_, diags);
  EXPECT_TRUE(diags.empty()) << diags.list().front().message;
  EXPECT_EQ(file.path, "html/organisation/index.html");
  ParsedMarkup page = ParsedMarkup::Html(file.bytes);
  EXPECT_TRUE(page.errors().empty()) << page.errors().front();
  std::set<std::string> listing_pages;
  for (const html::Listing& listing : listings_)
    listing_pages.insert("html/" + listing.folder + "index.html");
  std::vector<std::string> hrefs = page.All("//main//a/@href");
  for (const char* folder :
       {"organisation/borgby-kommun/", "organisation/tranas-kommun/", "organisation/asby-kommun/",
        "typ/plan/", "typ/policy/", "tagg/eu/", "tagg/miljo/"}) {
    EXPECT_EQ(std::count(hrefs.begin(), hrefs.end(), std::string("../") + folder + "index.html"), 1)
        << folder;
  }
  for (const std::string& href : hrefs) {
    EXPECT_TRUE(listing_pages.contains(Resolve("organisation/", href))) << href;
  }
  EXPECT_NE(
      page.First("//a[@href='../organisation/tranas-kommun/index.html']/..").find("2 dokument"),
      std::string::npos);
}

TEST_F(ListingPagesTest, ListingFeedIsAtomWithOnlyItsDocuments) {
  for (const html::Listing& listing : listings_) {
    OutputFile file =
        html::WriteFeed(*graph_, listing.documents, listing.folder, "Test – " + listing.name);
    EXPECT_EQ(file.path, "html/" + listing.folder + "feed.xml");
    ParsedMarkup xml = ParsedMarkup::Xml(file.bytes);
    ASSERT_TRUE(xml.ok()) << file.bytes;
    EXPECT_TRUE(xml.errors().empty()) << xml.errors().front();
    EXPECT_EQ(xml.All("/a:feed/a:link[@rel='self']/@href", "a", kAtomNs),
              std::vector<std::string>{"https://intra.test/" + listing.folder + "feed.xml"});
    EXPECT_EQ(xml.All("/a:feed/a:title", "a", kAtomNs),
              std::vector<std::string>{"Test – " + listing.name});
    // What RFC 4287 requires of a feed and of each entry.
    for (const char* element : {"id", "title", "updated", "author"}) {
      EXPECT_EQ(xml.All(std::string("/a:feed/a:") + element, "a", kAtomNs).size(), 1u)
          << listing.folder << " " << element;
    }
    const size_t entries_count = xml.All("/a:feed/a:entry", "a", kAtomNs).size();
    for (const char* element : {"id", "title", "updated"}) {
      EXPECT_EQ(xml.All(std::string("/a:feed/a:entry/a:") + element, "a", kAtomNs).size(),
                entries_count)
          << listing.folder << " " << element;
    }
    std::vector<std::string> entries = xml.All("/a:feed/a:entry/a:id", "a", kAtomNs);
    std::vector<std::string> expected;
    for (const SiteDocument* doc : listing.documents) expected.push_back(doc->url);
    std::sort(entries.begin(), entries.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(entries, expected) << listing.folder;  // every document here has a date
  }
  OutputFile tranas = html::WriteFeed(*graph_, Find("organisation/tranas-kommun/")->documents,
                                      "organisation/tranas-kommun/", "Tranås");
  EXPECT_EQ(ParsedMarkup::Xml(tranas.bytes).All("/a:feed/a:entry/a:id", "a", kAtomNs),
            (std::vector<std::string>{"https://intra.test/tp-plan/",
                                      "https://intra.test/tp-policy/"}));  // newest first
}

TEST_F(ListingPagesTest, SitePagesHaveEachListingPageAndFeedOnce) {
  Diagnostics diags;
  std::vector<OutputFile> files = RenderSitePages(*graph_, theme_, diags);
  EXPECT_TRUE(diags.empty()) << diags.list().front().message;
  std::vector<std::string> paths;
  for (const OutputFile& file : files) paths.push_back(file.path);
  for (const html::Listing& listing : listings_) {
    for (const char* name : {"index.html", "feed.xml"}) {
      EXPECT_EQ(std::count(paths.begin(), paths.end(), "html/" + listing.folder + name), 1)
          << listing.folder << name;
    }
  }
  std::set<std::string> unique(paths.begin(), paths.end());
  EXPECT_EQ(unique.size(), paths.size());
}

TEST_F(ListingPagesTest, SitemapListsEveryListingPage) {
  ParsedMarkup xml = ParsedMarkup::Xml(WriteSitemap(*graph_).bytes);
  std::vector<std::string> locs =
      xml.All("/s:urlset/s:url/s:loc", "s", "http://www.sitemaps.org/schemas/sitemap/0.9");
  for (const html::Listing& listing : listings_) {
    EXPECT_EQ(std::count(locs.begin(), locs.end(), "https://intra.test/" + listing.folder), 1)
        << listing.folder;
  }
}

// Slugs fold Latin letters; names in other scripts fold to nothing, yet two organisations
// are still two organisations: neither page may list the other's documents.
TEST(ListingPages, OrganisationsWhoseNamesFoldToNothingKeepSeparatePages) {
  TestSite site(R"(-- content/a.md --
---
id: a
title: A
type: beslut
organisation: Гора
status: utkast
diary_number: 1
---
-- content/b.md --
---
id: b
title: B
type: beslut
organisation: Река
status: utkast
diary_number: 2
---
)");
  ASSERT_TRUE(site.site.has_value()) << site.DiagnosticLines();
  SiteGraph graph(*site.site, Relations{});
  std::vector<std::string> names;
  std::set<std::string> folders;
  for (const html::Listing& listing : html::Listings(graph)) {
    if (listing.kind != html::Listing::Kind::kOrganisation) continue;
    names.push_back(listing.name);
    folders.insert(listing.folder);
    EXPECT_EQ(listing.documents.size(), 1u) << listing.name << " at " << listing.folder;
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Гора", "Река"}));
  EXPECT_EQ(folders.size(), 2u);
}

// The 404 page of a site whose base_url is `base_url`.
ParsedMarkup NotFoundPage(const std::string& base_url) {
  std::string config = kTestConfig;
  const std::string old_url = "base_url: https://intra.test/\n";
  config.replace(config.find(old_url), old_url.size(), "base_url: " + base_url + "\n");
  TestSite site("-- kansli.yaml --\n" + config +
                std::string(kSite).substr(0, std::string(kSite).find("-- content/tp-policy.md")));
  EXPECT_TRUE(site.site.has_value()) << site.DiagnosticLines();
  if (!site.site) return ParsedMarkup::Html("");
  SiteGraph graph(*site.site, Relations{});
  Diagnostics diags;
  OutputFile file = html::RenderNotFound(graph, RealTheme(), diags);
  EXPECT_TRUE(diags.empty()) << diags.list().front().message;
  EXPECT_EQ(file.path, "html/404.html");
  ParsedMarkup page = ParsedMarkup::Html(file.bytes);
  EXPECT_TRUE(page.errors().empty()) << page.errors().front();
  return page;
}

TEST(NotFoundPage, LinksAreRootRelativeFromTheBaseUrlsPath) {
  ParsedMarkup page = NotFoundPage("https://intra.test/a/b/");
  EXPECT_EQ(page.First("//link[@rel='stylesheet']/@href"), "/a/b/assets/kansli.css");
  EXPECT_EQ(page.First("//main//a/@href"), "/a/b/index.html");
  EXPECT_EQ(page.First("//p[@class='site-name']/a/@href"), "/a/b/index.html");
  EXPECT_EQ(page.First("//h1"), "Sidan finns inte");
  for (const std::string& href : page.All("//@href")) {
    if (href == "#main_content") continue;
    EXPECT_TRUE(href.starts_with("/a/b/")) << href;
  }
}

TEST(NotFoundPage, BaseUrlWithoutPathLinksFromTheServersRoot) {
  for (const char* base_url : {"https://intra.test", "https://intra.test/"}) {
    ParsedMarkup page = NotFoundPage(base_url);
    EXPECT_EQ(page.First("//link[@rel='stylesheet']/@href"), "/assets/kansli.css") << base_url;
    EXPECT_EQ(page.First("//main//a/@href"), "/index.html") << base_url;
    for (const std::string& href : page.All("//@href")) {
      if (href == "#main_content") continue;
      EXPECT_TRUE(href.starts_with("/") && !href.starts_with("//")) << base_url << ": " << href;
    }
  }
}

TEST(NotFoundPage, BaseUrlWithPortKeepsOnlyThePath) {
  ParsedMarkup page = NotFoundPage("http://intra.test:8080/styrdokument");
  EXPECT_EQ(page.First("//link[@rel='stylesheet']/@href"), "/styrdokument/assets/kansli.css");
  EXPECT_EQ(page.First("//main//a/@href"), "/styrdokument/index.html");
}

}  // namespace
}  // namespace kansli::testing
