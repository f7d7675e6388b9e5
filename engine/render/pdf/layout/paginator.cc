#include "render/pdf/layout/paginator.h"

namespace kansli::pdf {

BoxSequence::BoxSequence(std::initializer_list<std::vector<VBox>*> flows) {
  for (std::vector<VBox>* flow : flows) {
    const int offset = static_cast<int>(boxes_.size());
    for (VBox& box : *flow) {
      boxes_.push_back(&box);
      headers_.push_back(box.repeat_header >= 0 ? box.repeat_header + offset : -1);
    }
  }
}

PagePlan PlanPages(const BoxSequence& boxes, const PageStyle& style) {
  const size_t n = boxes.size();
  // chain[i]: the height box i needs below it on its page, counting the boxes it keeps
  // with it. Computed back to front, so a long run of kept boxes costs linear time.
  std::vector<double> chain(n, 0);
  for (size_t i = n; i-- > 0;) {
    chain[i] = boxes[i].height;
    if (boxes[i].keep_with_next && i + 1 < n) chain[i] += boxes[i + 1].space_before + chain[i + 1];
  }
  PagePlan plan;
  double y = style.body_top();
  bool empty = true;
  auto place = [&](size_t i) {
    if (!empty) y -= boxes[i].space_before;
    plan.placed.push_back(PlacedBox{.box = i, .page = plan.pages - 1, .top = y});
    y -= boxes[i].height;
    empty = false;
  };
  for (size_t i = 0; i < n; ++i) {
    const VBox& box = boxes[i];
    const double need = chain[i] > style.body_height() ? box.height : chain[i];
    if (!empty && y - style.body_bottom() < box.space_before + need) {
      ++plan.pages;
      y = style.body_top();
      empty = true;
    }
    const int header = boxes.header(i);
    if (empty && header >= 0 && static_cast<size_t>(header) < i) place(header);
    place(i);
  }
  return plan;
}

std::vector<PageFrame> FillPages(BoxSequence& boxes, const PagePlan& plan,
                                 const PageStyle& style) {
  std::vector<PageFrame> pages(static_cast<size_t>(plan.pages),
                               PageFrame{.width = style.width, .height = style.height});
  // A box placed once gives its items away; a repeated header is copied every time.
  std::vector<int> uses(boxes.size(), 0);
  std::vector<size_t> counts(pages.size(), 0);
  for (const PlacedBox& placed : plan.placed) {
    ++uses[placed.box];
    counts[static_cast<size_t>(placed.page)] += boxes[placed.box].items.size();
  }
  // Reserved, so a page's items are moved once rather than again as its vector grows.
  for (size_t p = 0; p < pages.size(); ++p) pages[p].items.reserve(counts[p]);
  for (const PlacedBox& placed : plan.placed) {
    std::vector<FrameItem>& items = boxes.at(placed.box).items;
    std::vector<FrameItem>& page = pages[static_cast<size_t>(placed.page)].items;
    const size_t first = page.size();
    if (uses[placed.box] == 1) {
      page.insert(page.end(), std::make_move_iterator(items.begin()),
                  std::make_move_iterator(items.end()));
      items.clear();
    } else {
      page.insert(page.end(), items.begin(), items.end());
    }
    for (size_t k = first; k < page.size(); ++k) Translate(page[k], placed.top);
  }
  return pages;
}

std::vector<PageFrame> Paginate(std::vector<VBox> boxes, const PageStyle& style) {
  BoxSequence sequence({&boxes});
  const PagePlan plan = PlanPages(sequence, style);
  return FillPages(sequence, plan, style);
}

}  // namespace kansli::pdf
