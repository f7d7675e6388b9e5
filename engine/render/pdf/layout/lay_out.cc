#include "render/pdf/layout/lay_out.h"

#include <algorithm>
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

// Footnotes are set after the text, below a rule, as a list numbered like their references.
std::vector<markdown::Block> FootnoteBlocks(const std::vector<markdown::Footnote>& footnotes) {
  if (footnotes.empty()) return {};
  markdown::Block list{.kind = markdown::BlockKind::kOrderedList, .start = 1};
  for (const markdown::Footnote& footnote : footnotes) {
    list.children.push_back(markdown::Block{.kind = markdown::BlockKind::kListItem,
                                            .line = footnote.line,
                                            .children = footnote.blocks});
  }
  return {markdown::Block{.kind = markdown::BlockKind::kThematicBreak}, std::move(list)};
}



// The numbers of the contents list sit in a column of fixed width, so the second pass
// breaks and paginates as the first did and settles; the bound guards against a change
// that would make the passes disagree for ever.
constexpr int kMaxPasses = 3;

}  // namespace

LaidOutDocument LayOut(const SiteGraph& site, const SiteDocument& doc, const FontMetrics& metrics,
                       const PageStyle& style) {
  const SiteText& text = site.config().text;
  std::vector<VBox> front = TitleBlock(doc, text, metrics, style);

  int top_level = 6;
  for (const markdown::Heading& heading : doc.body().headings) {
    top_level = std::min(top_level, heading.level);
  }
  std::vector<VBox> body;
  BlockFlow flow(metrics, style, LinkContext{&site, &doc}, top_level, body);
  flow.Space(style.body_size * 2);
  const Column column{.left = style.body_left(),
                      .width = style.body_width(),
                      .gap = style.body_size * style.paragraph_gap};
  flow.Blocks(doc.body().blocks, column);
  flow.Blocks(FootnoteBlocks(doc.body().footnotes), column);

  // The contents list shows where each heading landed, which is known only once the pages
  // are set: a first pass with blank numbers, then again with the numbers it found.
  const ContentsOptions contents{.min_headings = site.config().pdf.toc_headings,
                                 .depth = site.config().pdf.toc_depth,
                                 .top_level = top_level};
  LaidOutDocument out{.info = InfoFor(doc)};
  AnchorPages numbers;
  std::vector<VBox> toc;
  PagePlan plan;
  for (int pass = 1; pass <= kMaxPasses; ++pass) {
    toc = TableOfContents(doc.body().headings, numbers, contents, text, metrics, style);
    const int previous_count = plan.pages;
    plan = PlanPages(BoxSequence({&front, &toc, &body}), style);
    if (toc.empty()) break;
    AnchorPages found = FindAnchorPages(BoxSequence({&front, &toc, &body}), plan);
    const bool settled = pass > 1 && found == numbers && plan.pages == previous_count;
    numbers = std::move(found);
    if (settled) break;
  }
  BoxSequence boxes({&front, &toc, &body});
  out.pages = FillPages(boxes, plan, style);
  for (const markdown::Heading& heading : doc.body().headings) {
    if (heading.anchor.empty()) continue;
    out.outline.push_back(OutlineEntry{.level = std::clamp(heading.level - top_level + 1, 1, 6),
                                       .title = heading.text,
                                       .anchor = heading.anchor});
  }
  AddPageFurniture(out.pages, doc, text, metrics, style);
  if (std::optional<TextRun> stamp = StatusStamp(doc, text, metrics, style)) {
    for (PageFrame& page : out.pages) page.items.insert(page.items.begin(), *stamp);
  }
  return out;
}

PdfInfo InfoFor(const SiteDocument& doc) {
  const FrontMatter& meta = doc.meta();
  PdfInfo info{.title = doc.title};
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
