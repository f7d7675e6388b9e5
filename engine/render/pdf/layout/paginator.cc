#include "render/pdf/layout/paginator.h"

namespace kansli::pdf {
namespace {

class Pages {
 public:
  explicit Pages(const PageStyle& style) : style_(style) { NewPage(); }

  bool empty_page() const { return empty_; }
  double room() const { return y_ - style_.body_bottom(); }

  void NewPage() {
    pages_.push_back({.width = style_.width, .height = style_.height});
    y_ = style_.body_top();
    empty_ = true;
  }

  void Place(const VBox& box) {
    if (!empty_) y_ -= box.space_before;
    for (FrameItem item : box.items) {
      Translate(item, y_);
      pages_.back().items.push_back(std::move(item));
    }
    y_ -= box.height;
    empty_ = false;
  }

  std::vector<PageFrame> Take() { return std::move(pages_); }

 private:
  const PageStyle& style_;
  std::vector<PageFrame> pages_;
  double y_ = 0;
  bool empty_ = true;
};

}  // namespace

std::vector<PageFrame> Paginate(const std::vector<VBox>& boxes, const PageStyle& style) {
  const size_t n = boxes.size();
  // chain[i]: the height box i needs below it on its page, counting the boxes it keeps
  // with it. Computed back to front, so a long run of kept boxes costs linear time.
  std::vector<double> chain(n, 0);
  for (size_t i = n; i-- > 0;) {
    chain[i] = boxes[i].height;
    if (boxes[i].keep_with_next && i + 1 < n) chain[i] += boxes[i + 1].space_before + chain[i + 1];
  }
  Pages pages(style);
  for (size_t i = 0; i < n; ++i) {
    const VBox& box = boxes[i];
    double need = chain[i] > style.body_height() ? box.height : chain[i];
    if (!pages.empty_page() && pages.room() < box.space_before + need) pages.NewPage();
    if (pages.empty_page() && box.repeat_header >= 0 &&
        static_cast<size_t>(box.repeat_header) < i) {
      pages.Place(boxes[box.repeat_header]);
    }
    pages.Place(box);
  }
  return pages.Take();
}

}  // namespace kansli::pdf
