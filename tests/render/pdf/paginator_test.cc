#include "render/pdf/layout/paginator.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kansli::pdf {
namespace {

const PageStyle kStyle;

VBox Box(double height, std::string text, bool keep = false, double space = 0) {
  VBox box{.height = height, .space_before = space, .keep_with_next = keep};
  box.items.push_back(TextRun{.size = 10, .x = 72, .y = -height * 0.8, .utf8 = std::move(text)});
  return box;
}

// Page index and baseline of the run with this text.
std::pair<int, double> Where(const std::vector<PageFrame>& pages, const std::string& text) {
  for (size_t p = 0; p < pages.size(); ++p) {
    for (const FrameItem& item : pages[p].items) {
      const auto* run = std::get_if<TextRun>(&item);
      if (run != nullptr && run->utf8 == text) return {static_cast<int>(p), run->y};
    }
  }
  return {-1, 0};
}

// Boxes of 10 points that leave `room` points free at the bottom of page 1.
std::vector<VBox> FillPageLeaving(double room) {
  std::vector<VBox> boxes;
  double used = 0;
  for (int i = 0; used + 10 <= kStyle.body_height() - room; ++i, used += 10) {
    boxes.push_back(Box(10, "fyll " + std::to_string(i)));
  }
  boxes.push_back(Box(kStyle.body_height() - room - used, "rest"));
  return boxes;
}

TEST(Paginate, AlwaysGivesAtLeastOnePage) {
  std::vector<PageFrame> pages = Paginate({}, kStyle);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_DOUBLE_EQ(pages[0].width, kStyle.width);
  EXPECT_DOUBLE_EQ(pages[0].height, kStyle.height);
}

TEST(Paginate, StartsANewPageWhenABoxDoesNotFit) {
  std::vector<VBox> boxes = FillPageLeaving(9);
  boxes.push_back(Box(10, "nästa"));
  std::vector<PageFrame> pages = Paginate(boxes, kStyle);
  EXPECT_EQ(pages.size(), 2u);
  EXPECT_EQ(Where(pages, "rest").first, 0);
  EXPECT_EQ(Where(pages, "nästa").first, 1);
}

TEST(Paginate, NeverLeavesAHeadingLastOnAPage) {
  std::vector<VBox> boxes = FillPageLeaving(15);
  boxes.push_back(Box(12, "Rubrik", true));  // fits alone, but not with its first line
  boxes.push_back(Box(10, "första raden"));
  std::vector<PageFrame> pages = Paginate(boxes, kStyle);
  EXPECT_EQ(Where(pages, "Rubrik").first, 1);
  EXPECT_EQ(Where(pages, "första raden").first, 1);
}

TEST(Paginate, KeepsAHeadingWhenItAndItsLineFit) {
  std::vector<VBox> boxes = FillPageLeaving(23);
  boxes.push_back(Box(12, "Rubrik", true));
  boxes.push_back(Box(10, "första raden"));
  EXPECT_EQ(Where(Paginate(boxes, kStyle), "Rubrik").first, 0);
}

TEST(Paginate, DropsTheSpaceBeforeABoxThatStartsAPage) {
  std::vector<VBox> boxes = FillPageLeaving(5);
  boxes.push_back(Box(10, "överst", false, 20));
  auto [page, baseline] = Where(Paginate(boxes, kStyle), "överst");
  EXPECT_EQ(page, 1);
  EXPECT_DOUBLE_EQ(baseline, kStyle.body_top() - 8);
}

TEST(Paginate, RepeatsATableHeaderAboveARowThatStartsAPage) {
  std::vector<VBox> boxes = FillPageLeaving(40);
  int header = static_cast<int>(boxes.size());
  boxes.push_back(Box(12, "Kolumn", true));
  for (int i = 0; i < 3; ++i) {
    boxes.push_back(Box(10, "rad " + std::to_string(i)));
    boxes.back().repeat_header = header;
  }
  std::vector<PageFrame> pages = Paginate(boxes, kStyle);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(Where(pages, "rad 1").first, 0);
  auto [page, baseline] = Where(pages, "rad 2");
  EXPECT_EQ(page, 1);
  EXPECT_DOUBLE_EQ(baseline, kStyle.body_top() - 12 - 8);  // below the repeated header
  int headers_on_page_2 = 0;
  for (const FrameItem& item : pages[1].items) {
    if (std::get<TextRun>(item).utf8 == "Kolumn") ++headers_on_page_2;
  }
  EXPECT_EQ(headers_on_page_2, 1);
}

TEST(Paginate, GivesUpKeepingBoxesThatCouldNeverFitTogether) {
  std::vector<VBox> boxes;
  for (int i = 0; i < 200; ++i) boxes.push_back(Box(10, "k" + std::to_string(i), true));
  std::vector<PageFrame> pages = Paginate(boxes, kStyle);
  EXPECT_EQ(pages.size(), 3u);
  EXPECT_EQ(Where(pages, "k0").first, 0);
}

TEST(PlanPages, ReadsSeveralFlowsAsOneWithHeadersCountedInTheirOwnFlow) {
  std::vector<VBox> front = {Box(30, "titel")};
  std::vector<VBox> table = FillPageLeaving(70);  // 40 points after the title
  const int header = static_cast<int>(table.size());
  table.push_back(Box(12, "Kolumn", true));
  for (int i = 0; i < 3; ++i) {
    table.push_back(Box(10, "rad " + std::to_string(i)));
    table.back().repeat_header = header;  // counted within `table`
  }
  BoxSequence boxes({&front, &table});
  ASSERT_EQ(boxes.size(), table.size() + 1);
  EXPECT_EQ(boxes.header(boxes.size() - 1), header + 1);
  const PagePlan plan = PlanPages(boxes, kStyle);
  ASSERT_EQ(plan.pages, 2);
  // The header that starts page 2 is planned again there, right before the row it heads.
  int header_places = 0;
  for (const PlacedBox& placed : plan.placed) header_places += placed.box == size_t(header) + 1;
  EXPECT_EQ(header_places, 2);

  std::vector<PageFrame> pages = FillPages(boxes, plan, kStyle);
  EXPECT_EQ(Where(pages, "titel").first, 0);
  EXPECT_EQ(Where(pages, "rad 2").first, 1);
  int headers = 0;
  for (const PageFrame& page : pages) {
    for (const FrameItem& item : page.items) headers += std::get<TextRun>(item).utf8 == "Kolumn";
  }
  EXPECT_EQ(headers, 2);  // copied for the second page
  // Boxes placed once gave their items to the pages.
  EXPECT_TRUE(front[0].items.empty());
}

TEST(FillPages, ReservesRoomForTheItemsAddedAfterTheBoxes) {
  std::vector<VBox> boxes = {Box(10, "ett"), Box(10, "två")};
  BoxSequence sequence({&boxes});
  const PagePlan plan = PlanPages(sequence, kStyle);
  std::vector<PageFrame> pages = FillPages(sequence, plan, kStyle, 12);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].items.size(), 2u);
  // The header and footer go in without moving the page's items to a bigger vector.
  EXPECT_GE(pages[0].items.capacity(), 14u);
}

TEST(PlanPages, PlacesAsPaginateDoes) {
  std::vector<VBox> boxes = FillPageLeaving(25);
  boxes.push_back(Box(12, "Rubrik", true, 6));
  boxes.push_back(Box(20, "stycke"));
  BoxSequence sequence({&boxes});
  const PagePlan plan = PlanPages(sequence, kStyle);
  const std::vector<PageFrame> pages = Paginate(boxes, kStyle);
  ASSERT_EQ(static_cast<size_t>(plan.pages), pages.size());
  EXPECT_EQ(plan.placed.back().page, Where(pages, "stycke").first);
  EXPECT_EQ(plan.placed[plan.placed.size() - 2].page, Where(pages, "Rubrik").first);
}

// A text flow and its footnotes (a rule of 6 points, then note N as one box of `height`).
struct WithNotes {
  std::vector<VBox> text;
  std::vector<VBox> notes;
  FootnoteBoxes index;

  void AddNote(int number, double height) {
    if (notes.empty()) notes.push_back(Box(6, "——"));
    const size_t first = notes.size();
    notes.push_back(Box(height, "not " + std::to_string(number)));
    index.notes[number] = {first, notes.size()};
  }
  std::pair<PagePlan, std::vector<PageFrame>> Lay() {
    BoxSequence boxes({&text, &notes});
    PagePlan plan = PlanPages(boxes, kStyle, text.size(), index);
    std::vector<PageFrame> pages = FillPages(boxes, plan, kStyle);
    return {plan, std::move(pages)};
  }
};

TEST(PlanPages, SetsAFootnoteAtTheFootOfThePageItsReferenceLandsOn) {
  WithNotes doc;
  doc.text = FillPageLeaving(200);
  doc.text.push_back(Box(10, "ref"));
  doc.text.back().footnotes = {1};
  doc.text.push_back(Box(10, "efter"));
  doc.AddNote(1, 20);
  auto [plan, pages] = doc.Lay();
  ASSERT_EQ(pages.size(), 1u);
  auto [page, baseline] = Where(pages, "not 1");
  EXPECT_EQ(page, 0);
  // The note's box ends at the foot of the body, its rule right above it, the text above that.
  EXPECT_DOUBLE_EQ(baseline, kStyle.body_bottom() + 20 - 16);
  EXPECT_DOUBLE_EQ(Where(pages, "——").second, kStyle.body_bottom() + 26 - 4.8);
  EXPECT_GT(Where(pages, "efter").second, kStyle.body_bottom() + 26);
}

TEST(PlanPages, MovesALineToTheNextPageWhenItsNoteWouldNotFitBelowIt) {
  WithNotes doc;
  doc.text = FillPageLeaving(30);  // room for the line, not for the line and its note
  doc.text.push_back(Box(10, "ref"));
  doc.text.back().footnotes = {1};
  doc.AddNote(1, 40);
  auto [plan, pages] = doc.Lay();
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(Where(pages, "ref").first, 1);
  EXPECT_EQ(Where(pages, "not 1").first, 1);
}

TEST(PlanPages, SetsANoteOnceThoughReferredToTwiceAndEveryNoteOfALine) {
  WithNotes doc;
  doc.text.push_back(Box(10, "a"));
  doc.text.back().footnotes = {1, 2, 1};
  doc.text.push_back(Box(10, "b"));
  doc.text.back().footnotes = {2, 7};  // 7 is no note this flow knows: ignored
  doc.AddNote(1, 10);
  doc.AddNote(2, 10);
  auto [plan, pages] = doc.Lay();
  ASSERT_EQ(pages.size(), 1u);
  int notes = 0, rules = 0;
  for (const FrameItem& item : pages[0].items) {
    const std::string& text = std::get<TextRun>(item).utf8;
    notes += text.starts_with("not ");
    rules += text == "——";
  }
  EXPECT_EQ(notes, 2);
  EXPECT_EQ(rules, 1);
  EXPECT_GT(Where(pages, "not 1").second, Where(pages, "not 2").second);  // in number order
}

TEST(PlanPages, CarriesNotesAPageCannotHoldToTheNextPage) {
  WithNotes doc;
  // One line on a page, referring to more notes than the page has room for.
  doc.text.push_back(Box(10, "ref"));
  for (int n = 1; n <= 4; ++n) {
    doc.AddNote(n, kStyle.body_height() * 0.3);
    doc.text.back().footnotes.push_back(n);
  }
  auto [plan, pages] = doc.Lay();
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(Where(pages, "not 1").first, 0);
  EXPECT_EQ(Where(pages, "not 4").first, 1);
  for (const PageFrame& page : pages) {
    for (const FrameItem& item : page.items) {
      EXPECT_GE(std::get<TextRun>(item).y, kStyle.body_bottom());
    }
  }
}

}  // namespace
}  // namespace kansli::pdf
