#include "render/pdf/layout/lay_out.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "document/lifecycle.h"
#include "render/pdf/layout/block_flow.h"
#include "render/pdf/layout/page_furniture.h"
#include "render/pdf/layout/paginator.h"
#include "render/pdf/layout/status_stamp.h"
#include "render/pdf/layout/table_of_contents.h"
#include "render/pdf/layout/title_block.h"

namespace kansli::pdf {
namespace {

// A footnote as its own numbered list, `number` before its text.
std::vector<markdown::Block> FootnoteList(const markdown::Footnote& footnote) {
  markdown::Block list{.kind = markdown::BlockKind::kOrderedList, .start = footnote.number};
  list.children.push_back(markdown::Block{.kind = markdown::BlockKind::kListItem,
                                          .line = footnote.line,
                                          .children = footnote.blocks});
  return {std::move(list)};
}

// The footnotes set at the foot of the pages that refer to them: a smaller size, below a
// short rule. A note taller than half the body could crowd out its own reference; those
// few are returned in `endnotes`, to be set after the text.
struct Footnotes {
  std::vector<VBox> boxes;
  FootnoteBoxes index;
  std::vector<markdown::Block> endnotes;
};

// Each footnote is a Note under the Document, after the body, whether it is set at a page's
// foot or after the text.
Footnotes LayOutFootnotes(const std::vector<markdown::Footnote>& footnotes,
                          const FontMetrics& metrics, const PageStyle& style, LinkContext links,
                          int top_level, const Column& column, Structure& structure) {
  Footnotes out;
  if (footnotes.empty()) return out;
  PageStyle small = style;
  small.body_size = style.body_size * 0.82;
  VBox separator{.height = small.body_size * 1.1};
  separator.items.push_back(Rule{.x0 = column.left,
                                 .y0 = -separator.height * 0.4,
                                 .x1 = column.left + column.width / 3,
                                 .y1 = -separator.height * 0.4,
                                 .width = 0.5,
                                 .color = style.hairline});
  out.boxes.push_back(std::move(separator));  // index.separator: box 0
  for (const markdown::Footnote& footnote : footnotes) {
    std::vector<markdown::Block> list = FootnoteList(footnote);
    std::vector<VBox> note;
    const size_t elements = structure.size();
    const int tag = structure.Add(StructRole::kNote, Structure::kDocument);
    structure[tag].id = "fn" + std::to_string(footnote.number);
    BlockFlow flow(metrics, small, links, top_level, note, structure, tag);
    flow.Blocks(list, column);
    double height = 0;
    for (const VBox& box : note) height += box.height + box.space_before;
    if (note.empty() || height > style.body_height() / 2) {
      structure.Truncate(elements);  // laid out again, after the text
      // After the text, below a rule of the full column.
      if (out.endnotes.empty()) {
        out.endnotes.push_back(markdown::Block{.kind = markdown::BlockKind::kThematicBreak});
      }
      out.endnotes.push_back(std::move(list.front()));
      continue;
    }
    const size_t first = out.boxes.size();
    for (VBox& box : note) out.boxes.push_back(std::move(box));
    out.index.notes[footnote.number] = {first, out.boxes.size()};
  }
  return out;
}

// Footnotes too long for a page's foot, after the text: each list is a Note, the rule above
// them an artifact.
void EndNotes(const std::vector<markdown::Block>& endnotes, BlockFlow& flow, const Column& column,
              Structure& structure) {
  for (const markdown::Block& block : endnotes) {
    if (block.kind != markdown::BlockKind::kOrderedList || block.children.empty()) {
      flow.Blocks({block}, column);
      continue;
    }
    const int note = structure.Add(StructRole::kNote, Structure::kDocument);
    structure[note].id = "fn" + std::to_string(block.start);
    flow.BlocksIn(note, {block}, column);
  }
}

// The catalog's /Lang: a BCP 47 tag. Swedish text is Sweden's, as the municipalities are.
std::string PdfLanguage(const std::string& language) {
  if (language == "sv") return "sv-SE";
  if (language == "en") return "en";
  return language;
}

// The numbers of the contents list sit in a column of fixed width, so the second pass
// breaks and paginates as the first did and settles; the bound guards against a change
// that would make the passes disagree for ever.
constexpr int kMaxPasses = 3;

}  // namespace

LaidOutDocument LayOut(const SiteGraph& site, const SiteDocument& doc, const markdown::Body& body,
                       const FontMetrics& metrics, const PageStyle& style,
                       const std::vector<OfficialVersion>& official) {
  const SiteText& text = site.config().text;
  // Elements are made in reading order: title block, contents list, body, footnotes.
  Structure structure;
  std::vector<VBox> front = TitleBlock(doc, site.config(), metrics, style, structure, official);

  int top_level = 6;
  for (const markdown::Heading& heading : body.headings) {
    top_level = std::min(top_level, heading.level);
  }
  // An extract from the minutes is one paragraph of them: it has no contents list.
  const ContentsOptions contents{.min_headings = IsDecision(doc.meta())
                                                     ? std::numeric_limits<int>::max()
                                                     : site.config().pdf.toc_headings,
                                 .depth = site.config().pdf.toc_depth,
                                 .top_level = top_level};
  ContentsTags contents_tags;
  if (HasContents(body.headings, contents)) {
    contents_tags = {.structure = &structure,
                     .title = structure.Add(StructRole::kH2, Structure::kDocument),
                     .list = structure.Add(StructRole::kTOC, Structure::kDocument)};
  }

  std::vector<VBox> body_boxes;
  BlockFlow flow(metrics, style, LinkContext{&site, &doc}, top_level, body_boxes, structure);
  flow.Space(style.body_size * 2);
  const Column column{.left = style.body_left(),
                      .width = style.body_width(),
                      .gap = style.body_size * style.paragraph_gap};
  flow.Blocks(body.blocks, column);
  for (VBox& box : SendToList(doc, text, metrics, style, structure)) {
    body_boxes.push_back(std::move(box));
  }
  Footnotes footnotes = LayOutFootnotes(body.footnotes, metrics, style,
                                        LinkContext{&site, &doc}, top_level, column, structure);
  EndNotes(footnotes.endnotes, flow, column, structure);

  // The contents list shows where each heading landed, which is known only once the pages
  // are set: a first pass with blank numbers, then again with the numbers it found.
  LaidOutDocument out{.info = InfoFor(doc)};
  AnchorPages numbers;
  std::vector<VBox> toc;
  PagePlan plan;
  const size_t before_contents = structure.size();
  for (int pass = 1; pass <= kMaxPasses; ++pass) {
    structure.Truncate(before_contents);  // the entries of the pass before
    toc = TableOfContents(body.headings, numbers, contents, text, metrics, style,
                          contents_tags);
    const int previous_count = plan.pages;
    const BoxSequence boxes({&front, &toc, &body_boxes, &footnotes.boxes});
    plan = PlanPages(boxes, style, front.size() + toc.size() + body_boxes.size(),
                     footnotes.index);
    if (toc.empty()) break;
    AnchorPages found = FindAnchorPages(boxes, plan);
    const bool settled = pass > 1 && found == numbers && plan.pages == previous_count;
    numbers = std::move(found);
    if (settled) break;
  }
  BoxSequence boxes({&front, &toc, &body_boxes, &footnotes.boxes});
  out.pages = FillPages(boxes, plan, style, kFurnitureItems);
  for (const markdown::Heading& heading : body.headings) {
    if (heading.anchor.empty()) continue;
    out.outline.push_back(OutlineEntry{.level = std::clamp(heading.level - top_level + 1, 1, 6),
                                       .title = heading.text,
                                       .anchor = heading.anchor});
  }
  AddPageFurniture(out.pages, doc, text, metrics, style);
  out.structure = structure.Take();
  out.language = PdfLanguage(site.config().language);
  if (std::optional<TextRun> stamp = StatusStamp(doc, text, metrics, style)) {
    for (PageFrame& page : out.pages) page.items.insert(page.items.begin(), *stamp);
  }
  return out;
}

PdfInfo InfoFor(const SiteDocument& doc) {
  const FrontMatter& meta = doc.meta();
  PdfInfo info{.title = doc.title};
  // What `kansli verify` and the verify page read back from a copy whose bytes differ.
  info.identifier = "kansli:" + doc.id + ":v" + (doc.version ? doc.version->text() : "");
  info.author = meta.Has("author") ? meta.Value("author") : meta.Value("owner");
  info.subject = doc.type_label;
  if (meta.Has("organisation")) info.subject += " – " + meta.Value("organisation");
  for (const Spanned<std::string>& tag : meta.tags) {
    if (tag.value.empty()) continue;
    if (!info.keywords.empty()) info.keywords += ", ";
    info.keywords += tag.value;
  }
  if (std::optional<Date> date = VersionDate(meta)) info.date = *date;
  return info;
}

}  // namespace kansli::pdf
