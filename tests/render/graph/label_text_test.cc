#include "render/graph/label_text.h"

#include <gtest/gtest.h>

namespace kansli::testing {
namespace {

using graph::CleanText;
using graph::EscapeGraphvizLabel;
using graph::EscapeXml;
using graph::WrapText;
using Lines = std::vector<std::string>;

TEST(GraphLabelText, CleanTextFoldsSpaceAndDropsControls) {
  EXPECT_EQ(CleanText("  a \n\t b\r\n"), "a b");
  EXPECT_EQ(CleanText("x\x01y\x7f\u0085z"), "xy z");
  EXPECT_EQ(CleanText("å ä ö \u00a0 é"), "å ä ö é");
  EXPECT_EQ(CleanText("bad \xC3\x28 end"), "bad \uFFFD( end");
  EXPECT_EQ(CleanText(std::string("nul\0here", 8)), "nulhere");
  EXPECT_EQ(CleanText(""), "");
}

TEST(GraphLabelText, WrapsAtSpacesWithinTheWidth) {
  EXPECT_EQ(WrapText("Policy för internationellt arbete", 28, 5),
            (Lines{"Policy för internationellt", "arbete"}));
  EXPECT_EQ(WrapText("kort", 28, 5), (Lines{"kort"}));
  EXPECT_EQ(WrapText("", 28, 5), Lines{});
  // Counts code points, not bytes: 28 letters ä fit on one line.
  const std::string a28 = [] {
    std::string s;
    for (int i = 0; i < 28; ++i) s += "ä";
    return s;
  }();
  EXPECT_EQ(WrapText(a28 + " b", 28, 5), (Lines{a28, "b"}));
}

TEST(GraphLabelText, KeepsOneLetterWordsWithTheNextWord) {
  EXPECT_EQ(WrapText("Kommunstyrelsen 2024-05-14 § 88", 28, 5),
            (Lines{"Kommunstyrelsen 2024-05-14", "§ 88"}));
  EXPECT_EQ(WrapText("Riktlinjer för resor i Sverige", 24, 5),
            (Lines{"Riktlinjer för resor", "i Sverige"}));
  // Unless the pair would not fit on a line of its own.
  EXPECT_EQ(WrapText("ab c defg", 5, 5), (Lines{"ab c", "defg"}));
}

TEST(GraphLabelText, CutsLongWordsAndEndsCutTextWithAnEllipsis) {
  EXPECT_EQ(WrapText("abcdefghij", 4, 5), (Lines{"abcd", "efgh", "ij"}));
  EXPECT_EQ(WrapText("aa bb cc dd", 2, 2), (Lines{"aa", "b…"}));
  EXPECT_EQ(WrapText("aa bb cc dd", 5, 1), (Lines{"aa b…"}));
  EXPECT_EQ(WrapText("aa bb cc", 3, 2), (Lines{"aa", "bb…"}));
}

TEST(GraphLabelText, EscapesForGraphvizLabels) {
  EXPECT_EQ(EscapeGraphvizLabel("<b a=\"1\">&amp;</b>"), "<b a=\"1\">&amp;amp;</b>");
  EXPECT_EQ(EscapeGraphvizLabel("a\\Nb\\\\"), "a\\\\Nb\\\\\\\\");
  EXPECT_EQ(EscapeGraphvizLabel("å'{}"), "å'{}");
}

TEST(GraphLabelText, EscapesForXml) {
  EXPECT_EQ(EscapeXml("<a href='x' title=\"y\">&</a>"),
            "&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;");
}

}  // namespace
}  // namespace kansli::testing
