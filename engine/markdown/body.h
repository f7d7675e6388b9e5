// markdown/ owns turning a document's Markdown body into the Body AST: plain values with
// file positions that later stages read without ever seeing cmark.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace kansli::markdown {

enum class InlineKind {
  kText,
  kCode,
  kEmph,
  kStrong,
  kStrike,
  kLink,      // target = URL
  kImage,     // target = URL, children = alt text
  kWikiLink,  // [[id]] or [[id|text]]: target = id, text = label (may be empty)
  kSoftBreak,
  kLineBreak,
  kFootnoteRef,  // [^label]: text = the footnote's number ("1")
  // A script's link around words of the text (a Str hook): target = the document's id,
  // children = the words (text and soft breaks). Never made by the parser (LinkTextRuns).
  kTextLink,
};

struct Inline {
  InlineKind kind = InlineKind::kText;
  std::string text;    // kText, kCode: the text; kWikiLink: the label
  std::string target;  // kLink, kImage: the URL; kWikiLink: the id
  std::vector<Inline> children;
  int line = 0;    // file line
  int column = 0;  // file column, in code points
  // kWikiLink and kEmph: the slot a script's link for this element is stored under.
  int slot = -1;
};

enum class BlockKind {
  kParagraph,
  kHeading,
  kBulletList,
  kOrderedList,
  kListItem,
  kBlockQuote,
  kCodeBlock,
  kThematicBreak,
  kTable,
  kTableRow,
  kTableCell,
};

enum class Align { kNone, kLeft, kCenter, kRight };

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  int line = 0;              // file line where the block starts
  int level = 0;             // kHeading: 1..6
  int start = 1;             // kOrderedList: first number
  bool tight = true;         // lists
  bool header = false;       // kTableRow: the header row
  std::string text;          // kCodeBlock: the code
  std::string info;          // kCodeBlock: the info string
  std::string anchor;        // kHeading: stable id for links ("nyttan-med-internationellt-arbete")
  std::vector<Inline> inlines;
  std::vector<Block> children;
  std::vector<Align> aligns;  // kTable: one per column
};

// A footnote's text, numbered 1, 2, … in the order the body first refers to it. A
// definition nothing refers to is left out.
struct Footnote {
  int number = 0;
  int line = 0;  // file line of the definition
  std::vector<Block> blocks;
};

struct Heading {
  int level = 0;
  std::string text;  // plain text
  std::string anchor;
  int line = 0;
};

// The elements scripts see, in document order. `slot` indexes the script's answers.
struct WikiLinkRef {
  int slot = -1;
  std::string target;
  std::string label;
  SourcePos pos;
};
struct EmphRef {
  int slot = -1;
  std::string text;  // plain text of the emphasis
  SourcePos pos;
};
struct LinkRef {
  std::string url;
  std::string text;
  SourcePos pos;
};
struct ImageRef {
  std::string target;  // the file name or URL, as written
  std::string alt;     // plain text of the alt text
  SourcePos pos;
};

// A body in two parts. The tree (blocks and footnotes) is what a renderer or the search index
// reads, one document at a time. The outline (the rest) is what the site-wide
// steps need: the checked site keeps only the outline of each document (DropTree), and what
// needs the tree parses it again (ParseTree). At a region's 10,000 documents the trees were
// 240 MB, the outlines a tenth of that.
struct Body {
  // The tree.
  std::vector<Block> blocks;
  std::vector<Footnote> footnotes;  // by number
  // The outline.
  std::vector<Heading> headings;
  std::vector<WikiLinkRef> wiki_links;
  std::vector<EmphRef> emphases;
  std::vector<LinkRef> links;
  std::vector<ImageRef> images;
  int slot_count = 0;
};

// The text of inlines without markup: "Policy för internationellt arbete".
std::string PlainText(const std::vector<Inline>& inlines);

// The tree's blocks as plain text, separated by spaces (footnotes left out): what search
// indexes of a body.
std::string BodyText(const Body& body);

}  // namespace kansli::markdown
