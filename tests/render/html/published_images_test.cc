#include "render/html/published_images.h"

#include <gtest/gtest.h>

#include <string>

#include "render/html/body_html.h"
#include "support/test_images.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {

std::string Doc(const std::string& id, const std::string& body) {
  return "-- content/" + id + ".md --\n---\nid: " + id +
         "\ntitle: T\ntype: policy\norganisation: Testby kommun\nstatus: utkast\nowner: K\n---\n" +
         body + "\n";
}

// Two documents, each showing its own "bild.png" (different files) and a shared logo.
struct ImageSite {
  ImageSite()
      : site(Doc("a", "![Karta A](bild.png)\n\n![Logga](gemensam/logga.png)") +
             "-- content/b/b.md --\n---\nid: b\ntitle: T\ntype: policy\norganisation: K\n"
             "status: utkast\nowner: K\n---\n![Karta B](bild.png) och "
             "![Logga](../gemensam/logga.png)"
             "\n\n![fjärr](https://example.se/x.png)\n") {
    EXPECT_TRUE(site.site) << site.DiagnosticLines();
    site.site->images = ResolveImages(
        site.site->documents, "content",
        ImageFiles::InMemory({{"content/bild.png", SolidPng(40, 30, 255, 0, 0)},
                              {"content/b/bild.png", SolidPng(8, 4, 0, 0, 255)},
                              {"content/gemensam/logga.png", SolidPng(2, 2, 0, 0, 0)}}),
        diags);
    graph = std::make_unique<SiteGraph>(*site.site, Relations{});
  }

  TestSite site;
  Diagnostics diags;
  std::unique_ptr<SiteGraph> graph;
};

TEST(PublishedImages, CopiesEachFileOnceUnderAContentHashName) {
  ImageSite s;
  std::vector<OutputFile> files = html::RenderImageFiles(*s.graph);
  ASSERT_EQ(files.size(), 3u);  // two different bild.png and one shared logo
  for (const OutputFile& file : files) {
    EXPECT_TRUE(file.path.starts_with("html/bilder/")) << file.path;
    EXPECT_TRUE(file.path.ends_with(".png")) << file.path;
    EXPECT_EQ(file.path.size(), std::string("html/bilder/").size() + 16 + 4);
  }
  EXPECT_NE(files[0].path, files[1].path);
  const ResolvedImage* a = s.graph->Image(*s.graph->Find("a"), "bild.png");
  ASSERT_NE(a, nullptr);
  bool copied = false;
  for (const OutputFile& file : files) {
    if (file.path == html::PublishedImagePath(*a)) copied = file.bytes == *a->bytes;
  }
  EXPECT_TRUE(copied);
}

TEST(PublishedImages, PagesPointToTheCopyWithTheirPixelSize) {
  ImageSite s;
  const std::string html = html::RenderBodyHtml(*s.graph, *s.graph->Find("a"), s.graph->Find("a")->body());
  const ResolvedImage* image = s.graph->Image(*s.graph->Find("a"), "bild.png");
  ASSERT_NE(image, nullptr);
  const std::string src = html::ImageHref(*image);
  EXPECT_TRUE(src.starts_with("../bilder/")) << src;
  EXPECT_NE(html.find("src=\"" + src + "\""), std::string::npos) << html;
  EXPECT_NE(html.find("alt=\"Karta A\" width=\"40\" height=\"30\" loading=\"lazy\""),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("src=\"bild.png\""), std::string::npos) << html;
}

TEST(PublishedImages, SameNameInTwoFoldersNeverCollides) {
  ImageSite s;
  const ResolvedImage* a = s.graph->Image(*s.graph->Find("a"), "bild.png");
  const ResolvedImage* b = s.graph->Image(*s.graph->Find("b"), "bild.png");
  ASSERT_TRUE(a && b);
  EXPECT_NE(html::PublishedImagePath(*a), html::PublishedImagePath(*b));
  const ResolvedImage* logo_a = s.graph->Image(*s.graph->Find("a"), "gemensam/logga.png");
  const ResolvedImage* logo_b = s.graph->Image(*s.graph->Find("b"), "../gemensam/logga.png");
  ASSERT_TRUE(logo_a && logo_b);
  EXPECT_EQ(html::PublishedImagePath(*logo_a), html::PublishedImagePath(*logo_b));
}

TEST(PublishedImages, ARemoteImageKeepsItsAddress) {
  ImageSite s;
  const std::string html = html::RenderBodyHtml(*s.graph, *s.graph->Find("b"), s.graph->Find("b")->body());
  EXPECT_NE(html.find("src=\"https://example.se/x.png\""), std::string::npos) << html;
}

}  // namespace
}  // namespace kansli::testing
