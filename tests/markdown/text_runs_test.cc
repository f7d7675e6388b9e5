// The running text a Str hook sees, and the links it makes put back into the tree.
#include "markdown/text_runs.h"

#include <gtest/gtest.h>

#include "parsed_body.h"

namespace kansli::markdown {
namespace {

std::vector<std::string> Texts(const std::vector<TextRun>& runs) {
  std::vector<std::string> texts;
  for (const TextRun& run : runs) texts.push_back(run.text);
  return texts;
}

TEST(TextRuns, AWrappedLineStaysOneRunAndMarkupEndsIt) {
  auto p = Parse(
      "Beslutet i Ks §\n127 gäller, se [[plan]] och *Kf § 45* `KS 1/2` [Ks § 1](https://x.se).\n\n"
      "## Rubrik Ks § 9\n\n| a |\n|---|\n| KS 2018/0200 |\n\n```\nKs § 2\n```\n");
  EXPECT_EQ(Texts(TextRuns(p->body)),
            (std::vector<std::string>{"Beslutet i Ks §\n127 gäller, se ", " och ", "Kf § 45", " ",
                                      " ", ".", "Rubrik Ks § 9", "a", "KS 2018/0200"}));
}

TEST(TextRuns, APositionCountsCharactersFromTheSegmentItIsIn) {
  auto p = Parse("Ålands Ks §\n127 och mer\n");
  const std::vector<TextRun> runs = TextRuns(p->body);
  ASSERT_EQ(runs.size(), 1u);
  const TextRun& run = runs[0];
  EXPECT_EQ(run.text, "Ålands Ks §\n127 och mer");
  TextSegment ks = run.At(run.text.find("Ks"));
  EXPECT_EQ(ks.line, 5);
  EXPECT_EQ(ks.column, 8);  // "Å" is two bytes, one character
  TextSegment paragraph = run.At(run.text.find("127"));
  EXPECT_EQ(paragraph.line, 6);
  EXPECT_EQ(paragraph.column, 1);
}

TEST(TextRuns, PiecesWithATargetBecomeLinksAroundTheSameWords) {
  auto p = Parse("Se Ks §\n127 och *KS 2018/0200*.\n");
  LinkTextRuns(p->body, {{0, {{"Se ", ""}, {"Ks §\n127", "ks-127"}, {" och ", ""}}},
                         {1, {{"KS 2018/0200", "plan"}}}});
  const std::vector<Inline>& inlines = p->body.blocks[0].inlines;
  ASSERT_EQ(inlines.size(), 5u);
  EXPECT_EQ(inlines[0].text, "Se ");
  ASSERT_EQ(inlines[1].kind, InlineKind::kTextLink);
  EXPECT_EQ(inlines[1].target, "ks-127");
  ASSERT_EQ(inlines[1].children.size(), 3u);
  EXPECT_EQ(inlines[1].children[1].kind, InlineKind::kSoftBreak);
  EXPECT_EQ(inlines[2].text, " och ");
  ASSERT_EQ(inlines[3].kind, InlineKind::kEmph);
  EXPECT_EQ(inlines[3].children[0].kind, InlineKind::kTextLink);
  // The words are the author's: the plain text is unchanged.
  EXPECT_EQ(inlines[4].text, ".");
  EXPECT_EQ(PlainText(inlines), "Se Ks § 127 och KS 2018/0200.");
}

TEST(TextRuns, PiecesThatDoNotReadAsTheTextAreIgnored) {
  auto p = Parse("Se Ks § 127.\n");
  LinkTextRuns(p->body, {{0, {{"Se ", ""}, {"Ks § 128", "ks"}, {".", ""}}}});
  ASSERT_EQ(p->body.blocks[0].inlines.size(), 1u);
  EXPECT_EQ(p->body.blocks[0].inlines[0].text, "Se Ks § 127.");
}

TEST(TextRuns, ALineOfARawHtmlBlockIsCountedFromItsStart) {
  auto p = Parse("<div>\nKs § 99\n</div>\n");
  const std::vector<TextRun> runs = TextRuns(p->body);
  ASSERT_EQ(runs.size(), 1u);
  TextSegment at = runs[0].At(runs[0].text.find("Ks"));
  EXPECT_EQ(at.line, 6);
  EXPECT_EQ(at.column, 1);
}

TEST(TextRuns, TwoSplitsOfOneRunKeepTheLinksOfBoth) {
  const std::vector<TextPiece> first = {{"Se ", ""}, {"Ks § 1", "a"}, {" och KS 1/2.", ""}};
  const std::vector<TextPiece> second = {{"Se Ks § 1 och ", ""}, {"KS 1/2", "b"}, {".", ""}};
  EXPECT_EQ(MergeTextPieces(first, second),
            (std::vector<TextPiece>{
                {"Se ", ""}, {"Ks § 1", "a"}, {" och ", ""}, {"KS 1/2", "b"}, {".", ""}}));
  // The same words to the same place: one link.
  EXPECT_EQ(MergeTextPieces(first, first), first);
  // Overlapping words, or the same words to two places: no merge.
  EXPECT_EQ(MergeTextPieces(first, {{"Se Ks ", ""}, {"§ 1 och", "b"}, {" KS 1/2.", ""}}),
            std::nullopt);
  EXPECT_EQ(MergeTextPieces(first, {{"Se ", ""}, {"Ks § 1", "b"}, {" och KS 1/2.", ""}}),
            std::nullopt);
}

}  // namespace
}  // namespace kansli::markdown
