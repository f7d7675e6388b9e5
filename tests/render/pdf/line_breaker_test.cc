#include "render/pdf/layout/line_breaker.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "render/pdf/fixed_metrics.h"

namespace kansli::pdf {
namespace {

const testing::FixedMetrics kMetrics;  // 5 points a character at size 10

SpanStyle Plain() { return SpanStyle{.size = 10}; }
SpanStyle Bold() { return SpanStyle{.bold = true, .size = 10}; }

std::vector<std::string> Texts(const std::vector<Line>& lines) {
  std::vector<std::string> texts;
  for (const Line& line : lines) {
    std::string text;
    for (const LinePiece& piece : line.pieces) text += piece.text;
    texts.push_back(text);
  }
  return texts;
}

TEST(BreakLines, FillsALineToItsExactWidth) {
  auto spans = TextSpans("aaaa bbbb cccc", Plain());
  EXPECT_EQ(Texts(BreakLines(spans, 45, kMetrics)),
            (std::vector<std::string>{"aaaa bbbb", "cccc"}));
  EXPECT_EQ(Texts(BreakLines(spans, 44.9, kMetrics)),
            (std::vector<std::string>{"aaaa", "bbbb", "cccc"}));
}

TEST(BreakLines, ReportsTheWidthOfTheTextWithoutTrailingSpace) {
  std::vector<Line> lines = BreakLines(TextSpans("aaaa bbbb cccc ", Plain()), 45, kMetrics);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_DOUBLE_EQ(lines[0].width, 45);
  EXPECT_DOUBLE_EQ(lines[1].width, 20);
}

TEST(BreakLines, CollapsesRunsOfSpaces) {
  EXPECT_EQ(Texts(BreakLines(TextSpans("  a   b\n c  ", Plain()), 100, kMetrics)),
            (std::vector<std::string>{"a b c"}));
}

TEST(BreakLines, CountsASwedishLetterAsOneCharacter) {
  std::vector<Line> lines = BreakLines(TextSpans("åäö ÅÄÖ", Plain()), 35, kMetrics);
  EXPECT_EQ(Texts(lines), (std::vector<std::string>{"åäö ÅÄÖ"}));
  EXPECT_DOUBLE_EQ(lines[0].width, 35);
}

TEST(BreakLines, BreaksAWordLongerThanTheLineByCharacters) {
  EXPECT_EQ(Texts(BreakLines(TextSpans("ab abcdefghij x", Plain()), 20, kMetrics)),
            (std::vector<std::string>{"ab", "abcd", "efgh", "ij x"}));
}

TEST(BreakLines, BreaksALongWordAfterAHyphenWhenOneFits) {
  EXPECT_EQ(Texts(BreakLines(TextSpans("ljungby-verksamhetsplan", Plain()), 60, kMetrics)),
            (std::vector<std::string>{"ljungby-", "verksamhetsp", "lan"}));
}

TEST(BreakLines, GivesACharacterWiderThanTheLineALineOfItsOwn) {
  EXPECT_EQ(Texts(BreakLines(TextSpans("abc", Plain()), 1, kMetrics)),
            (std::vector<std::string>{"a", "b", "c"}));
}

TEST(BreakLines, PositionsRunsOfDifferentFacesOnOneLine) {
  std::vector<Span> spans = {{Plain(), "Hej "}, {Bold(), "fet"}, {Plain(), " text"}};
  std::vector<Line> lines = BreakLines(spans, 200, kMetrics);
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_EQ(lines[0].pieces.size(), 3u);
  EXPECT_EQ(lines[0].pieces[0].text, "Hej ");
  EXPECT_EQ(lines[0].pieces[1].face, FontFace::kBold);
  EXPECT_DOUBLE_EQ(lines[0].pieces[1].x, 20);
  EXPECT_EQ(lines[0].pieces[2].text, " text");
  EXPECT_DOUBLE_EQ(lines[0].pieces[2].x, 35);
}

TEST(BreakLines, KeepsAWordOfTwoStylesTogether) {
  std::vector<Span> spans = {{Plain(), "aaaa bb"}, {Bold(), "cc"}};
  EXPECT_EQ(Texts(BreakLines(spans, 30, kMetrics)), (std::vector<std::string>{"aaaa", "bbcc"}));
}

TEST(BreakLines, EndsALineAtAHardBreakAndKeepsAnEmptyLine) {
  std::vector<Span> spans = {
      {Plain(), "a"}, {Plain(), "", true}, {Plain(), "", true}, {SpanStyle{.size = 20}, "b"}};
  std::vector<Line> lines = BreakLines(spans, 100, kMetrics);
  EXPECT_EQ(Texts(lines), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_DOUBLE_EQ(lines[1].size, 10);
  EXPECT_DOUBLE_EQ(lines[2].ascent, 16);
}

TEST(BreakLines, KeepsEverySpaceOfCode) {
  EXPECT_EQ(Texts(BreakLines(TextSpans("a  b  c", Plain()), 20, kMetrics, Wrap::kCharacters)),
            (std::vector<std::string>{"a  b", "  c"}));
}

TEST(BreakLines, BreaksAHugeWordInLinearTime) {
  std::string word(200000, 'x');
  std::vector<Line> lines = BreakLines(TextSpans(word, Plain()), 500, kMetrics);
  EXPECT_EQ(lines.size(), 2000u);
}

TEST(MeasureSpans, GivesNaturalWidthAndWidestWord) {
  TextExtent extent = MeasureSpans(TextSpans("ab abcd-efghij a", Plain()), kMetrics);
  EXPECT_DOUBLE_EQ(extent.natural, 80);
  EXPECT_DOUBLE_EQ(extent.widest_word, 30);  // "efghij": a long word may break after '-'
}

}  // namespace
}  // namespace kansli::pdf
