// Boxes → pages: fills each page's body area top to bottom. Planning where boxes go is apart
// from moving their items onto pages, so a layout that paginates more than once (the
// contents list's two passes) copies no items until the pages are final.
#pragma once

#include <initializer_list>
#include <map>
#include <utility>
#include <vector>

#include "render/pdf/layout/frame.h"
#include "render/pdf/layout/page_style.h"
#include "render/pdf/layout/vbox.h"

namespace kansli::pdf {

// Several flows of boxes (title block, contents list, body) read as one, without copying
// them. A box's repeat_header counts within its own flow.
class BoxSequence {
 public:
  explicit BoxSequence(std::initializer_list<std::vector<VBox>*> flows);

  size_t size() const { return boxes_.size(); }
  const VBox& operator[](size_t i) const { return *boxes_[i]; }
  VBox& at(size_t i) { return *boxes_[i]; }
  // The index in this sequence of box i's repeated header, or -1.
  int header(size_t i) const { return headers_[i]; }

 private:
  std::vector<VBox*> boxes_;
  std::vector<int> headers_;
};

// One box set on a page: its index in the sequence, the page (from 0) and the y of its top.
struct PlacedBox {
  size_t box = 0;
  int page = 0;
  double top = 0;
};

struct PagePlan {
  std::vector<PlacedBox> placed;  // in page order; a repeated header appears once per page
  int pages = 1;
};

// A document's footnotes: boxes after the text flow in the same sequence, counted from
// where the text flow ends.
struct FootnoteBoxes {
  size_t separator = 0;                            // the short rule above a page's notes
  std::map<int, std::pair<size_t, size_t>> notes;  // footnote number → its boxes [first, end)
};

// Rules: the space before a box is dropped at the top of a page; a box marked
// keep_with_next moves to the next page with the boxes it keeps (unless they could not fit
// on any page together); a box with repeat_header that starts a page gets a copy of that
// header box above it. There is always at least one page.
// Footnotes: boxes [0, flow_end) are the text; a footnote a box refers to is set at the foot
// of the page the box lands on, below the separator, the box moving to the next page when
// its line and note do not both fit. A note that cannot fit there after all (a page of
// references) goes to the foot of the next page. Notes are never split.
PagePlan PlanPages(const BoxSequence& boxes, const PageStyle& style, size_t flow_end,
                   const FootnoteBoxes& footnotes);
// Without footnotes: every box is text.
PagePlan PlanPages(const BoxSequence& boxes, const PageStyle& style);

// The pages of `plan`, each box's items moved onto its page (a header set on several pages
// is copied). The boxes are left without items. `room`: how many items each page will get
// after its boxes (header, footer, stamp), reserved with the rest so that adding them does
// not move the page's items again.
std::vector<PageFrame> FillPages(BoxSequence& boxes, const PagePlan& plan,
                                 const PageStyle& style, size_t room = 0);

// PlanPages and FillPages on a copy of `boxes`.
std::vector<PageFrame> Paginate(std::vector<VBox> boxes, const PageStyle& style);

}  // namespace kansli::pdf
