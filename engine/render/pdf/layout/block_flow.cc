#include "render/pdf/layout/block_flow.h"

#include <algorithm>
#include <string>

#include "render/pdf/layout/figure.h"
#include "render/pdf/layout/table_layout.h"

namespace kansli::pdf {

using markdown::Block;
using markdown::BlockKind;

BlockFlow::BlockFlow(const FontMetrics& metrics, const PageStyle& style, LinkContext links,
                     int top_level, std::vector<VBox>& out, Structure& structure, int parent)
    : metrics_(metrics),
      style_(style),
      links_(links),
      top_level_(top_level),
      out_(out),
      structure_(structure),
      parent_(parent) {}

void BlockFlow::Blocks(const std::vector<Block>& blocks, const Column& column) {
  for (const Block& block : blocks) {
    Space(column.gap);
    Dispatch(block, column);
  }
}

void BlockFlow::BlocksIn(int parent, const std::vector<Block>& blocks, const Column& column) {
  const int outer = parent_;
  parent_ = parent;
  Blocks(blocks, column);
  parent_ = outer;
}

void BlockFlow::Space(double gap) {
  if (!after_heading_) pending_space_ = std::max(pending_space_, gap);
}

void BlockFlow::Dispatch(const markdown::Block& block, const Column& column) {
  switch (block.kind) {
    case BlockKind::kParagraph:
      Paragraph(block.inlines, BodyStyle(), column, false, StructRole::kP);
      break;
    case BlockKind::kHeading:
      Heading(block, column);
      break;
    case BlockKind::kBulletList:
    case BlockKind::kOrderedList:
      List(block, column);
      break;
    case BlockKind::kBlockQuote:
      Quote(block, column);
      break;
    case BlockKind::kCodeBlock:
      Code(block, column);
      break;
    case BlockKind::kThematicBreak:
      ThematicBreak(column);
      break;
    case BlockKind::kTable:
      Table(block, column);
      break;
    case BlockKind::kListItem:  // only inside lists
    case BlockKind::kTableRow:  // only inside tables
    case BlockKind::kTableCell:
      Blocks(block.children, column);
      break;
  }
}

void BlockFlow::Paragraph(const std::vector<markdown::Inline>& inlines, const SpanStyle& base,
                          const Column& column, bool keep_with_next, StructRole role) {
  // Images from the content folder become figures after the paragraph's lines; the alt text
  // is their caption, not running text. A heading's image stays its alt text.
  const std::vector<const markdown::Inline*> figures =
      keep_with_next ? std::vector<const markdown::Inline*>{} : FindFigures(inlines, links_);
  std::vector<Span> spans = figures.empty()
                                ? InlineSpans(inlines, base, style_, links_)
                                : InlineSpans(WithoutFigures(inlines, links_), base, style_, links_);
  if (!figures.empty() && std::all_of(spans.begin(), spans.end(), [](const Span& span) {
        return span.text.find_first_not_of(" \t\n") == std::string::npos;
      })) {
    spans.clear();  // the usual case: an image alone in its paragraph
  }
  // keep_with_next marks a heading: never justified or hyphenated.
  BreakOptions options{
      .align = style_.justify && !keep_with_next ? TextAlign::kJustify : TextAlign::kRagged,
      .hyphenate = style_.hyphenate && !keep_with_next};
  // A list item of one paragraph is its LBody's text: no P of its own, one element fewer.
  const bool in_body = role == StructRole::kP && parent_ == lone_paragraph_body_;
  lone_paragraph_body_ = kArtifact;
  const int element = spans.empty() ? kArtifact : in_body ? parent_ : structure_.Add(role, parent_);
  if (element != kArtifact) TagInlineElements(spans, element, structure_);
  const std::vector<Line> lines = BreakLines(spans, column.width, metrics_, options);
  for (size_t i = 0; i < lines.size(); ++i) {
    VBox box =
        LineBox(lines[i], column.left, column.width, markdown::Align::kNone, style_, element);
    // No orphan (a first line alone at the foot of a page) and no widow (a last line alone at
    // the top of the next): the first line keeps with the second, the next-to-last with the
    // last, so a split paragraph leaves at least two lines on each page.
    const bool orphan = i == 0 && lines.size() > 1;
    const bool widow = i + 2 == lines.size();
    box.keep_with_next = keep_with_next || orphan || widow;
    Emit(std::move(box), column);
  }
  for (const markdown::Inline* image : figures) {
    if (!lines.empty() || image != figures.front()) Space(style_.body_size * style_.paragraph_gap);
    // The caption is the alt text, so the Figure holds both; readers say the /Alt once.
    const std::string alt = markdown::PlainText(image->children);
    const int figure = structure_.Add(StructRole::kFigure, parent_, alt);
    for (VBox& box : FigureBoxes(*FigureImage(links_, *image), alt, column.left, column.width,
                                 metrics_, style_)) {
      for (FrameItem& item : box.items) SetTag(item, figure);
      Emit(std::move(box), column);
    }
  }
}

void BlockFlow::Heading(const markdown::Block& block, const Column& column) {
  int level = std::clamp(block.level - top_level_ + 1, 1, 6);
  double body = style_.body_size;
  Space(level == 1 ? body * 1.6 : level == 2 ? body * 1.25 : body * 0.95);
  SpanStyle base{.bold = true,
                 .italic = level >= 4,
                 .size = style_.HeadingSize(level),
                 .color = style_.accent};
  const size_t first = out_.size();
  // H1 is the title: the body's top level is H2, and no level is skipped on the way down.
  const int tagged_level = std::min(level + 1, last_heading_ + 1);
  last_heading_ = tagged_level;
  Paragraph(block.inlines, base, column, true, HeadingRole(tagged_level));
  // Bookmarks and the contents list go to the heading's first line.
  if (first < out_.size() && !block.anchor.empty()) {
    out_[first].items.push_back(Anchor{.name = block.anchor, .y = 0});
  }
  pending_space_ = body * 0.35;
  after_heading_ = true;
}

void BlockFlow::List(const markdown::Block& block, const Column& column) {
  const double body = style_.body_size;
  const bool ordered = block.kind == BlockKind::kOrderedList;
  long long number = block.start;
  const long long last = number + static_cast<long long>(block.children.size()) - 1;
  std::string widest = ordered ? std::to_string(last) + "." : "•";
  double marker_width =
      std::max(body * 1.5, metrics_.Width(FontFace::kRegular, body, widest) + body * 0.6);
  double indent = column.width - marker_width >= style_.MinColumnWidth() ? marker_width : 0;
  double item_gap = block.tight ? body * 0.2 : body * style_.paragraph_gap;

  Column inner = column;
  inner.left += indent;
  inner.width -= indent;
  inner.gap = item_gap;
  inner.list_depth = column.list_depth + 1;
  bool first = true;
  const int outer = parent_;
  const int list = structure_.Add(StructRole::kL, outer);
  structure_[list].numbering = ordered                    ? ListNumbering::kDecimal
                               : column.list_depth % 2 == 0 ? ListNumbering::kDisc
                                                            : ListNumbering::kNone;  // "–"
  for (const markdown::Block& item : block.children) {
    if (!first) Space(item_gap);
    first = false;
    std::string text = ordered ? std::to_string(number++) + "." : column.list_depth % 2 ? "–" : "•";
    double width = metrics_.Width(FontFace::kRegular, body, text);
    const int entry = structure_.Add(StructRole::kLI, list);
    const int label = structure_.Add(StructRole::kLbl, entry);
    marker_ = Marker{text, std::max(inner.left - body * 0.45, column.left + width), label};
    parent_ = structure_.Add(StructRole::kLBody, entry);
    if (item.children.size() == 1 && item.children[0].kind == BlockKind::kParagraph) {
      lone_paragraph_body_ = parent_;
    }
    Blocks(item.children, inner);
    parent_ = outer;
    if (marker_) {  // an empty item still shows its marker
      Line empty{.ascent = metrics_.Ascent(FontFace::kRegular, body),
                 .descent = metrics_.Descent(FontFace::kRegular, body),
                 .size = body};
      Emit(LineBox(empty, inner.left, inner.width, markdown::Align::kNone, style_), inner);
    }
  }
}

void BlockFlow::Quote(const markdown::Block& block, const Column& column) {
  const double indent = style_.body_size * 1.2;
  Column inner = column;
  if (column.width - indent >= style_.MinColumnWidth()) {
    inner.bars.push_back(column.left + style_.body_size * 0.3);
    inner.left += indent;
    inner.width -= indent;
  }
  const int outer = parent_;
  parent_ = structure_.Add(StructRole::kBlockQuote, outer);
  Blocks(block.children, inner);
  parent_ = outer;
}

void BlockFlow::Code(const markdown::Block& block, const Column& column) {
  const double pad = style_.body_size * 0.5;
  const SpanStyle mono{.mono = true, .size = style_.CodeSize(), .color = style_.text};
  std::string_view text = block.text;
  if (text.ends_with('\n')) text.remove_suffix(1);
  std::vector<VBox> boxes;
  const int code = structure_.Add(StructRole::kCode, parent_);
  for (size_t start = 0; start <= text.size();) {
    size_t end = std::min(text.find('\n', start), text.size());
    std::string line;
    for (char c : text.substr(start, end - start)) {
      if (c == '\t') {
        line.append(4 - line.size() % 4, ' ');  // close enough for indentation
      } else {
        line += c;
      }
    }
    std::vector<Line> lines =
        BreakLines(TextSpans(line, mono), column.width - 2 * pad, metrics_, Wrap::kCharacters);
    if (lines.empty()) {
      lines.push_back({.ascent = metrics_.Ascent(FontFace::kMono, mono.size),
                       .descent = metrics_.Descent(FontFace::kMono, mono.size),
                       .size = mono.size});
    }
    for (const Line& l : lines) {
      boxes.push_back(LineBox(l, column.left + pad, column.width - 2 * pad,
                              markdown::Align::kNone, style_, code));
    }
    start = end + 1;
  }
  PadTop(boxes.front(), pad);
  boxes.back().height += pad;
  for (VBox& box : boxes) {
    Rect area{column.left, -box.height, column.left + column.width, 0};
    box.items.insert(box.items.begin(), FilledRect{area, style_.code_panel});
    Emit(std::move(box), column);
  }
}

void BlockFlow::ThematicBreak(const Column& column) {
  VBox box{.height = style_.body_size * 1.2};
  double y = -box.height / 2;
  box.items.push_back(Rule{.x0 = column.left,
                           .y0 = y,
                           .x1 = column.left + column.width,
                           .y1 = y,
                           .width = 0.6,
                           .color = style_.hairline});
  Emit(std::move(box), column);
}

void BlockFlow::Table(const markdown::Block& block, const Column& column) {
  TableBoxes table =
      LayOutTable(block, column.left, column.width, metrics_, style_, links_, &structure_, parent_);
  int header = -1;
  for (int i = 0; i < static_cast<int>(table.boxes.size()); ++i) {
    VBox& box = table.boxes[i];
    if (i < table.header_boxes) {
      box.keep_with_next = true;
      if (table.header_boxes == 1) header = static_cast<int>(out_.size());
    } else {
      box.repeat_header = header;
    }
    Emit(std::move(box), column);
  }
}

void BlockFlow::Emit(VBox box, const Column& column) {
  box.space_before = pending_space_;
  pending_space_ = 0;
  after_heading_ = false;
  if (marker_) {
    double size = style_.body_size;
    double x = marker_->right - metrics_.Width(FontFace::kRegular, size, marker_->text);
    // First, so the label is drawn, and read, before the item's text.
    box.items.insert(box.items.begin(), TextRun{.face = FontFace::kRegular,
                                                .size = size,
                                                .x = x,
                                                .y = -box.first_baseline,
                                                .utf8 = marker_->text,
                                                .color = style_.text,
                                                .tag = marker_->tag});
    marker_.reset();
  }
  for (double x : column.bars) {
    box.items.push_back(
        Rule{.x0 = x, .y0 = 0, .x1 = x, .y1 = -box.height, .width = 1.6, .color = style_.hairline});
  }
  out_.push_back(std::move(box));
}

SpanStyle BlockFlow::BodyStyle() const {
  return SpanStyle{.size = style_.body_size, .color = style_.text};
}

}  // namespace kansli::pdf
