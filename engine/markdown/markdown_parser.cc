#include "markdown/markdown_parser.h"

#include <cmark-gfm-core-extensions.h>

#include <cstring>

#include "markdown/cmark.h"
#include "markdown/heading_ids.h"

namespace kansli::markdown {
namespace {

constexpr int kMaxDepth = 64;

class Converter {
 public:
  Converter(const SourceFile& file, int first_line, Diagnostics& diags)
      : file_(file), first_line_(first_line), diags_(diags) {}

  Body Convert(cmark_node* document) {
    for (cmark_node* child = cmark_node_first_child(document); child != nullptr;
         child = cmark_node_next(child)) {
      if (auto block = ConvertBlock(child, 1)) body_.blocks.push_back(std::move(*block));
    }
    return std::move(body_);
  }

 private:
  int FileLine(cmark_node* node) const {
    int line = cmark_node_get_start_line(node);
    return line > 0 ? first_line_ + line - 1 : 0;
  }

  // cmark counts columns in bytes; diagnostics count code points.
  int FileColumn(int file_line, int byte_column) const {
    return file_.AtByteColumn(file_line, byte_column).column;
  }

  bool TooDeep(cmark_node* node, int depth) {
    if (depth <= kMaxDepth) return false;
    if (!reported_depth_) {
      diags_.Error(file_.At(FileLine(node), 0), Code::kTooDeep,
                   "lists or quotes are nested more than " + std::to_string(kMaxDepth) +
                       " levels deep; the deeper part is left out");
      reported_depth_ = true;
    }
    return true;
  }

  static std::string_view TypeName(cmark_node* node) {
    const char* name = cmark_node_get_type_string(node);
    return name != nullptr ? name : "";
  }

  std::optional<Block> ConvertBlock(cmark_node* node, int depth) {
    if (TooDeep(node, depth)) return std::nullopt;
    Block block;
    block.line = FileLine(node);
    const std::string_view type = TypeName(node);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH:
        block.kind = BlockKind::kParagraph;
        block.inlines = ConvertInlines(node, depth);
        return block;
      case CMARK_NODE_HEADING: {
        block.kind = BlockKind::kHeading;
        block.level = cmark_node_get_heading_level(node);
        block.inlines = ConvertInlines(node, depth);
        // A heading without words ("##" alone, or only a footnote mark) names no section: it
        // gets no anchor, bookmark or contents line, and with nothing at all in it, no block
        // (an empty heading is an error for screen readers, in HTML and PDF alike).
        std::string text = PlainText(block.inlines);
        if (text.empty()) {
          if (block.inlines.empty()) return std::nullopt;
          return block;
        }
        block.anchor = ids_.Assign(text);
        body_.headings.push_back({block.level, text, block.anchor, block.line});
        return block;
      }
      case CMARK_NODE_LIST:
        block.kind = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? BlockKind::kOrderedList
                                                                          : BlockKind::kBulletList;
        block.start = cmark_node_get_list_start(node);
        block.tight = cmark_node_get_list_tight(node) != 0;
        break;
      case CMARK_NODE_ITEM:
        block.kind = BlockKind::kListItem;
        break;
      case CMARK_NODE_BLOCK_QUOTE:
        block.kind = BlockKind::kBlockQuote;
        break;
      case CMARK_NODE_CODE_BLOCK:
        block.kind = BlockKind::kCodeBlock;
        block.text = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
        block.info = cmark_node_get_fence_info(node) ? cmark_node_get_fence_info(node) : "";
        return block;
      case CMARK_NODE_THEMATIC_BREAK:
        block.kind = BlockKind::kThematicBreak;
        return block;
      case CMARK_NODE_FOOTNOTE_DEFINITION:
        // cmark-gfm moves definitions to the document's end; they leave the flow of blocks.
        AddFootnote(node, depth);
        return std::nullopt;
      case CMARK_NODE_HTML_BLOCK: {
        // Raw HTML is shown as the text it is, never passed through.
        block.kind = BlockKind::kParagraph;
        std::string literal = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
        while (!literal.empty() && literal.back() == '\n') literal.pop_back();
        block.inlines.push_back({.kind = InlineKind::kText, .text = literal, .line = block.line});
        return block;
      }
      default:
        if (type == "table") {
          block.kind = BlockKind::kTable;
          uint16_t columns = cmark_gfm_extensions_get_table_columns(node);
          uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(node);
          for (uint16_t i = 0; i < columns; ++i) {
            char a = aligns != nullptr ? static_cast<char>(aligns[i]) : 0;
            block.aligns.push_back(a == 'l'   ? Align::kLeft
                                   : a == 'c' ? Align::kCenter
                                   : a == 'r' ? Align::kRight
                                              : Align::kNone);
          }
        } else if (type == "table_header" || type == "table_row") {
          block.kind = BlockKind::kTableRow;
          block.header = type == "table_header";
        } else if (type == "table_cell") {
          block.kind = BlockKind::kTableCell;
          block.inlines = ConvertInlines(node, depth);
          return block;
        } else {
          return std::nullopt;  // other extensions are not enabled
        }
    }
    for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
         child = cmark_node_next(child)) {
      if (auto converted = ConvertBlock(child, depth + 1)) {
        block.children.push_back(std::move(*converted));
      }
    }
    return block;
  }

  std::vector<Inline> ConvertInlines(cmark_node* parent, int depth) {
    std::vector<Inline> inlines;
    for (cmark_node* node = cmark_node_first_child(parent); node != nullptr;
         node = cmark_node_next(node)) {
      ConvertInline(node, depth + 1, inlines);
    }
    return inlines;
  }

  void ConvertInline(cmark_node* node, int depth, std::vector<Inline>& out) {
    if (TooDeep(node, depth)) return;
    Inline in;
    in.line = FileLine(node);
    in.column = in.line > 0 ? FileColumn(in.line, cmark_node_get_start_column(node)) : 0;
    const char* literal = cmark_node_get_literal(node);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
        return SplitWikiLinks(literal ? literal : "", in, out);
      case CMARK_NODE_HTML_INLINE:
        in.text = literal ? literal : "";  // shown as text, never as markup
        break;
      case CMARK_NODE_CODE:
        in.kind = InlineKind::kCode;
        in.text = literal ? literal : "";
        break;
      case CMARK_NODE_SOFTBREAK:
        in.kind = InlineKind::kSoftBreak;
        break;
      case CMARK_NODE_LINEBREAK:
        in.kind = InlineKind::kLineBreak;
        break;
      case CMARK_NODE_FOOTNOTE_REFERENCE:
        // cmark-gfm numbers references itself, in the order of first reference.
        in.kind = InlineKind::kFootnoteRef;
        in.text = literal ? literal : "";
        break;
      case CMARK_NODE_EMPH:
        in.kind = InlineKind::kEmph;
        in.children = ConvertInlines(node, depth);
        in.slot = body_.slot_count++;
        body_.emphases.push_back({in.slot, PlainText(in.children), Pos(in)});
        break;
      case CMARK_NODE_STRONG:
        in.kind = InlineKind::kStrong;
        in.children = ConvertInlines(node, depth);
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        in.kind = cmark_node_get_type(node) == CMARK_NODE_LINK ? InlineKind::kLink
                                                               : InlineKind::kImage;
        in.target = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
        in.children = ConvertInlines(node, depth);
        if (in.kind == InlineKind::kLink) {
          body_.links.push_back({in.target, PlainText(in.children), Pos(in)});
        } else {
          body_.images.push_back({in.target, PlainText(in.children), Pos(in)});
        }
        break;
      default:
        if (TypeName(node) == "strikethrough") {
          in.kind = InlineKind::kStrike;
          in.children = ConvertInlines(node, depth);
          break;
        }
        return;
    }
    out.push_back(std::move(in));
  }

  SourcePos Pos(const Inline& in) const { return file_.At(in.line, in.column); }

  // cmark-gfm leaves out definitions nothing refers to and puts the rest at the document's
  // end in the order of their numbers.
  void AddFootnote(cmark_node* node, int depth) {
    Footnote footnote{.number = static_cast<int>(body_.footnotes.size()) + 1,
                      .line = FileLine(node)};
    for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
         child = cmark_node_next(child)) {
      if (auto block = ConvertBlock(child, depth + 1)) footnote.blocks.push_back(std::move(*block));
    }
    body_.footnotes.push_back(std::move(footnote));
  }

  // "[[id]]" and "[[id|text]]" inside a text node become kWikiLink inlines.
  void SplitWikiLinks(std::string_view text, const Inline& at, std::vector<Inline>& out) {
    size_t done = 0;
    int column = at.column;
    auto advance = [&](std::string_view part) {
      for (char c : part) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
      }
    };
    for (size_t open = text.find("[["); open != std::string_view::npos;
         open = text.find("[[", open + 2)) {
      size_t close = text.find("]]", open + 2);
      if (close == std::string_view::npos) break;
      std::string_view inner = text.substr(open + 2, close - open - 2);
      if (inner.empty() || inner.find('[') != std::string_view::npos) continue;
      if (open > done) {
        out.push_back({.text = std::string(text.substr(done, open - done)),
                       .line = at.line,
                       .column = column});
      }
      advance(text.substr(done, open - done));
      size_t bar = inner.find('|');
      Inline link{.kind = InlineKind::kWikiLink,
                  .text = bar == std::string_view::npos ? "" : std::string(inner.substr(bar + 1)),
                  .target = std::string(inner.substr(0, bar)),
                  .line = at.line,
                  .column = column,
                  .slot = body_.slot_count++};
      body_.wiki_links.push_back({link.slot, link.target, link.text, Pos(link)});
      out.push_back(std::move(link));
      advance(text.substr(open, close + 2 - open));
      done = close + 2;
      open = close;
    }
    if (done < text.size()) {
      out.push_back({.text = std::string(text.substr(done)), .line = at.line, .column = column});
    }
  }

  const SourceFile& file_;
  const int first_line_;
  Diagnostics& diags_;
  Body body_;
  HeadingIds ids_;
  bool reported_depth_ = false;
};

}  // namespace

std::string PlainText(const std::vector<Inline>& inlines) {
  std::string text;
  for (const Inline& in : inlines) {
    switch (in.kind) {
      case InlineKind::kText:
      case InlineKind::kCode:
        text += in.text;
        break;
      case InlineKind::kWikiLink:
        text += in.text.empty() ? in.target : in.text;
        break;
      case InlineKind::kSoftBreak:
      case InlineKind::kLineBreak:
        text += ' ';
        break;
      case InlineKind::kFootnoteRef:
        break;  // a heading's or link's words, without the footnote's number
      default:
        text += PlainText(in.children);
    }
  }
  return text;
}

namespace {

void AddText(const std::string& text, std::string& out) {
  if (text.empty()) return;
  if (!out.empty()) out += ' ';
  out += text;
}

void AddBlockText(const Block& block, std::string& out) {
  AddText(PlainText(block.inlines), out);
  if (block.kind == BlockKind::kCodeBlock) AddText(block.text, out);
  for (const Block& child : block.children) AddBlockText(child, out);
}

}  // namespace

std::string BodyText(const Body& body) {
  std::string text;
  for (const Block& block : body.blocks) AddBlockText(block, text);
  return text;
}

Body ParseBody(const SourceFile& file, std::string_view markdown, int first_line,
               Diagnostics& diags) {
  CmarkNode root = ParseCmark(markdown);
  return Converter(file, first_line, diags).Convert(root.get());
}

}  // namespace kansli::markdown

namespace kansli {

std::optional<ParsedDocument> ParseDocument(const SourceFile& file, Diagnostics& diags,
                                            const std::vector<std::string>& site_fields) {
  std::optional<Document> document = ReadDocument(file, diags, site_fields);
  if (!document) return std::nullopt;
  markdown::Body body =
      markdown::ParseBody(file, document->body, document->body_first_line, diags);
  return ParsedDocument{std::move(*document), std::move(body)};
}

void DropTree(ParsedDocument& parsed) {
  // Swapped for empty ones: clear() would keep the storage.
  std::vector<markdown::Block>().swap(parsed.body.blocks);
  std::vector<markdown::Footnote>().swap(parsed.body.footnotes);
}

markdown::Body ParseTree(const Document& document) {
  Diagnostics reported;
  return markdown::ParseBody(*document.file, document.body, document.body_first_line, reported);
}

}  // namespace kansli
