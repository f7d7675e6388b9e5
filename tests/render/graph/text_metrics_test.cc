#include "render/graph/text_metrics.h"

#include <gtest/gtest.h>

namespace kansli::testing {
namespace {

using graph::AppendUtf8;
using graph::DecodeUtf8;
using graph::TextWidth;

TEST(GraphTextMetrics, DecodesUtf8AndReplacesBadBytes) {
  EXPECT_EQ(DecodeUtf8("aå€😀"), (std::u32string{U'a', U'å', U'€', U'😀'}));
  EXPECT_EQ(DecodeUtf8("\xff"), U"\uFFFD");
  EXPECT_EQ(DecodeUtf8("\xC0\xAF"), U"\uFFFD\uFFFD");            // overlong '/'
  EXPECT_EQ(DecodeUtf8("\xED\xA0\x80"), U"\uFFFD\uFFFD\uFFFD");  // a surrogate
  EXPECT_EQ(DecodeUtf8("\xE2\x82"), U"\uFFFD");                  // cut short at the end
  EXPECT_EQ(DecodeUtf8("\xE2\x82z"), U"\uFFFDz");                // cut short before a letter
  EXPECT_EQ(DecodeUtf8("\xF4\x90\x80\x80"), U"\uFFFD\uFFFD\uFFFD\uFFFD");  // > U+10FFFF
  EXPECT_EQ(DecodeUtf8("\xF0\x9F\x98"), U"\uFFFD");                        // an emoji cut short
  EXPECT_EQ(DecodeUtf8("\x80\x80"), U"\uFFFD\uFFFD");  // stray continuation bytes
}

TEST(GraphTextMetrics, EncodesEveryLength) {
  std::string out;
  for (char32_t c : std::u32string{U'a', U'ö', U'€', U'😀'}) AppendUtf8(c, out);
  EXPECT_EQ(out, "aö€😀");
}

TEST(GraphTextMetrics, MeasuresWithHelveticaWidths) {
  EXPECT_DOUBLE_EQ(TextWidth("", 12), 0);
  EXPECT_DOUBLE_EQ(TextWidth("i", 1000), 222);
  EXPECT_DOUBLE_EQ(TextWidth("W", 10), 9.44);
  // Swedish letters are one glyph each, not two bytes' worth.
  EXPECT_DOUBLE_EQ(TextWidth("åäö", 10), TextWidth("aao", 10));
  EXPECT_DOUBLE_EQ(TextWidth("ÅÄÖ", 10), 6.67 + 6.67 + 7.78);
  EXPECT_DOUBLE_EQ(TextWidth("–", 10), 5.56);
  EXPECT_DOUBLE_EQ(TextWidth("漢", 10), 6.0);
}

}  // namespace
}  // namespace kansli::testing
