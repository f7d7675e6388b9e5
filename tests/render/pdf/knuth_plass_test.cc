#include "render/pdf/layout/knuth_plass.h"

#include <gtest/gtest.h>

#include <vector>

namespace kansli::pdf {
namespace {

using Kind = KpItem::Kind;

// Words of the given widths with glue of 10 (stretch 5, shrink 10/3) between them and the
// paragraph's fill and forced break at the end.
std::vector<KpItem> Paragraph(const std::vector<double>& words) {
  std::vector<KpItem> items;
  for (double w : words) {
    if (!items.empty()) {
      items.push_back({.kind = Kind::kGlue, .width = 10, .stretch = 5, .shrink = 10.0 / 3});
    }
    items.push_back({.kind = Kind::kBox, .width = w});
  }
  items.push_back({.kind = Kind::kGlue, .stretch = kFill});
  items.push_back({.kind = Kind::kPenalty, .penalty = -kInfinitePenalty});
  return items;
}

std::vector<size_t> Items(const std::vector<KpBreak>& breaks) {
  std::vector<size_t> items;
  for (const KpBreak& b : breaks) items.push_back(b.item);
  return items;
}

TEST(KnuthPlass, BalancesWhereFirstFitLeavesAVeryLooseLine) {
  // First fit sets 10 20 15 | 30 35 | 25 15 30: its lines stretch 3.5 and 5 times their glue.
  // Total fit shrinks the first line a little and stretches the second a little instead.
  std::vector<KpBreak> breaks =
      KnuthPlass(Paragraph({10, 20, 15, 30, 35, 25, 15, 30}), {.line_width = 100});
  ASSERT_EQ(breaks.size(), 3u);
  EXPECT_EQ(Items(breaks), (std::vector<size_t>{7, 13, 16}));  // glue after words 4 and 7
  EXPECT_NEAR(breaks[0].ratio, -0.5, 1e-9);
  EXPECT_NEAR(breaks[1].ratio, 0.5, 1e-9);
  EXPECT_EQ(breaks[2].ratio, 0);  // the last line is not stretched
}

TEST(KnuthPlass, UsesAHyphenOnlyWhenItLowersDemerits) {
  // 40 | 50 = 45+5 | 40: the hyphen makes two perfect lines, and is taken.
  std::vector<KpItem> items = Paragraph({40, 45, 40});
  items.insert(items.begin() + 3,
               {.kind = Kind::kPenalty, .width = 5, .penalty = 50, .flagged = true});
  items.insert(items.begin() + 4, {.kind = Kind::kBox, .width = 45});
  // items: 40 glue 45 hyphen 45 glue 40 fill end
  std::vector<KpBreak> breaks = KnuthPlass(items, {.line_width = 100});
  EXPECT_EQ(Items(breaks), (std::vector<size_t>{3, 8}));
  // With room for the whole word the hyphen is not worth its penalty.
  breaks = KnuthPlass(items, {.line_width = 150});
  EXPECT_EQ(Items(breaks), (std::vector<size_t>{5, 8}));
}

TEST(KnuthPlass, AvoidsTwoHyphenatedLinesInARow) {
  // The first line must end in a hyphen. The second may end in one too and fit exactly, or
  // take the whole next word and stretch (ratio 0.8): that costs less than the hyphen's
  // penalty plus the demerits for a second hyphenated line in a row.
  const KpItem glue{.kind = Kind::kGlue, .width = 10, .stretch = 5, .shrink = 3};
  const KpItem hyphen{.kind = Kind::kPenalty, .width = 5, .penalty = 50, .flagged = true};
  std::vector<KpItem> items = {{.width = 45}, glue,   {.width = 40}, hyphen, {.width = 40}, glue,
                               {.width = 45}, hyphen, {.width = 1},  glue,   {.width = 30}};
  items.push_back({.kind = Kind::kGlue, .stretch = kFill});
  items.push_back({.kind = Kind::kPenalty, .penalty = -kInfinitePenalty});
  std::vector<KpBreak> breaks = KnuthPlass(items, {.line_width = 100});
  EXPECT_EQ(Items(breaks), (std::vector<size_t>{3, 9, 12}));
  EXPECT_NEAR(breaks[1].ratio, 0.8, 1e-9);
  // Without those demerits, two hyphens in a row would win.
  breaks = KnuthPlass(items, {.line_width = 100, .flagged_demerits = 0});
  EXPECT_EQ(Items(breaks), (std::vector<size_t>{3, 7, 12}));
}

TEST(KnuthPlass, SetsABoxWiderThanTheLineOnALineOfItsOwn) {
  std::vector<KpBreak> breaks = KnuthPlass(Paragraph({30, 150, 30}), {.line_width = 100});
  EXPECT_EQ(Items(breaks), (std::vector<size_t>{1, 3, 6}));
}

TEST(KnuthPlass, EndsLinesAtForcedBreaksWithoutStretching) {
  std::vector<KpItem> items = Paragraph({30, 30});
  items.insert(items.begin() + 1, {.kind = Kind::kPenalty, .penalty = -kInfinitePenalty});
  std::vector<KpBreak> breaks = KnuthPlass(items, {.line_width = 100});
  ASSERT_EQ(breaks.size(), 2u);
  EXPECT_EQ(breaks[0].item, 1u);
  EXPECT_EQ(breaks[0].ratio, 0);
}

TEST(KnuthPlass, GivesNothingForNoItems) {
  EXPECT_TRUE(KnuthPlass({}, {.line_width = 10}).empty());
}

}  // namespace
}  // namespace kansli::pdf
