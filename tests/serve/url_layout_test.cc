#include "serve/url_layout.h"

#include <gtest/gtest.h>

namespace kansli::serve {
namespace {

TEST(UrlLayout, BasePathOfBaseUrlServesHtmlAndItsParentServesPdf) {
  UrlLayout layout = UrlLayout::FromBaseUrl("https://intranat.example.se/styrdokument/");
  EXPECT_EQ(layout.base, "/styrdokument/");
  EXPECT_EQ(layout.pdf, "/pdf/");
}

TEST(UrlLayout, NestedBasePutsPdfBesideTheHtmlFolder) {
  UrlLayout layout = UrlLayout::FromBaseUrl("http://intra/kommun/styrdokument/?x=1#top");
  EXPECT_EQ(layout.base, "/kommun/styrdokument/");
  EXPECT_EQ(layout.pdf, "/kommun/pdf/");
}

TEST(UrlLayout, UrlWithoutPathServesFromRoot) {
  for (const char* url : {"https://intra.test", "https://intra.test/", ""}) {
    UrlLayout layout = UrlLayout::FromBaseUrl(url);
    EXPECT_EQ(layout.base, "/") << url;
    EXPECT_EQ(layout.pdf, "/pdf/") << url;
  }
}

TEST(UrlLayout, NormalisesMissingSlashEscapesAndDotSegments) {
  EXPECT_EQ(UrlLayout::FromBaseUrl("https://intra/styr").base, "/styr/");
  EXPECT_EQ(UrlLayout::FromBaseUrl("https://intra/styr%20dok/").base, "/styr dok/");
  EXPECT_EQ(UrlLayout::FromBaseUrl("https://intra/a//./b/../c/").base, "/a/c/");
  EXPECT_EQ(UrlLayout::FromBaseUrl("https://intra/../../x/").base, "/x/");
  EXPECT_EQ(UrlLayout::FromBaseUrl("/relative/").base, "/relative/");
  EXPECT_EQ(UrlLayout::FromBaseUrl("https://intra/bad%zz%2").base, "/bad%zz%2/");
}

TEST(EncodePath, EscapesAllButUnreservedAndSlash) {
  EXPECT_EQ(EncodePath("/styrdokument/a-b_c.d~/"), "/styrdokument/a-b_c.d~/");
  EXPECT_EQ(EncodePath("/styr dok/å?#\r\n"), "/styr%20dok/%C3%A5%3F%23%0D%0A");
}

}  // namespace
}  // namespace kansli::serve
