#include "render/pdf/layout/lay_out.h"

#include <algorithm>

#include "document/lifecycle.h"
#include "render/pdf/layout/block_flow.h"
#include "render/pdf/layout/page_furniture.h"
#include "render/pdf/layout/paginator.h"
#include "render/pdf/layout/status_stamp.h"
#include "render/pdf/layout/title_block.h"

namespace kansli::pdf {

LaidOutDocument LayOut(const SiteGraph& site, const SiteDocument& doc, const FontMetrics& metrics,
                       const PageStyle& style) {
  std::vector<VBox> boxes = TitleBlock(doc, site.config().text, metrics, style);

  int top_level = 6;
  for (const markdown::Heading& heading : doc.body().headings) {
    top_level = std::min(top_level, heading.level);
  }
  BlockFlow flow(metrics, style, LinkContext{&site, &doc}, top_level, boxes);
  flow.Space(style.body_size * 2);
  flow.Blocks(doc.body().blocks, Column{.left = style.body_left(),
                                        .width = style.body_width(),
                                        .gap = style.body_size * style.paragraph_gap});

  LaidOutDocument out{.pages = Paginate(boxes, style), .info = InfoFor(doc)};
  AddPageFurniture(out.pages, doc, site.config().text, metrics, style);
  if (std::optional<TextRun> stamp = StatusStamp(doc, site.config().text, metrics, style)) {
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
