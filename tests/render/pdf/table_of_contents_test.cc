#include "render/pdf/layout/table_of_contents.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "render/pdf/layout_fixture.h"

namespace kansli::pdf {
namespace {

using testing::FindRun;
using testing::LaidOutSite;
using testing::LongBody;
using testing::PolicyTxtar;

const PageStyle kStyle;

// One contents entry as it reads on the page: the LinkArea lines with the same anchor.
struct Entry {
  int page = 0;  // 1-based
  std::string anchor;
  std::string title;   // the lines' text, joined by spaces
  std::string number;  // "" if none is shown
  int lines = 0;
  double left = 0;       // where the title starts
  double title_end = 0;  // right end of the widest title line
  int number_line = -1;  // which line carries the number
};

bool IsNumber(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(),
                                      [](unsigned char c) { return std::isdigit(c) != 0; });
}

std::vector<Entry> Entries(const LaidOutDocument& doc, const FontMetrics& metrics) {
  std::vector<Entry> entries;
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    for (const FrameItem& item : doc.pages[p].items) {
      const auto* link = std::get_if<LinkArea>(&item);
      if (link == nullptr || link->anchor.empty()) continue;
      EXPECT_TRUE(link->uri.empty());
      if (entries.empty() || entries.back().anchor != link->anchor ||
          entries.back().page != static_cast<int>(p) + 1) {
        entries.push_back(
            {.page = static_cast<int>(p) + 1, .anchor = link->anchor, .left = link->area.x1});
      }
      Entry& entry = entries.back();
      for (const TextRun& run : testing::Runs(doc.pages[p])) {
        if (run.y <= link->area.y0 || run.y >= link->area.y1) continue;
        const double end = run.x + metrics.Width(run.face, run.size, run.utf8);
        if (run.utf8.starts_with(".") && run.color == kStyle.muted) continue;  // leaders
        if (IsNumber(run.utf8) && std::abs(end - kStyle.body_right()) < 1e-6) {
          entry.number = run.utf8;
          entry.number_line = entry.lines;
          continue;
        }
        if (!entry.title.empty()) entry.title += " ";
        entry.title += run.utf8;
        entry.left = std::min(entry.left, run.x);
        entry.title_end = std::max(entry.title_end, end);
      }
      ++entry.lines;
    }
  }
  return entries;
}

// The page each heading's text is set on in the body, as a reader finds it: the run in the
// top heading size, which the contents list never uses.
int HeadingPage(const LaidOutDocument& doc, const std::string& title) {
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    for (const TextRun& run : testing::Runs(doc.pages[p])) {
      if (run.utf8 == title && run.size == kStyle.HeadingSize(1)) return static_cast<int>(p) + 1;
    }
  }
  return 0;
}

std::string WithSettings(std::string_view pdf_settings, std::string_view body) {
  return "-- kansli.yaml --\n" + std::string(kansli::testing::kTestConfig) + "pdf:\n" +
         std::string(pdf_settings) + PolicyTxtar(body);
}

TEST(TableOfContents, NoListAtOrBelowTheHeadingThreshold) {
  LaidOutSite five(PolicyTxtar(LongBody(5)));
  const LaidOutDocument doc = five.Lay("a");
  EXPECT_TRUE(Entries(doc, five.metrics()).empty());
  EXPECT_EQ(FindRun(doc.pages.at(0), "Innehåll"), nullptr);

  LaidOutSite six(PolicyTxtar(LongBody(6)));
  const LaidOutDocument listed = six.Lay("a");
  EXPECT_NE(FindRun(listed.pages.at(0), "Innehåll"), nullptr);
  EXPECT_EQ(Entries(listed, six.metrics()).size(), 6u);

  LaidOutSite raised(WithSettings("  toc_headings: 8\n", LongBody(8)));
  EXPECT_TRUE(Entries(raised.Lay("a"), raised.metrics()).empty());
}

TEST(TableOfContents, ComesAfterTheTitleBlockAndBeforeTheBody) {
  LaidOutSite site(PolicyTxtar(LongBody(6)));
  const PageFrame page = site.Lay("a").pages.at(0);
  const TextRun* title = FindRun(page, "Innehåll");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->face, FontFace::kBold);
  EXPECT_LT(title->y, FindRun(page, "Dokumentansvarig")->y);
  const std::vector<Entry> entries = Entries(site.Lay("a"), site.metrics());
  ASSERT_EQ(entries.size(), 6u);
  EXPECT_EQ(entries[0].title, "Avsnitt 0");
  EXPECT_EQ(entries[5].title, "Avsnitt 5");
  double body_heading_y = 1e9;
  for (const TextRun& run : testing::Runs(page)) {
    if (run.utf8 == "Avsnitt 0" && run.size == kStyle.HeadingSize(1)) body_heading_y = run.y;
  }
  ASSERT_LT(body_heading_y, 1e9);
  for (const TextRun& run : testing::Runs(page)) {
    if (run.utf8 == "Avsnitt 5" && run.size == kStyle.body_size) {
      EXPECT_GT(run.y, body_heading_y);
    }
  }
}

TEST(TableOfContents, ShowsThePagesWhereTheHeadingsLanded) {
  LaidOutSite site(PolicyTxtar(LongBody(40)));
  const LaidOutDocument doc = site.Lay("a");
  ASSERT_GT(doc.pages.size(), 4u);
  const AnchorPages anchors = FindAnchorPages(doc.pages);
  const std::vector<Entry> entries = Entries(doc, site.metrics());
  ASSERT_EQ(entries.size(), 40u);
  std::vector<std::string> numbers;
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& entry = entries[i];
    EXPECT_EQ(entry.title, "Avsnitt " + std::to_string(i));
    ASSERT_TRUE(anchors.contains(entry.anchor)) << entry.anchor;
    EXPECT_EQ(entry.number, std::to_string(anchors.at(entry.anchor))) << entry.title;
    EXPECT_EQ(entry.number, std::to_string(HeadingPage(doc, entry.title))) << entry.title;
    numbers.push_back(entry.number);
  }
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  EXPECT_GE(numbers.size(), 4u);  // the headings really are spread over the pages
}

TEST(TableOfContents, KeepsNumbersRightWhenTheListItselfTakesSeveralPages) {
  LaidOutSite site(PolicyTxtar(LongBody(150)));
  const LaidOutDocument doc = site.Lay("a");
  const std::vector<Entry> entries = Entries(doc, site.metrics());
  ASSERT_EQ(entries.size(), 150u);
  EXPECT_GE(entries.back().page, 3);  // the list alone fills more than two pages
  for (const Entry& entry : entries) {
    EXPECT_EQ(entry.number, std::to_string(HeadingPage(doc, entry.title))) << entry.title;
    EXPECT_GT(std::stoi(entry.number), entries.back().page - 1) << entry.title;
  }
}

TEST(TableOfContents, LinksEachEntryToItsHeadingsAnchor) {
  LaidOutSite site(PolicyTxtar(LongBody(12)));
  const LaidOutDocument doc = site.Lay("a");
  const AnchorPages anchors = FindAnchorPages(doc.pages);
  const std::vector<Entry> entries = Entries(doc, site.metrics());
  ASSERT_EQ(entries.size(), 12u);
  ASSERT_EQ(doc.outline.size(), 12u);
  for (size_t i = 0; i < entries.size(); ++i) {
    EXPECT_EQ(entries[i].anchor, doc.outline[i].anchor);
    EXPECT_TRUE(anchors.contains(entries[i].anchor));
    EXPECT_EQ(entries[i].lines, 1);
    EXPECT_FALSE(entries[i].title.empty());  // the area covers the entry's text
  }
  for (const FrameItem& item : doc.pages[0].items) {
    if (const auto* link = std::get_if<LinkArea>(&item); link != nullptr && !link->anchor.empty()) {
      EXPECT_DOUBLE_EQ(link->area.x1, kStyle.body_right());
      EXPECT_GT(link->area.y1, link->area.y0);
    }
  }
}

TEST(TableOfContents, ListsTheConfiguredDepthIndentedByLevel) {
  std::string body;
  for (int i = 0; i < 4; ++i) {
    const std::string n = std::to_string(i);
    body += "## Del " + n + "\n\ntext\n\n### Under " + n + "\n\ntext\n\n#### Djup " + n +
            "\n\ntext\n\n";
  }
  auto titles = [](const std::vector<Entry>& entries, std::string_view prefix) {
    return std::count_if(entries.begin(), entries.end(),
                         [&](const Entry& e) { return e.title.starts_with(prefix); });
  };
  LaidOutSite two(PolicyTxtar(body));
  const std::vector<Entry> entries = Entries(two.Lay("a"), two.metrics());
  EXPECT_EQ(titles(entries, "Del"), 4);
  EXPECT_EQ(titles(entries, "Under"), 4);
  EXPECT_EQ(titles(entries, "Djup"), 0);
  ASSERT_GE(entries.size(), 2u);
  EXPECT_DOUBLE_EQ(entries[0].left, kStyle.body_left());
  EXPECT_GT(entries[1].left, entries[0].left);

  LaidOutSite one(WithSettings("  toc_depth: 1\n", body));
  const std::vector<Entry> top = Entries(one.Lay("a"), one.metrics());
  EXPECT_EQ(top.size(), 4u);
  EXPECT_EQ(titles(top, "Del"), 4);

  LaidOutSite three(WithSettings("  toc_depth: 3\n", body));
  const std::vector<Entry> all = Entries(three.Lay("a"), three.metrics());
  EXPECT_EQ(all.size(), 12u);
  EXPECT_GT(all[2].left, all[1].left);
}

TEST(TableOfContents, WrapsLongTitlesWithTheNumberOnTheLastLine) {
  std::string long_title;
  for (int i = 0; i < 30; ++i) long_title += "kommunövergripande ";
  long_title.pop_back();
  LaidOutSite site(PolicyTxtar(LongBody(6) + "## " + long_title + "\n\nslut\n"));
  const LaidOutDocument doc = site.Lay("a");
  const std::vector<Entry> entries = Entries(doc, site.metrics());
  ASSERT_EQ(entries.size(), 7u);
  const Entry& entry = entries.back();
  EXPECT_EQ(entry.title, long_title);  // whole words, no hyphens added
  EXPECT_GE(entry.lines, 5);
  EXPECT_EQ(entry.number_line, entry.lines - 1);
  EXPECT_FALSE(entry.number.empty());
  // The title keeps clear of the number column on every line.
  const double digit = site.metrics().Width(FontFace::kBold, kStyle.body_size, "0");
  EXPECT_LE(entry.title_end, kStyle.body_right() - 4 * digit);
}

TEST(TableOfContents, NumbersNeverChangeTheLineBreaks) {
  std::vector<markdown::Heading> headings;
  AnchorPages small, large;
  for (int i = 0; i < 8; ++i) {
    std::string title = "Rubrik " + std::to_string(i);
    for (int w = 0; w < i * 4; ++w) title += " ordet";
    headings.push_back({.level = 1 + i % 2, .text = title, .anchor = "h" + std::to_string(i)});
    small["h" + std::to_string(i)] = 1;
    large["h" + std::to_string(i)] = 9999;
  }
  LaidOutSite site(PolicyTxtar("x"));
  const ContentsOptions options{.min_headings = 5, .depth = 2, .top_level = 1};
  const std::vector<VBox> blank =
      TableOfContents(headings, {}, options, site.text(), site.metrics(), kStyle);
  for (const AnchorPages* pages : {&small, &large}) {
    const std::vector<VBox> shown =
        TableOfContents(headings, *pages, options, site.text(), site.metrics(), kStyle);
    ASSERT_EQ(shown.size(), blank.size());
    for (size_t i = 0; i < shown.size(); ++i) {
      EXPECT_DOUBLE_EQ(shown[i].height, blank[i].height);
      EXPECT_DOUBLE_EQ(shown[i].space_before, blank[i].space_before);
      EXPECT_EQ(shown[i].keep_with_next, blank[i].keep_with_next);
    }
  }
  EXPECT_GT(blank.size(), headings.size() + 1);  // some titles wrapped
}

TEST(FindAnchorPages, CountsPagesFromOneAndKeepsTheFirstPlace) {
  std::vector<PageFrame> pages(3);
  pages[0].items.push_back(Anchor{.name = "inledning"});
  pages[2].items.push_back(Anchor{.name = "slut"});
  pages[2].items.push_back(Anchor{.name = "inledning"});
  const AnchorPages found = FindAnchorPages(pages);
  EXPECT_EQ(found, (AnchorPages{{"inledning", 1}, {"slut", 3}}));
}

TEST(FindAnchorPages, ReadsAPlanAsItsFilledPages) {
  const PageStyle style;
  std::vector<VBox> boxes;
  for (int i = 0; i < 120; ++i) {
    VBox box{.height = 14};
    if (i % 10 == 0) box.items.push_back(Anchor{.name = "a" + std::to_string(i)});
    boxes.push_back(std::move(box));
  }
  BoxSequence sequence({&boxes});
  const PagePlan plan = PlanPages(sequence, style);
  ASSERT_GT(plan.pages, 1);
  const AnchorPages planned = FindAnchorPages(sequence, plan);
  EXPECT_EQ(planned, FindAnchorPages(FillPages(sequence, plan, style)));
  EXPECT_EQ(planned.size(), 12u);
}

TEST(TableOfContents, ReportsBadSettingsAtTheirLine) {
  for (const char* setting :
       {"  toc_depth: 4\n", "  toc_depth: 0\n", "  toc_headings: -1\n", "  toc_headings: många\n",
        "  toc_depth: 1.5\n", "  toc_headings: [3]\n"}) {
    kansli::testing::TestSite site(WithSettings(setting, "x"));
    EXPECT_FALSE(site.config.has_value()) << setting;
    const std::string printed = site.DiagnosticLines();
    EXPECT_NE(printed.find("kansli.yaml:11:"), std::string::npos) << printed;
    EXPECT_NE(printed.find("must be a whole number"), std::string::npos) << printed;
    EXPECT_NE(printed.find("[config-error]"), std::string::npos) << printed;
  }
  kansli::testing::TestSite good(WithSettings("  toc_depth: 3\n  toc_headings: 0\n", "x"));
  ASSERT_TRUE(good.config.has_value()) << good.DiagnosticLines();
  EXPECT_EQ(good.config->pdf.toc_depth, 3);
  EXPECT_EQ(good.config->pdf.toc_headings, 0);
  EXPECT_EQ(good.config->pdf.PosOf("toc_depth").line, 11);
}

}  // namespace
}  // namespace kansli::pdf
