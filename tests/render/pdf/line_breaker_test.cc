#include "render/pdf/layout/line_breaker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "render/pdf/fixed_metrics.h"

namespace kansli::pdf {
namespace {

const testing::FixedMetrics kMetrics;  // 5 points a character at size 10

SpanStyle Plain() { return SpanStyle{.size = 10}; }
SpanStyle Bold() { return SpanStyle{.bold = true, .size = 10}; }

// What copy and search read: each piece's actual text where it has one, else its text.
std::vector<std::string> ReadTexts(const std::vector<Line>& lines) {
  std::vector<std::string> texts;
  for (const Line& line : lines) {
    std::string text;
    for (const LinePiece& piece : line.pieces) text += piece.actual_text.value_or(piece.text);
    texts.push_back(text);
  }
  return texts;
}

// What a reader finds: the lines read as copy and search see them, joined with spaces (a word
// broken at a line's end reads whole on its first line, "" after), spaces then collapsed.
std::string Read(const std::vector<Line>& lines) {
  std::string joined, read;
  for (const std::string& text : ReadTexts(lines)) joined += text + " ";
  for (char c : joined) {
    if (c != ' ' || (!read.empty() && read.back() != ' ')) read += c;
  }
  if (!read.empty() && read.back() == ' ') read.pop_back();
  return read;
}

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

TEST(BreakLines, BreaksAWordLongerThanTheLineByCharactersWithAHyphen) {
  EXPECT_EQ(Texts(BreakLines(TextSpans("ab abcdefghij x", Plain()), 20, kMetrics)),
            (std::vector<std::string>{"ab", "abc-", "def-", "ghij", "x"}));
}

TEST(BreakLines, BreaksALongWordAfterAHyphenWhenOneFits) {
  EXPECT_EQ(Texts(BreakLines(TextSpans("ljungby-verksamhet", Plain()), 60, kMetrics)),
            (std::vector<std::string>{"ljungby-", "verksamhet"}));
  // Total fit: two lines, one broken between letters, beat three with one after the hyphen.
  // Only the part too wide for the line breaks between letters, never "ljungby".
  EXPECT_EQ(Texts(BreakLines(TextSpans("ljungby-verksamhetsplan", Plain()), 60, kMetrics)),
            (std::vector<std::string>{"ljungby-ver-", "ksamhetsplan"}));
}

TEST(BreakLines, MakesAWordBrokenBetweenLettersShowAHyphenAndReadWhole) {
  std::vector<Line> lines = BreakLines(TextSpans("ab abcdefghij x", Plain()), 20, kMetrics);
  ASSERT_EQ(Texts(lines), (std::vector<std::string>{"ab", "abc-", "def-", "ghij", "x"}));
  for (int i : {1, 2}) {
    const LinePiece& hyphen = lines[i].pieces.back();
    EXPECT_TRUE(hyphen.hyphen);
    EXPECT_EQ(hyphen.text, "-");
    EXPECT_EQ(hyphen.actual_text, "");
    EXPECT_DOUBLE_EQ(hyphen.x, 15);
  }
  EXPECT_EQ(lines[1].pieces.front().actual_text, "abcdefghij");
  EXPECT_EQ(lines[2].pieces.front().actual_text, "");
  EXPECT_EQ(lines[3].pieces.front().actual_text, "");
  EXPECT_FALSE(lines[4].pieces.front().actual_text.has_value());
  EXPECT_EQ(Read(lines), "ab abcdefghij x");
}

TEST(BreakLines, AddsNoHyphenAfterADashOrSlashYetReadsTheWordWhole) {
  std::vector<Line> dash = BreakLines(TextSpans("ljungby-verksamhet", Plain()), 60, kMetrics);
  ASSERT_EQ(Texts(dash), (std::vector<std::string>{"ljungby-", "verksamhet"}));
  EXPECT_FALSE(dash[0].pieces.back().hyphen);
  EXPECT_EQ(Read(dash), "ljungby-verksamhet");
  std::vector<Line> slash = BreakLines(TextSpans("se styrdokument/policy", Plain()), 70, kMetrics);
  ASSERT_EQ(Texts(slash), (std::vector<std::string>{"se", "styrdokument/", "policy"}));
  for (const Line& line : slash) EXPECT_FALSE(line.pieces.back().hyphen);
  EXPECT_EQ(Read(slash), "se styrdokument/policy");
}

TEST(BreakLines, BreaksBetweenLettersOnlyThePieceThatDoesNotFit) {
  // Every hyphenation fragment fits six characters: no break between other letters.
  EXPECT_EQ(Texts(BreakLines(TextSpans("verksamhetsutveckling", Plain()), 30, kMetrics,
                             {.hyphenate = true})),
            (std::vector<std::string>{"verk-", "sam-", "hets-", "ut-", "veck-", "ling"}));
  // Four characters: "verk-", "hets-" and "veck-" do not fit, and only they break inside;
  // "sam-" and "ling" stay whole.
  std::vector<Line> lines =
      BreakLines(TextSpans("verksamhetsutveckling", Plain()), 20, kMetrics, {.hyphenate = true});
  std::vector<std::string> texts = Texts(lines);
  EXPECT_NE(std::find(texts.begin(), texts.end(), "sam-"), texts.end());
  EXPECT_EQ(texts.back(), "ling");
  for (const Line& line : lines) EXPECT_LE(line.width, 20.01);
  EXPECT_EQ(Read(lines), "verksamhetsutveckling");
}

TEST(BreakLines, KeepsShortTokensWhole) {
  EXPECT_EQ(Texts(BreakLines(TextSpans("aaaa 2024–2025", Plain()), 50, kMetrics)),
            (std::vector<std::string>{"aaaa", "2024–2025"}));
  EXPECT_EQ(Texts(BreakLines(TextSpans("aaa e-post", Plain()), 30, kMetrics)),
            (std::vector<std::string>{"aaa", "e-post"}));
  EXPECT_EQ(Texts(BreakLines(TextSpans("x A1", Plain()), 10, kMetrics)),
            (std::vector<std::string>{"x", "A1"}));
  // Wider than the line alone, a token breaks rather than overflow, after its dash first.
  std::vector<Line> lines = BreakLines(TextSpans("2024–2025", Plain()), 30, kMetrics);
  EXPECT_EQ(Texts(lines), (std::vector<std::string>{"2024–", "2025"}));
  EXPECT_EQ(Read(lines), "2024–2025");
}

TEST(BreakLines, KeepsAWordEndingInADashApartFromTheNextLine) {
  // pdftotext would read "Barn-" at a line's end as a hyphenated word and join it to "och".
  std::vector<Line> lines = BreakLines(TextSpans("i Barn- och skolan", Plain()), 40, kMetrics);
  ASSERT_EQ(Texts(lines), (std::vector<std::string>{"i Barn-", "och", "skolan"}));
  ASSERT_EQ(lines[0].pieces.size(), 2u);
  EXPECT_FALSE(lines[0].pieces[0].actual_text.has_value());
  EXPECT_EQ(lines[0].pieces[1].text, "Barn-");
  EXPECT_DOUBLE_EQ(lines[0].pieces[1].x, 10);
  EXPECT_EQ(lines[0].pieces[1].actual_text, "Barn- ");
  EXPECT_EQ(Read(lines), "i Barn- och skolan");
  EXPECT_FALSE(lines[1].pieces.back().actual_text.has_value());
}

TEST(BreakLines, ReadsAWordOfTwoStylesWholeAcrossTheBreak) {
  std::vector<Span> spans = {{Plain(), "aa bbbb"}, {Bold(), "cccccccc dd"}};
  std::vector<Line> lines = BreakLines(spans, 30, kMetrics);
  for (const Line& line : lines) EXPECT_LE(line.width, 30.01);
  EXPECT_EQ(Read(lines), "aa bbbbcccccccc dd");
}

TEST(BreakLines, GivesACharacterWiderThanTheLineALineOfItsOwn) {
  EXPECT_EQ(Texts(BreakLines(TextSpans("abc", Plain()), 1, kMetrics)),
            (std::vector<std::string>{"a-", "b-", "c"}));
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
  EXPECT_EQ(lines.size(), 2021u);  // 99 characters and a hyphen a line
}

const BreakOptions kJustified{.align = TextAlign::kJustify, .hyphenate = true};

const char* const kSwedish =
    "Kommunfullmäktige beslutar att den kommunövergripande policyn för internationellt arbete "
    "ska gälla för samtliga nämnder och bolag. Verksamhetsutveckling inom området sker i "
    "samverkan med regionen, och uppföljningen redovisas årligen till kommunstyrelsen tillsammans "
    "med förslag på åtgärder.";

TEST(BreakLines, JustifiesEveryLineButTheLastToTheColumnWidth) {
  for (double width : {120.0, 150.0, 200.0, 260.0}) {
    std::vector<Line> lines = BreakLines(TextSpans(kSwedish, Plain()), width, kMetrics, kJustified);
    ASSERT_GT(lines.size(), 2u);
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
      const Line& line = lines[i];
      EXPECT_NEAR(line.width, width, 0.01) << "line " << i << " at width " << width;
      const LinePiece& last = line.pieces.back();
      EXPECT_NEAR(last.x + last.width, width, 0.01);
    }
    EXPECT_EQ(lines.back().word_spacing, 0);
    EXPECT_LT(lines.back().width, width + 0.01);
  }
}

TEST(BreakLines, PlacesJustifiedWordsWithTheStretchedSpace) {
  std::vector<Line> lines =
      BreakLines(TextSpans("aaaa bbbb cc dddddddd", Plain()), 65, kMetrics, kJustified);
  ASSERT_EQ(Texts(lines), (std::vector<std::string>{"aaaa bbbb cc", "dddddddd"}));
  const Line& line = lines[0];
  EXPECT_NEAR(line.word_spacing, 2.5, 1e-9);  // 5 points short, two spaces
  ASSERT_EQ(line.pieces.size(), 3u);
  EXPECT_EQ(line.pieces[0].text, "aaaa ");  // the space stays in the text, for extraction
  EXPECT_DOUBLE_EQ(line.pieces[1].x, 25 + 2.5);
  EXPECT_DOUBLE_EQ(line.pieces[2].x, 50 + 5);
  EXPECT_EQ(line.pieces[2].text, "cc");
}

TEST(BreakLines, DoesNotStretchALineEndedByAHardBreak) {
  std::vector<Span> spans = {{Plain(), "aa bb"}, {Plain(), "", true}, {Plain(), "cc dd"}};
  std::vector<Line> lines = BreakLines(spans, 100, kMetrics, kJustified);
  ASSERT_EQ(Texts(lines), (std::vector<std::string>{"aa bb", "cc dd"}));
  EXPECT_DOUBLE_EQ(lines[0].width, 25);
  EXPECT_EQ(lines[0].word_spacing, 0);
}

TEST(BreakLines, NeverSetsALineWiderThanTheColumn) {
  for (double width = 40; width < 300; width += 7.5) {
    for (const BreakOptions& options : {BreakOptions{}, kJustified}) {
      for (const Line& line : BreakLines(TextSpans(kSwedish, Plain()), width, kMetrics, options)) {
        EXPECT_LE(line.width, width + 0.01);
      }
    }
  }
}

TEST(BreakLines, HyphenatesWithAVisibleHyphenPieceOnlyAtTheLineEnd) {
  std::vector<Line> lines = BreakLines(TextSpans("inom verksamhetsutveckling", Plain()), 70,
                                       kMetrics, {.hyphenate = true});
  EXPECT_EQ(Texts(lines), (std::vector<std::string>{"inom verksam-", "hetsutveckling"}));
  const LinePiece& hyphen = lines[0].pieces.back();
  EXPECT_TRUE(hyphen.hyphen);
  EXPECT_EQ(hyphen.text, "-");
  EXPECT_DOUBLE_EQ(hyphen.x, 60);
  EXPECT_DOUBLE_EQ(lines[0].width, 65);
  for (const LinePiece& piece : lines[1].pieces) EXPECT_FALSE(piece.hyphen);
}

TEST(BreakLines, MakesAHyphenatedWordReadWholeOnItsFirstLine) {
  std::vector<Line> lines = BreakLines(TextSpans("inom verksamhetsutveckling och", Plain()), 85,
                                       kMetrics, {.hyphenate = true});
  ASSERT_EQ(Texts(lines), (std::vector<std::string>{"inom verksamhets-", "utveckling och"}));
  EXPECT_EQ(ReadTexts(lines),
            (std::vector<std::string>{"inom verksamhetsutveckling", " och"}));
  // The split pieces keep their places: the word part starts after "inom ", the rest of the
  // next line after "hetsutveckling".
  const std::vector<LinePiece>& first = lines[0].pieces;
  ASSERT_EQ(first.size(), 3u);
  EXPECT_EQ(first[0].text, "inom ");
  EXPECT_FALSE(first[0].actual_text.has_value());
  EXPECT_EQ(first[1].text, "verksamhets");
  EXPECT_DOUBLE_EQ(first[1].x, 25);
  EXPECT_DOUBLE_EQ(first[1].width, 55);
  EXPECT_EQ(first[2].actual_text, "");
  const LinePiece& rest = lines[1].pieces.front();
  EXPECT_EQ(rest.text, "utveckling");
  EXPECT_EQ(rest.actual_text, "");
  ASSERT_GE(lines[1].pieces.size(), 2u);
  EXPECT_DOUBLE_EQ(lines[1].pieces[1].x, 50);
  EXPECT_FALSE(lines[1].pieces[1].actual_text.has_value());
}

TEST(BreakLines, LeavesUnhyphenatedLinesReadingAsTheyShow) {
  for (const Line& line :
       BreakLines(TextSpans("inom plan och mål för året", Plain()), 70, kMetrics, kJustified)) {
    for (const LinePiece& piece : line.pieces) EXPECT_FALSE(piece.actual_text.has_value());
  }
}

TEST(BreakLines, HyphenatesOnlyWhenItHelps) {
  EXPECT_EQ(Texts(BreakLines(TextSpans("inom verksamhetsutveckling", Plain()), 200, kMetrics,
                             kJustified)),
            (std::vector<std::string>{"inom verksamhetsutveckling"}));
}

TEST(BreakLines, BreaksAtASoftHyphenThatIsOtherwiseInvisible) {
  std::string text = "aa bbbb\u00ADcccc";
  EXPECT_EQ(Texts(BreakLines(TextSpans(text, Plain()), 40, kMetrics)),
            (std::vector<std::string>{"aa bbbb-", "cccc"}));
  EXPECT_EQ(Texts(BreakLines(TextSpans(text, Plain()), 100, kMetrics)),
            (std::vector<std::string>{"aa bbbbcccc"}));
}

TEST(BreakLines, LeavesNumbersUrlsAndCodeUnhyphenated) {
  const BreakOptions options{.hyphenate = true};
  for (std::string word : {"verksamhetsutveckling2026", "www.verksamhetsutveckling.se"}) {
    for (const Line& line : BreakLines(TextSpans("a " + word, Plain()), 130, kMetrics, options)) {
      for (const LinePiece& piece : line.pieces) EXPECT_FALSE(piece.hyphen) << word;
    }
  }
  SpanStyle code{.mono = true, .size = 10};
  for (const Line& line :
       BreakLines(TextSpans("a verksamhetsutveckling", code), 70, kMetrics, options)) {
    for (const LinePiece& piece : line.pieces) EXPECT_FALSE(piece.hyphen);
  }
}

TEST(BreakLines, BreaksALongUrlInANarrowColumnRatherThanOverflow) {
  std::string url = "https://intra.example.se/styrdokument/policy/internationellt-arbete";
  std::vector<Line> lines =
      BreakLines(TextSpans("Se " + url + " nu.", Plain()), 100, kMetrics, kJustified);
  std::string joined;
  for (const std::string& text : Texts(lines)) joined += text;
  EXPECT_NE(joined.find(url), std::string::npos);  // no hyphen: it would read as the URL's
  for (const Line& line : lines) EXPECT_LE(line.width, 100.01);
  EXPECT_EQ(Read(lines), "Se " + url + " nu.");
}

TEST(BreakLines, GivesTheSameLinesEveryTime) {
  auto spans = TextSpans(kSwedish, Plain());
  std::vector<std::string> first = Texts(BreakLines(spans, 150, kMetrics, kJustified));
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Texts(BreakLines(spans, 150, kMetrics, kJustified)), first);
}

TEST(BreakLines, BreaksAThreeHundredWordParagraphQuickly) {
  std::string text;
  for (int i = 0; i < 60; ++i) text += kSwedish, text += " ";  // 60 x 35 words
  text.resize(text.size() / 7);                                // about 300 words
  auto spans = TextSpans(text, Plain());
  const int runs = 1000;
  auto start = std::chrono::steady_clock::now();
  size_t lines = 0;
  for (int i = 0; i < runs; ++i) lines += BreakLines(spans, 230, kMetrics, kJustified).size();
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("[ info     ] %zu lines; %.3f ms a 300-word paragraph\n", lines / runs, ms / runs);
  EXPECT_GT(lines, 0u);
}

TEST(MeasureSpans, GivesNaturalWidthAndWidestPiece) {
  TextExtent extent = MeasureSpans(TextSpans("ab abcd-efghij a", Plain()), kMetrics);
  EXPECT_DOUBLE_EQ(extent.natural, 80);
  EXPECT_DOUBLE_EQ(extent.widest_piece, 30);  // "efghij": a long word may break after '-'
  EXPECT_DOUBLE_EQ(extent.widest_short, 10);  // "ab"
}

TEST(MeasureSpans, GivesTheWidestHyphenationFragmentWithItsHyphen) {
  auto spans = TextSpans("A1 verksamhetsutveckling", Plain());
  // verk-sam-hets-ut-veck-ling: "verk-", "hets-" and "veck-" are five characters wide.
  EXPECT_DOUBLE_EQ(MeasureSpans(spans, kMetrics, {.hyphenate = true}).widest_piece, 25);
  // Unhyphenated, the word is one piece.
  EXPECT_DOUBLE_EQ(MeasureSpans(spans, kMetrics).widest_piece, 105);
  EXPECT_DOUBLE_EQ(MeasureSpans(spans, kMetrics, {.hyphenate = true}).natural, 120);
}

TEST(MeasureSpans, CountsShortTokensWholeEvenWithADash) {
  TextExtent extent = MeasureSpans(TextSpans("Mål 2024–2025 verksamhetsutveckling", Plain()),
                                   kMetrics, {.hyphenate = true});
  EXPECT_DOUBLE_EQ(extent.widest_short, 45);  // "2024–2025", not "2024–"
  EXPECT_DOUBLE_EQ(extent.widest_piece, 45);
  // A soft hyphen or a hyphenation point makes a word breakable, so not short.
  EXPECT_DOUBLE_EQ(MeasureSpans(TextSpans("ab\u00ADcdef", Plain()), kMetrics).widest_short, 0);
  EXPECT_DOUBLE_EQ(MeasureSpans(TextSpans("ab\u00ADcdef", Plain()), kMetrics).widest_piece, 20);
}

TEST(MeasureSpans, MeasuresEachLineBetweenHardBreaks) {
  std::vector<Span> spans = {{Plain(), "aa bb"}, {Plain(), "", true}, {Bold(), "ccc dddd"}};
  TextExtent extent = MeasureSpans(spans, kMetrics);
  EXPECT_DOUBLE_EQ(extent.natural, 40);
  EXPECT_DOUBLE_EQ(extent.widest_piece, 20);
}

}  // namespace
}  // namespace kansli::pdf
