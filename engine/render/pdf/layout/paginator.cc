#include "render/pdf/layout/paginator.h"

#include <algorithm>
#include <set>

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

namespace {

// Plans one document; footnote state lives with the page being filled.
class Planner {
 public:
  Planner(const BoxSequence& boxes, const PageStyle& style, size_t flow_end,
          const FootnoteBoxes& footnotes)
      : boxes_(boxes), style_(style), flow_end_(flow_end), footnotes_(footnotes) {}

  PagePlan Run() {
    const size_t n = flow_end_;
    // chain[i]: the height box i needs below it on its page, counting the boxes it keeps
    // with it. Computed back to front, so a long run of kept boxes costs linear time.
    std::vector<double> chain(n, 0);
    for (size_t i = n; i-- > 0;) {
      chain[i] = boxes_[i].height;
      if (boxes_[i].keep_with_next && i + 1 < n) {
        chain[i] += boxes_[i + 1].space_before + chain[i + 1];
      }
    }
    y_ = style_.body_top();
    for (size_t i = 0; i < n; ++i) {
      const VBox& box = boxes_[i];
      const double need = chain[i] > style_.body_height() ? box.height : chain[i];
      std::vector<int> notes = NewNotes(box);
      if (!empty_ && room() < box.space_before + need + NotesHeight(notes)) NewPage();
      const int header = boxes_.header(i);
      if (empty_ && header >= 0 && static_cast<size_t>(header) < i) Place(header);
      Place(i);
      for (int note : notes) {
        noted_.insert(note);
        if (!AddNote(note)) carried_.push_back(note);
      }
    }
    while (!carried_.empty()) NewPage();
    ClosePage();
    return std::move(plan_);
  }

 private:
  double room() const { return y_ - style_.body_bottom() - notes_height_; }

  void Place(size_t i) {
    if (!empty_) y_ -= boxes_[i].space_before;
    plan_.placed.push_back(PlacedBox{.box = i, .page = plan_.pages - 1, .top = y_});
    y_ -= boxes_[i].height;
    empty_ = false;
  }

  // The footnotes `box` refers to that no earlier box did.
  std::vector<int> NewNotes(const VBox& box) const {
    std::vector<int> notes;
    for (int note : box.footnotes) {
      if (!footnotes_.notes.contains(note)) continue;
      if (noted_.contains(note)) continue;
      if (std::find(notes.begin(), notes.end(), note) != notes.end()) continue;
      notes.push_back(note);
    }
    return notes;
  }

  double NoteHeight(int note) const {
    const auto [first, end] = footnotes_.notes.at(note);
    double height = 0;
    for (size_t k = first; k < end; ++k) {
      height += boxes_[flow_end_ + k].height + (k > first ? boxes_[flow_end_ + k].space_before : 0);
    }
    return height;
  }

  // What `notes` add to this page's foot, the separator included if they are its first.
  double NotesHeight(const std::vector<int>& notes) const {
    double height = 0;
    for (int note : notes) height += NoteHeight(note);
    if (height > 0 && page_notes_.empty()) height += boxes_[flow_end_ + footnotes_.separator].height;
    return height;
  }

  // Sets `note` at this page's foot if it fits there (on a page without notes, it always
  // goes, so a note taller than the room left still gets set once).
  bool AddNote(int note) {
    const double height = NotesHeight({note});
    if (room() < height && !(empty_ && page_notes_.empty())) return false;
    page_notes_.push_back(note);
    notes_height_ += height;
    return true;
  }

  void NewPage() {
    ClosePage();
    ++plan_.pages;
    y_ = style_.body_top();
    empty_ = true;
    std::vector<int> carried = std::move(carried_);
    carried_.clear();
    for (int note : carried) {
      if (!AddNote(note)) carried_.push_back(note);
    }
  }

  // Plans the page's notes upward from the foot of its body: separator, then each note.
  void ClosePage() {
    if (page_notes_.empty()) return;
    double top = style_.body_bottom() + notes_height_;
    const size_t separator = flow_end_ + footnotes_.separator;
    plan_.placed.push_back(PlacedBox{.box = separator, .page = plan_.pages - 1, .top = top});
    top -= boxes_[separator].height;
    for (int note : page_notes_) {
      const auto [first, end] = footnotes_.notes.at(note);
      for (size_t k = first; k < end; ++k) {
        if (k > first) top -= boxes_[flow_end_ + k].space_before;
        plan_.placed.push_back(PlacedBox{.box = flow_end_ + k, .page = plan_.pages - 1, .top = top});
        top -= boxes_[flow_end_ + k].height;
      }
    }
    page_notes_.clear();
    notes_height_ = 0;
  }

  const BoxSequence& boxes_;
  const PageStyle& style_;
  const size_t flow_end_;
  const FootnoteBoxes& footnotes_;
  PagePlan plan_;
  double y_ = 0;
  bool empty_ = true;
  std::set<int> noted_;          // notes already given a page (or carried to the next)
  std::vector<int> page_notes_;  // set at this page's foot
  double notes_height_ = 0;      // theirs, with the separator
  std::vector<int> carried_;     // referenced on a page too full for them: the next page's
};

}  // namespace

PagePlan PlanPages(const BoxSequence& boxes, const PageStyle& style, size_t flow_end,
                   const FootnoteBoxes& footnotes) {
  return Planner(boxes, style, std::min(flow_end, boxes.size()), footnotes).Run();
}

PagePlan PlanPages(const BoxSequence& boxes, const PageStyle& style) {
  return PlanPages(boxes, style, boxes.size(), FootnoteBoxes{});
}

std::vector<PageFrame> FillPages(BoxSequence& boxes, const PagePlan& plan,
                                 const PageStyle& style, size_t room) {
  std::vector<PageFrame> pages(static_cast<size_t>(plan.pages),
                               PageFrame{.width = style.width, .height = style.height});
  // A box placed once gives its items away; a repeated header is copied every time.
  std::vector<int> uses(boxes.size(), 0);
  std::vector<int> seen(boxes.size(), 0);
  std::vector<size_t> counts(pages.size(), 0);
  for (const PlacedBox& placed : plan.placed) {
    ++uses[placed.box];
    counts[static_cast<size_t>(placed.page)] += boxes[placed.box].items.size();
  }
  // Reserved, so a page's items are moved once rather than again as its vector grows: a
  // page holds some 400 items of 144 bytes, and fresh memory costs a page fault per 4 KB.
  for (size_t p = 0; p < pages.size(); ++p) pages[p].items.reserve(counts[p] + room);
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
    // A table's header set again above its continuation is furniture: a screen reader has
    // read it once, where the table starts.
    const bool repeat = uses[placed.box] > 1 && seen[placed.box]++ > 0;
    for (size_t k = first; k < page.size(); ++k) {
      Translate(page[k], placed.top);
      if (repeat) SetTag(page[k], kArtifact);
    }
  }
  return pages;
}

std::vector<PageFrame> Paginate(std::vector<VBox> boxes, const PageStyle& style) {
  BoxSequence sequence({&boxes});
  const PagePlan plan = PlanPages(sequence, style);
  return FillPages(sequence, plan, style);
}

}  // namespace kansli::pdf
