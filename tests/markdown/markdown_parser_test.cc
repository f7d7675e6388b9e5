#include <gtest/gtest.h>

#include "markdown/heading_ids.h"
#include "markdown/markdown_parser.h"
#include "parsed_body.h"

namespace kansli::markdown {
namespace {

TEST(MarkdownParser, HeadingsGetStableAnchorsAndFileLines) {
  auto p = Parse("## Nyttan med internationellt arbete\n\ntext\n\n## Övrigt\n\n## Övrigt\n");
  ASSERT_EQ(p->body.headings.size(), 3u);
  EXPECT_EQ(p->body.headings[0].anchor, "nyttan-med-internationellt-arbete");
  EXPECT_EQ(p->body.headings[0].line, 5);
  EXPECT_EQ(p->body.headings[1].anchor, "ovrigt");
  EXPECT_EQ(p->body.headings[2].anchor, "ovrigt-2");
}

// "##" alone had the anchor "avsnitt" and a bookmark and contents line with no words, which
// the PDF could not place (no line, so no anchor), and an empty <h2> on the page.
TEST(MarkdownParser, HeadingWithoutWordsNamesNoSection) {
  auto p = Parse("##\n\n## [^1]\n\n## Syfte\n\n[^1]: Noten.\n");
  ASSERT_EQ(p->body.headings.size(), 1u);
  EXPECT_EQ(p->body.headings[0].text, "Syfte");
  EXPECT_EQ(p->body.headings[0].anchor, "syfte");
  ASSERT_EQ(p->body.blocks.size(), 2u);  // the empty heading is gone
  EXPECT_EQ(p->body.blocks[0].kind, BlockKind::kHeading);  // the footnote mark stays
  EXPECT_EQ(p->body.blocks[0].anchor, "");
  EXPECT_EQ(p->body.blocks[1].anchor, "syfte");
}

TEST(MarkdownParser, WikiLinksCarryTargetLabelAndPosition) {
  auto p = Parse("Intro\n\nSe [[plan-x]] och [[policy-y|policyn]].\n");
  ASSERT_EQ(p->body.wiki_links.size(), 2u);
  EXPECT_EQ(p->body.wiki_links[0].target, "plan-x");
  EXPECT_EQ(p->body.wiki_links[0].label, "");
  EXPECT_EQ(p->body.wiki_links[0].pos, (SourcePos{"content/a.md", 7, 4}));
  EXPECT_EQ(p->body.wiki_links[1].target, "policy-y");
  EXPECT_EQ(p->body.wiki_links[1].label, "policyn");
  EXPECT_EQ(p->body.wiki_links[1].pos, (SourcePos{"content/a.md", 7, 19}));
  EXPECT_NE(p->body.wiki_links[0].slot, p->body.wiki_links[1].slot);
}

TEST(MarkdownParser, EmphasisIsOfferedToScriptsWithItsText) {
  auto p = Parse("Kopplad till *Policy för\ninternationellt arbete*.\n");
  ASSERT_EQ(p->body.emphases.size(), 1u);
  EXPECT_EQ(p->body.emphases[0].text, "Policy för internationellt arbete");
  EXPECT_EQ(p->body.emphases[0].pos.line, 5);
}

std::vector<const Inline*> FootnoteRefs(const std::vector<Inline>& inlines) {
  std::vector<const Inline*> refs;
  for (const Inline& in : inlines) {
    if (in.kind == InlineKind::kFootnoteRef) refs.push_back(&in);
  }
  return refs;
}

TEST(MarkdownParser, NumbersFootnotesInTheOrderTheTextFirstRefersToThem) {
  auto p = Parse(
      "Enligt lagen[^lag] och beslutet[^b], se lagen[^lag].\n\n"
      "[^b]: Kommunstyrelsens beslut.\n"
      "[^lag]: Kommunallagen (2017:725),\n    6 kap.\n\n"
      "[^oanvand]: Ingen hänvisar hit.\n");
  ASSERT_EQ(p->body.blocks.size(), 1u);
  std::vector<const Inline*> refs = FootnoteRefs(p->body.blocks[0].inlines);
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0]->text, "1");
  EXPECT_EQ(refs[1]->text, "2");
  EXPECT_EQ(refs[2]->text, "1");
  EXPECT_EQ(refs[0]->line, 5);
  ASSERT_EQ(p->body.footnotes.size(), 2u);  // the unreferenced one is left out
  EXPECT_EQ(p->body.footnotes[0].number, 1);
  EXPECT_EQ(p->body.footnotes[0].line, 8);
  ASSERT_EQ(p->body.footnotes[0].blocks.size(), 1u);
  EXPECT_EQ(PlainText(p->body.footnotes[0].blocks[0].inlines), "Kommunallagen (2017:725), 6 kap.");
  EXPECT_EQ(PlainText(p->body.footnotes[1].blocks[0].inlines), "Kommunstyrelsens beslut.");
  EXPECT_EQ(PlainText(p->body.blocks[0].inlines), "Enligt lagen och beslutet, se lagen.");
}

TEST(MarkdownParser, LeavesAReferenceWithoutDefinitionAsText) {
  auto p = Parse("Se not[^saknas].\n");
  EXPECT_TRUE(p->body.footnotes.empty());
  EXPECT_EQ(PlainText(p->body.blocks[0].inlines), "Se not[^saknas].");
}

TEST(MarkdownParser, RawHtmlBecomesTextNotMarkup) {
  auto p = Parse("<script>alert(1)</script>\n\nok <b>x</b>\n");
  ASSERT_EQ(p->body.blocks.size(), 2u);
  EXPECT_EQ(p->body.blocks[0].kind, BlockKind::kParagraph);
  EXPECT_EQ(PlainText(p->body.blocks[0].inlines), "<script>alert(1)</script>");
  EXPECT_EQ(PlainText(p->body.blocks[1].inlines), "ok <b>x</b>");
}

TEST(MarkdownParser, GfmTablesListsAndStrikethrough) {
  auto p = Parse("| A | B |\n|:--|--:|\n| 1 | 2 |\n\n3. tre\n4. fyra\n\n~~bort~~\n");
  ASSERT_EQ(p->body.blocks.size(), 3u);
  const Block& table = p->body.blocks[0];
  EXPECT_EQ(table.kind, BlockKind::kTable);
  ASSERT_EQ(table.aligns.size(), 2u);
  EXPECT_EQ(table.aligns[0], Align::kLeft);
  EXPECT_EQ(table.aligns[1], Align::kRight);
  ASSERT_EQ(table.children.size(), 2u);
  EXPECT_TRUE(table.children[0].header);
  EXPECT_EQ(PlainText(table.children[1].children[1].inlines), "2");
  EXPECT_EQ(p->body.blocks[1].kind, BlockKind::kOrderedList);
  EXPECT_EQ(p->body.blocks[1].start, 3);
  EXPECT_EQ(p->body.blocks[2].inlines[0].kind, InlineKind::kStrike);
}

TEST(MarkdownParser, HostileNestingIsReportedNotRecursedForever) {
  auto p = Parse(std::string(5000, '>') + " deep\n");
  EXPECT_TRUE(p->diags.HasErrors());
  EXPECT_EQ(p->diags.list()[0].code, Code::kTooDeep);
}

TEST(MarkdownParser, ImagesAreInTheOutlineWithAltTextAndPosition) {
  auto p = Parse("Text ![Karta över *kommunen*](karta.png) och [![](logo.png)](https://x.se).\n\n"
                 "Not[^1].\n\n[^1]: ![Bild i noten](not.png)\n");
  ASSERT_EQ(p->body.images.size(), 3u);
  EXPECT_EQ(p->body.images[0].target, "karta.png");
  EXPECT_EQ(p->body.images[0].alt, "Karta över kommunen");
  EXPECT_EQ(p->body.images[0].pos, (SourcePos{"content/a.md", 5, 6}));
  EXPECT_EQ(p->body.images[1].target, "logo.png");  // inside a link
  EXPECT_EQ(p->body.images[1].alt, "");
  EXPECT_EQ(p->body.images[2].target, "not.png");  // in a footnote
}

TEST(MarkdownParser, TextIsTheBlocksWithoutMarkupSeparatedBySpaces) {
  auto p = Parse("## Syfte\n\nEtt *två* [tre](x.html).\n\n- fyra\n\n```\nkod\n```\n");
  EXPECT_EQ(BodyText(p->body), "Syfte Ett två tre. fyra kod\n");
}

// The checked site keeps each document's outline; a renderer parses the tree again, and
// must get the tree the first parse had, with the same slots for the scripts' links.
TEST(MarkdownParser, ParseTreeGivesBackTheTreeDropTreeFreed) {
  const std::string text = "---\nid: a\ntitle: A\n---\n## Syfte\n\nSe [[b]] och *Plan C*.\n\n"
                           "| x | y |\n|---|---|\n| 1 | 2 |\n\nNot[^1].\n\n[^1]: Noten.\n";
  Diagnostics diags;
  SourceFile file = *SourceFile::FromBytes("content/a.md", text, diags);
  std::optional<ParsedDocument> parsed = ParseDocument(file, diags);
  ASSERT_TRUE(parsed);
  const Body full = parsed->body;
  DropTree(*parsed);
  EXPECT_TRUE(parsed->body.blocks.empty());
  EXPECT_EQ(parsed->body.blocks.capacity(), 0u);
  EXPECT_TRUE(parsed->body.footnotes.empty());
  ASSERT_EQ(parsed->body.headings.size(), 1u);
  ASSERT_EQ(parsed->body.wiki_links.size(), 1u);
  ASSERT_EQ(parsed->body.emphases.size(), 1u);

  const Body again = ParseTree(parsed->document);
  ASSERT_EQ(again.blocks.size(), full.blocks.size());
  ASSERT_EQ(again.footnotes.size(), 1u);
  EXPECT_EQ(again.blocks[1].line, full.blocks[1].line);
  EXPECT_EQ(again.blocks[1].inlines[1].slot, parsed->body.wiki_links[0].slot);
  EXPECT_EQ(again.blocks[1].inlines[3].slot, parsed->body.emphases[0].slot);
  EXPECT_EQ(again.blocks[2].kind, BlockKind::kTable);
  EXPECT_EQ(BodyText(again), BodyText(full));
}

TEST(HeadingIds, FoldsSwedishLettersAndDropsPunctuation) {
  EXPECT_EQ(Slugify("Syfte & mål"), "syfte-mal");
  EXPECT_EQ(Slugify("1. Livslångt lärande för individen"), "1-livslangt-larande-for-individen");
  EXPECT_EQ(Slugify("ÅÄÖ éü"), "aao-eu");
}

}  // namespace
}  // namespace kansli::markdown
