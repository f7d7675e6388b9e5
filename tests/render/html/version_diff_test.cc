#include "render/html/version_diff.h"

#include <gtest/gtest.h>

#include <string>

#include "html_query.h"
#include "markdown/markdown_parser.h"

namespace kansli::html {
namespace {

using kansli::testing::ParsedMarkup;

// A document body as the markdown stage parses it, after a four-line front matter.
markdown::Body Parse(const std::string& markdown) {
  Diagnostics diags;
  std::optional<SourceFile> file =
      SourceFile::FromBytes("content/a.md", "---\nid: a\ntitle: A\n---\n" + markdown, diags);
  EXPECT_TRUE(file.has_value());
  if (!file) return {};
  markdown::Body body = markdown::ParseBody(*file, file->text().substr(23), 5, diags);
  EXPECT_TRUE(diags.empty());
  return body;
}

VersionDiff Diff(const std::string& before, const std::string& after) {
  return RenderVersionDiff(Parse(before), Parse(after));
}

// The diff parsed back, so that structure is checked rather than bytes.
ParsedMarkup Markup(const VersionDiff& diff) {
  ParsedMarkup markup = ParsedMarkup::Html("<div>" + diff.html + "</div>");
  EXPECT_TRUE(markup.ok());
  EXPECT_TRUE(markup.errors().empty()) << markup.errors().front();
  return markup;
}

// `count` words w<start>, w<start+1>, … in paragraphs of twenty, some under headings.
std::string Words(int count, int start = 0) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    if (i % 400 == 0) text += "\n## Avsnitt " + std::to_string((start + i) / 400) + "\n\n";
    text += "w" + std::to_string(start + i) + (i % 20 == 19 ? "\n\n" : " ");
  }
  return text;
}

TEST(VersionDiff, UnchangedBodyHasNoInsOrDel) {
  std::string text =
      "# Policy\n\nFörsta stycket.\n\n- en punkt\n- två\n\n| A | B |\n|---|---|\n"
      "| 1 | 2 |\n\n```\nkod\n```\n";
  VersionDiff diff = Diff(text, text);
  EXPECT_EQ(diff.html.find("<ins"), std::string::npos) << diff.html;
  EXPECT_EQ(diff.html.find("<del"), std::string::npos) << diff.html;
  EXPECT_EQ(diff.html.find("diff-changed"), std::string::npos);
  EXPECT_EQ(diff.stats.inserted_words, 0);
  EXPECT_EQ(diff.stats.deleted_words, 0);
  EXPECT_EQ(diff.stats.changed_blocks, 0);
  ParsedMarkup markup = Markup(diff);
  EXPECT_EQ(markup.First("//h2"), "Policy");
  EXPECT_EQ(markup.First("//p[1]"), "Första stycket.");
  EXPECT_EQ(markup.All("//p[@class='diff-item']"),
            (std::vector<std::string>{"• en punkt", "• två"}));
  EXPECT_EQ(markup.Count("//p[.='A | B']"), 1u);
  EXPECT_EQ(markup.Count("//p[.='1 | 2']"), 1u);
  EXPECT_EQ(markup.First("//pre"), "kod");
}

TEST(VersionDiff, RewrappingAParagraphChangesNothing) {
  VersionDiff diff = Diff("Ett två\ntre fyra.\n", "Ett  två tre\nfyra.\n");
  EXPECT_EQ(diff.html, "<p>Ett två tre fyra.</p>\n");
  EXPECT_EQ(diff.stats.changed_blocks, 0);
}

TEST(VersionDiff, OneChangedWordIsOneDelAndOneInsInItsParagraph) {
  VersionDiff diff = Diff("Intro.\n\nNämnden beslutar om old regler.\n\nSlut.\n",
                          "Intro.\n\nNämnden beslutar om new regler.\n\nSlut.\n");
  EXPECT_EQ(
      diff.html,
      "<p>Intro.</p>\n"
      "<p class=\"diff-changed\">Nämnden beslutar om <del>old</del><ins>new</ins> regler.</p>\n"
      "<p>Slut.</p>\n");
  EXPECT_EQ(diff.stats.inserted_words, 1);
  EXPECT_EQ(diff.stats.deleted_words, 1);
  EXPECT_EQ(diff.stats.changed_blocks, 1);
}

TEST(VersionDiff, ConsecutiveChangedWordsMergeIntoOneDelAndOneIns) {
  VersionDiff diff = Diff("a b c d e\n", "a x y z e\n");
  EXPECT_EQ(diff.html, "<p class=\"diff-changed\">a <del>b c d</del><ins>x y z</ins> e</p>\n");
  EXPECT_EQ(diff.stats.deleted_words, 3);
  EXPECT_EQ(diff.stats.inserted_words, 3);
}

TEST(VersionDiff, AddedAndRemovedParagraphsAreWrappedWhole) {
  VersionDiff diff =
      Diff("Först.\n\nGammalt stycke här.\n\nSist.\n", "Först.\n\nSist.\n\nHelt nytt stycke.\n");
  EXPECT_EQ(diff.html,
            "<p>Först.</p>\n"
            "<p class=\"diff-removed\"><del>Gammalt stycke här.</del></p>\n"
            "<p>Sist.</p>\n"
            "<p class=\"diff-added\"><ins>Helt nytt stycke.</ins></p>\n");
  EXPECT_EQ(diff.stats.deleted_words, 3);
  EXPECT_EQ(diff.stats.inserted_words, 3);
  EXPECT_EQ(diff.stats.changed_blocks, 2);
}

TEST(VersionDiff, ParagraphsWithNoWordInCommonAreRemovedAndAddedNotMixed) {
  VersionDiff diff = Diff("Ett två.\n", "Tre fyra.\n");
  EXPECT_EQ(diff.html,
            "<p class=\"diff-removed\"><del>Ett två.</del></p>\n"
            "<p class=\"diff-added\"><ins>Tre fyra.</ins></p>\n");
}

TEST(VersionDiff, RenamedHeadingIsAChangedHeadingShiftedBelowH1) {
  VersionDiff diff = Diff("# Mål och syfte\n\nText.\n\n## Ansvar\n",
                          "# Mål och inriktning\n\nText.\n\n## Ansvar\n");
  EXPECT_EQ(diff.html,
            "<h2 class=\"diff-changed\">Mål och <del>syfte</del><ins>inriktning</ins></h2>\n"
            "<p>Text.</p>\n"
            "<h3>Ansvar</h3>\n");
  EXPECT_EQ(diff.stats.changed_blocks, 1);
}

TEST(VersionDiff, ListItemsKeepTheirMarkerOutsideTheChange) {
  VersionDiff diff = Diff("1. första punkten\n2. andra punkten\n",
                          "1. första punkten\n2. andra ändrade punkten\n3. ny\n");
  ParsedMarkup markup = Markup(diff);
  EXPECT_EQ(markup.First("//p[@class='diff-item diff-changed']"), "2. andra ändrade punkten");
  EXPECT_EQ(markup.First("//p[@class='diff-item diff-changed']/ins"), "ändrade");
  EXPECT_EQ(markup.First("//p[@class='diff-item diff-added']/ins"), "ny");
  EXPECT_EQ(markup.Count("//del"), 0u);
}

TEST(VersionDiff, CodeBlocksAreComparedLineByLine) {
  VersionDiff diff = Diff("```\nett = 1\ntvå = 2\n```\n", "```\nett = 1\ntvå = 3\n```\n");
  EXPECT_EQ(diff.html,
            "<pre class=\"diff-changed\">ett = 1\n<del>två = 2</del><ins>två = 3</ins></pre>\n");
  EXPECT_EQ(diff.stats.deleted_words, 3);
  EXPECT_EQ(diff.stats.inserted_words, 3);
}

TEST(VersionDiff, TextIsEscaped) {
  VersionDiff diff = Diff("Säker text & mer.\n", "Säker `<script>alert(1)</script>` & mer.\n");
  EXPECT_EQ(diff.html.find("<script"), std::string::npos) << diff.html;
  EXPECT_NE(diff.html.find("<ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>"), std::string::npos)
      << diff.html;
  EXPECT_NE(diff.html.find("&amp; mer."), std::string::npos) << diff.html;
  EXPECT_EQ(Markup(diff).Count("//script"), 0u);
}

TEST(VersionDiff, FirstVersionIsAllInserted) {
  VersionDiff diff = RenderVersionDiff({}, Parse("# Titel\n\nEtt stycke text.\n\n- punkt\n"));
  EXPECT_EQ(diff.html,
            "<h2 class=\"diff-added\"><ins>Titel</ins></h2>\n"
            "<p class=\"diff-added\"><ins>Ett stycke text.</ins></p>\n"
            "<p class=\"diff-item diff-added\">• <ins>punkt</ins></p>\n");
  EXPECT_EQ(diff.stats.inserted_words, 5);
  EXPECT_EQ(diff.stats.deleted_words, 0);
  EXPECT_EQ(diff.stats.changed_blocks, 3);
}

TEST(VersionDiff, EmptyBodiesGiveNothing) {
  VersionDiff diff = RenderVersionDiff({}, {});
  EXPECT_EQ(diff.html, "");
  EXPECT_EQ(diff.stats.changed_blocks, 0);
  EXPECT_EQ(RenderVersionDiff(Parse("Borttaget.\n"), {}).html,
            "<p class=\"diff-removed\"><del>Borttaget.</del></p>\n");
}

TEST(VersionDiff, HandBuiltOddBlocksDoNotCrash) {
  using markdown::Block;
  using markdown::BlockKind;
  markdown::Body body;
  body.blocks.push_back(
      {.kind = BlockKind::kHeading, .level = 99, .inlines = {{.text = "Rubrik\x01<b>"}}});
  body.blocks.push_back({.kind = BlockKind::kTableCell, .inlines = {{.text = "ensam cell"}}});
  body.blocks.push_back({.kind = BlockKind::kListItem});
  // Nesting far deeper than the parser allows is cut off rather than followed.
  Block deep{.kind = BlockKind::kParagraph, .inlines = {{.text = "djupt"}}};
  for (int i = 0; i < 1000; ++i) {
    Block quote{.kind = BlockKind::kBlockQuote};
    quote.children.push_back(std::move(deep));
    deep = std::move(quote);
  }
  body.blocks.push_back(std::move(deep));
  VersionDiff diff = RenderVersionDiff({}, body);
  EXPECT_EQ(diff.html,
            "<h6 class=\"diff-added\"><ins>Rubrik&lt;b&gt;</ins></h6>\n"
            "<p class=\"diff-added\"><ins>ensam cell</ins></p>\n");
}

TEST(VersionDiff, LargeBodiesWithAFewChangesShowExactlyThoseChanges) {
  std::string before = Words(20000);
  std::string after = before;
  for (const char* word : {" w137 ", " w10001 ", " w19998 "}) {
    size_t at = after.find(word);
    ASSERT_NE(at, std::string::npos);
    after.replace(at, std::string(word).size(), " ändrat ");
  }
  markdown::Body old_body = Parse(before), new_body = Parse(after);
  VersionDiff diff = RenderVersionDiff(old_body, new_body);
  EXPECT_EQ(diff.stats.changed_blocks, 3);
  EXPECT_EQ(diff.stats.deleted_words, 3);
  EXPECT_EQ(diff.stats.inserted_words, 3);
  ParsedMarkup markup = Markup(diff);
  EXPECT_EQ(markup.All("//del"), (std::vector<std::string>{"w137", "w10001", "w19998"}));
  EXPECT_EQ(markup.Count("//ins[.='ändrat']"), 3u);
}

TEST(VersionDiff, LargeRewriteStaysWithinTheCostBound) {
  // One paragraph each, nothing in common: past kMaxDiffTokens, so replaced whole.
  std::string before, after;
  for (int i = 0; i < 20000; ++i) {
    before += "a" + std::to_string(i) + " ";
    after += "b" + std::to_string(i) + " ";
  }
  VersionDiff diff = Diff("Början " + before + "slut.\n", "Början " + after + "slut.\n");
  EXPECT_EQ(diff.stats.deleted_words, 20000);
  EXPECT_EQ(diff.stats.inserted_words, 20000);
  EXPECT_EQ(Markup(diff).Count("//p[@class='diff-changed']/del"), 1u);
}

TEST(VersionDiff, WorstCaseWithinTheTokenBudgetPairsEveryWord) {
  // The same words in reverse order: dtl's hardest input, at the most tokens it is given.
  std::string before, after;
  int words = static_cast<int>(kMaxDiffTokens / 2);
  for (int i = 0; i < words; ++i) {
    before += "w" + std::to_string(i) + " ";
    after += "w" + std::to_string(words - 1 - i) + " ";
  }
  markdown::Body old_body = Parse(before), new_body = Parse(after);
  VersionDiff diff = RenderVersionDiff(old_body, new_body);
  EXPECT_EQ(diff.stats.changed_blocks, 1);
  EXPECT_EQ(diff.stats.deleted_words, diff.stats.inserted_words);
  EXPECT_GE(diff.stats.deleted_words, words - 1);
}

TEST(VersionDiff, IsDeterministic) {
  std::string before = Words(2000), after = Words(2000, 7);
  EXPECT_EQ(Diff(before, after).html, Diff(before, after).html);
}

}  // namespace
}  // namespace kansli::html
