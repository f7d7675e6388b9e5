#include "render/pdf/layout/block_flow.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "render/pdf/layout_fixture.h"

namespace kansli::pdf {
namespace {

using testing::BodyRuns;
using testing::FindRun;
using testing::LaidOutSite;
using testing::Links;
using testing::PolicyTxtar;
using testing::Runs;

const PageStyle kStyle;

PageFrame FirstPage(std::string_view body) {
  LaidOutSite site(PolicyTxtar(body));
  return site.Lay("a").pages.at(0);
}

TEST(BlockFlow, SetsMixedStylesOnOneLine) {
  PageFrame page = FirstPage("Vanlig **fet** *kursiv* ~~struken~~ `kod` ***båda***");
  const TextRun* plain = FindRun(page, "Vanlig");
  const TextRun* bold = FindRun(page, "fet");
  const TextRun* italic = FindRun(page, "kursiv");
  ASSERT_TRUE(plain && bold && italic);
  EXPECT_EQ(bold->face, FontFace::kBold);
  EXPECT_EQ(italic->face, FontFace::kItalic);
  EXPECT_EQ(FindRun(page, "kod")->face, FontFace::kMono);
  EXPECT_EQ(FindRun(page, "båda")->face, FontFace::kBoldItalic);
  EXPECT_DOUBLE_EQ(bold->y, plain->y);
  EXPECT_DOUBLE_EQ(bold->x, plain->x + 7 * 5.5);  // "Vanlig " at 5.5 points a character
  // Strikethrough is a rule through the struck run.
  const TextRun* struck = FindRun(page, "struken");
  bool ruled = false;
  for (const FrameItem& item : page.items) {
    const auto* rule = std::get_if<Rule>(&item);
    ruled |= rule != nullptr && rule->x0 == struck->x && rule->y0 > struck->y &&
             rule->y0 < struck->y + struck->size / 2;
  }
  EXPECT_TRUE(ruled);
}

TEST(BlockFlow, IndentsListsWithAHangingIndent) {
  PageFrame page = FirstPage("- Första " + std::string(100, 'a') + " andra\n  - Inre\n");
  const TextRun* bullet = FindRun(page, "•");
  const TextRun* first = FindRun(page, "Första");
  const TextRun* second = FindRun(page, "andra");
  const TextRun* inner = FindRun(page, "Inre");
  const TextRun* dash = FindRun(page, "–");
  ASSERT_TRUE(bullet && first && second && inner && dash);
  EXPECT_LT(bullet->x, first->x);
  EXPECT_DOUBLE_EQ(bullet->y, first->y);
  EXPECT_GT(first->x, kStyle.body_left());
  // The wrapped line hangs under the text. It starts with the long word's end, a run of its
  // own (it reads as "", its first part carrying the whole word).
  double second_left = second->x;
  for (const TextRun& run : Runs(page)) {
    if (run.y == second->y) second_left = std::min(second_left, run.x);
  }
  EXPECT_DOUBLE_EQ(second_left, first->x);
  EXPECT_LT(second->y, first->y);
  EXPECT_GT(inner->x, first->x);
  EXPECT_LT(dash->x, inner->x);
}

TEST(BlockFlow, NumbersOrderedListsFromTheirStart) {
  PageFrame page = FirstPage("7. sju\n8. åtta\n");
  const TextRun* seven = FindRun(page, "7.");
  const TextRun* eight = FindRun(page, "8.");
  ASSERT_TRUE(seven && eight);
  EXPECT_DOUBLE_EQ(seven->y, FindRun(page, "sju")->y);
  EXPECT_DOUBLE_EQ(seven->x, eight->x);
  EXPECT_LT(seven->x, FindRun(page, "sju")->x);
}

TEST(BlockFlow, IndentsBlockQuotesWithABar) {
  PageFrame page = FirstPage("Före\n\n> Citerat\n");
  const TextRun* quoted = FindRun(page, "Citerat");
  ASSERT_NE(quoted, nullptr);
  EXPECT_GT(quoted->x, FindRun(page, "Före")->x);
  bool bar = false;
  for (const FrameItem& item : page.items) {
    const auto* rule = std::get_if<Rule>(&item);
    bar |= rule != nullptr && rule->x0 == rule->x1 && rule->x0 < quoted->x &&
           rule->y1 < quoted->y && rule->y0 > quoted->y;
  }
  EXPECT_TRUE(bar);
}

TEST(BlockFlow, SetsCodeInMonoKeepingItsLines) {
  PageFrame page = FirstPage("```\nrad ett\n\tindrag\n```\n");
  const TextRun* one = FindRun(page, "rad ett");
  const TextRun* two = FindRun(page, "    indrag");
  ASSERT_TRUE(one && two);
  EXPECT_EQ(one->face, FontFace::kMono);
  EXPECT_DOUBLE_EQ(one->x, two->x);
  EXPECT_LT(two->y, one->y);
}

TEST(BlockFlow, DrawsAThematicBreakAcrossTheColumn) {
  PageFrame page = FirstPage("före\n\n---\n\nefter\n");
  int full_width = 0;
  for (const FrameItem& item : page.items) {
    const auto* rule = std::get_if<Rule>(&item);
    if (rule != nullptr && rule->y0 < FindRun(page, "före")->y &&
        rule->y0 > FindRun(page, "efter")->y && rule->x0 == kStyle.body_left() &&
        rule->x1 == kStyle.body_right()) {
      ++full_width;
    }
  }
  EXPECT_EQ(full_width, 1);
}

TEST(BlockFlow, SetsTablesWithABoldHeaderAndWrappingCells) {
  std::string words;
  for (int i = 0; i < 40; ++i) words += "ooo ";
  PageFrame page = FirstPage("| Område | Antal |\n|---|--:|\n| " + words + " | 2 |\n");
  const TextRun* header = FindRun(page, "Område");
  const TextRun* number = FindRun(page, "Antal");
  ASSERT_TRUE(header && number);
  EXPECT_EQ(header->face, FontFace::kBold);
  EXPECT_DOUBLE_EQ(header->y, number->y);
  EXPECT_GT(number->x, header->x);
  int wrapped = 0;
  for (const TextRun& run : BodyRuns(page)) wrapped += run.utf8.find("ooo") != std::string::npos;
  EXPECT_GT(wrapped, 1);
  // The right-aligned column ends at the same x in header and body.
  std::vector<TextRun> body = BodyRuns(page);
  auto two = std::find_if(body.begin(), body.end(),
                          [&](const TextRun& run) { return run.utf8 == "2" && run.y < number->y; });
  ASSERT_NE(two, body.end());
  EXPECT_NEAR(two->x + 5.06, number->x + 5 * 5.06, 1e-9);
}

TEST(BlockFlow, RepeatsTheHeaderRowOnEveryPageATableSpans) {
  std::string table = "| Förvaltning | Antal |\n|---|---|\n";
  for (int i = 0; i < 150; ++i)
    table += "| rad " + std::to_string(i) + " | " + std::to_string(i) + " |\n";
  LaidOutSite site(PolicyTxtar(table));
  LaidOutDocument doc = site.Lay("a");
  ASSERT_GT(doc.pages.size(), 2u);
  for (size_t p = 1; p < doc.pages.size(); ++p) {
    std::vector<TextRun> body = BodyRuns(doc.pages[p]);
    ASSERT_FALSE(body.empty());
    EXPECT_EQ(body[0].utf8, "Förvaltning") << "page " << p + 1;
    EXPECT_EQ(body[0].face, FontFace::kBold);
  }
  int rows = 0;
  for (const PageFrame& page : doc.pages) {
    for (const TextRun& run : BodyRuns(page)) rows += run.utf8.starts_with("rad ");
  }
  EXPECT_EQ(rows, 150);  // no row lost or doubled
}

TEST(BlockFlow, LinksWikiLinksAndLinkedEmphasisToTheTargetsIntranetPage) {
  std::string txtar = PolicyTxtar("Se [[b]] och *Planen* och [[b|planen]].") +
                      "-- content/b.md --\n---\nid: b\ntitle: Planen\ntype: plan\n"
                      "organisation: Provby kommun\nstatus: utkast\nowner: K\n---\nx\n";
  Relations relations;
  relations.links[{"a", 0}] = "b";
  relations.links[{"a", 1}] = "b";
  relations.links[{"a", 2}] = "b";
  LaidOutSite site(txtar, std::move(relations));
  PageFrame page = site.Lay("a").pages.at(0);
  EXPECT_EQ(Links(page, "https://intra.test/b/").size(), 3u);
  const TextRun* title = FindRun(page, "Planen");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->color, kStyle.link);
  EXPECT_NE(FindRun(page, "planen"), nullptr);
}

TEST(BlockFlow, ShowsAnUnresolvedWikiLinkAsWritten) {
  PageFrame page = FirstPage("Se [[okänd|text]].");
  EXPECT_NE(FindRun(page, "[[okänd|text]]"), nullptr);
}

TEST(BlockFlow, MakesWebAndMailLinksClickableButNotRelativeOnes) {
  PageFrame page = FirstPage(
      "[Webb](https://example.se/a) och <mailto:a@b.se> och [relativ](../annan) och "
      "[skript](javascript:alert(1))");
  EXPECT_EQ(Links(page, "https://example.se/a").size(), 1u);
  EXPECT_EQ(Links(page, "mailto:a@b.se").size(), 1u);
  EXPECT_TRUE(Links(page, "../annan").empty());
  EXPECT_TRUE(Links(page, "javascript:alert(1)").empty());
  EXPECT_NE(FindRun(page, "relativ"), nullptr);
}

TEST(BlockFlow, ShowsAnImageAsItsAltTextInBrackets) {
  PageFrame page = FirstPage("![Karta över Provby](karta.png) och ![](tom.png)");
  const TextRun* alt = FindRun(page, "[Karta över Provby]");
  ASSERT_NE(alt, nullptr);
  EXPECT_EQ(alt->face, FontFace::kItalic);
  EXPECT_NE(FindRun(page, "[bild]"), nullptr);
}

// Wherever a five-line paragraph falls, a page never holds just one of its lines: every
// amount of text before it is tried, so the page break passes through each of its lines.
TEST(BlockFlow, SplitsAParagraphWithAtLeastTwoLinesOnEachPage) {
  std::vector<std::string> words;
  std::string paragraph;
  for (int i = 1; i <= 5; ++i) {
    words.push_back("Rad" + std::to_string(i) + std::string(50, 'x'));  // one word, one line
    paragraph += words.back() + " ";
  }
  int splits = 0;
  for (int filler = 25; filler < 60; ++filler) {
    // One paragraph of `filler` lines (hard line breaks), so each step moves the page break
    // through the paragraph below by exactly one line.
    std::string body;
    for (int i = 0; i < filler; ++i) body += "Fyllnad " + std::to_string(i) + "\\\n";
    LaidOutSite site(PolicyTxtar(body + "Slut.\n\n" + paragraph + "\n"));
    std::vector<int> page_of;
    const LaidOutDocument doc = site.Lay("a");
    for (const std::string& word : words) {
      for (size_t p = 0; p < doc.pages.size(); ++p) {
        if (FindRun(doc.pages[p], word) != nullptr) page_of.push_back(static_cast<int>(p));
      }
    }
    ASSERT_EQ(page_of.size(), words.size()) << filler;
    const auto first_page = std::count(page_of.begin(), page_of.end(), page_of.front());
    const auto last_page = std::count(page_of.begin(), page_of.end(), page_of.back());
    if (page_of.front() != page_of.back()) {
      ++splits;
      EXPECT_GE(first_page, 2) << "orphan after " << filler << " lines";
      EXPECT_GE(last_page, 2) << "widow after " << filler << " lines";
    }
  }
  EXPECT_GT(splits, 0) << "no filler amount split the paragraph; the test tests nothing";
}

TEST(BlockFlow, KeepsAHeadingWithTwoLinesOfItsText) {
  std::string paragraph;
  for (int i = 1; i <= 4; ++i) paragraph += "Rad" + std::to_string(i) + std::string(50, 'x') + " ";
  for (int filler = 30; filler < 60; ++filler) {
    std::string body;
    for (int i = 0; i < filler; ++i) body += "Fyllnad " + std::to_string(i) + ".\n\n";
    LaidOutSite site(PolicyTxtar(body + "## Rubriken\n\n" + paragraph + "\n"));
    const LaidOutDocument doc = site.Lay("a");
    for (const PageFrame& page : doc.pages) {
      if (FindRun(page, "Rubriken") == nullptr) continue;
      EXPECT_NE(FindRun(page, "Rad1" + std::string(50, 'x')), nullptr) << filler;
      EXPECT_NE(FindRun(page, "Rad2" + std::string(50, 'x')), nullptr) << filler;
    }
  }
}

}  // namespace
}  // namespace kansli::pdf
