#include "render/pdf/layout/lay_out.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "render/pdf/layout/page_furniture.h"
#include "render/pdf/layout_fixture.h"

namespace kansli::pdf {
namespace {

using testing::BodyRuns;
using testing::FindRun;
using testing::LaidOutSite;
using testing::LongBody;
using testing::PolicyTxtar;
using testing::Runs;

const PageStyle kStyle;

TEST(LayOut, WrapsParagraphsAtTheRightMargin) {
  // 82 characters of 5.5 points fit the 453.5 point column.
  std::string words;
  for (int i = 0; i < 30; ++i) words += "abcdefghi ";
  LaidOutSite site(PolicyTxtar(words));
  LaidOutDocument doc = site.Lay("a");
  std::vector<TextRun> body = BodyRuns(doc.pages[0]);
  const TextRun* first = FindRun(doc.pages[0], "abcdefghi abcdefghi");
  ASSERT_NE(first, nullptr);
  EXPECT_DOUBLE_EQ(first->x, kStyle.body_left());
  EXPECT_EQ(first->utf8.size(), 79u);  // 8 words of 10 characters without the last space
}

TEST(LayOut, NeverSetsTextOutsideTheMargins) {
  std::string body = LongBody(20) + "\n" + std::string(500, 'x') + "\n\n> citat " +
                     std::string(300, 'y') + "\n\n```\n" + std::string(400, 'z') + "\n```\n\n" +
                     "| a | b |\n|---|---|\n| " + std::string(300, 'c') + " | d |\n";
  for (int depth = 0; depth < 30; ++depth) body += std::string(depth * 2, ' ') + "- nivå\n";
  LaidOutSite site(PolicyTxtar(body));
  LaidOutDocument doc = site.Lay("a");
  for (const PageFrame& page : doc.pages) {
    for (const TextRun& run : Runs(page)) {
      double width = site.metrics().Width(run.face, run.size, run.utf8);
      EXPECT_GE(run.x, kStyle.body_left() - 1e-6) << run.utf8;
      EXPECT_LE(run.x + width, kStyle.body_right() + 1e-6) << run.utf8;
    }
    for (const TextRun& run : BodyRuns(page)) {
      EXPECT_GE(run.y - site.metrics().Descent(run.face, run.size), kStyle.body_bottom() - 1e-6);
    }
  }
}

TEST(LayOut, NeverEndsAPageWithAHeading) {
  LaidOutSite site(PolicyTxtar(LongBody(60)));
  LaidOutDocument doc = site.Lay("a");
  ASSERT_GT(doc.pages.size(), 3u);
  const double heading_size = kStyle.HeadingSize(1);
  int headings = 0;
  for (const PageFrame& page : doc.pages) {
    std::vector<TextRun> runs = BodyRuns(page);
    ASSERT_FALSE(runs.empty());
    double lowest =
        std::min_element(runs.begin(), runs.end(), [](auto& a, auto& b) { return a.y < b.y; })->y;
    for (const TextRun& run : runs) {
      if (run.size == heading_size) ++headings;
      if (run.y == lowest) {
        EXPECT_NE(run.size, heading_size) << run.utf8;
      }
    }
  }
  EXPECT_EQ(headings, 60);
}

TEST(LayOut, EveryBookmarkGoesToAnAnchorOnAPage) {
  LaidOutSite site(PolicyTxtar("##\n\n## Syfte\n\nText.\n\n###\n\n### Mål\n"));
  LaidOutDocument doc = site.Lay("a");
  std::vector<std::string> anchors;
  for (const PageFrame& page : doc.pages) {
    for (const FrameItem& item : page.items) {
      if (const auto* anchor = std::get_if<Anchor>(&item)) anchors.push_back(anchor->name);
    }
  }
  ASSERT_EQ(doc.outline.size(), 2u);
  for (const OutlineEntry& entry : doc.outline) {
    EXPECT_NE(std::find(anchors.begin(), anchors.end(), entry.anchor), anchors.end())
        << entry.title;
  }
}

TEST(LayOut, NumbersEveryPageWithThePageCount) {
  LaidOutSite site(PolicyTxtar(LongBody(40)));
  LaidOutDocument doc = site.Lay("a");
  const int count = static_cast<int>(doc.pages.size());
  ASSERT_GT(count, 1);
  for (int i = 0; i < count; ++i) {
    EXPECT_NE(FindRun(doc.pages[i], PageNumberText(site.text(), i + 1, count)), nullptr) << i;
  }
  EXPECT_EQ(PageNumberText(site.text(), 2, 5), "Sida 2 av 5");
}

TEST(LayOut, PutsHeaderAndFooterOnEveryPage) {
  LaidOutSite site(PolicyTxtar(LongBody(40)));
  LaidOutDocument doc = site.Lay("a");
  for (const PageFrame& page : doc.pages) {
    std::vector<TextRun> runs = Runs(page);
    EXPECT_TRUE(std::any_of(runs.begin(), runs.end(), [](const TextRun& run) {
      return run.utf8 == "Policy för provning" && run.y > kStyle.body_top();
    }));
    EXPECT_NE(FindRun(page, "Version 2"), nullptr);
    const TextRun* notice = FindRun(
        page, "Ett utskrivet dokument är alltid en kopia, giltig version finns alltid på intranätet.");
    ASSERT_NE(notice, nullptr);
    EXPECT_LT(notice->y, kStyle.body_bottom());
    EXPECT_NE(FindRun(page, "https://intra.test/a/"), nullptr);
    EXPECT_EQ(testing::Links(page, "https://intra.test/a/").size(), 1u);
  }
}

TEST(LayOut, StartsWithTheTitleBlockAndOnlyTheFieldsPresent) {
  LaidOutSite site(PolicyTxtar("Brödtext."));
  const PageFrame page = site.Lay("a").pages.at(0);
  std::vector<TextRun> body = BodyRuns(page);
  ASSERT_GE(body.size(), 3u);
  EXPECT_EQ(body[0].utf8, "Provby kommun");
  EXPECT_EQ(body[1].utf8, "Policy");
  EXPECT_EQ(body[2].utf8, "Policy för provning");
  EXPECT_EQ(body[2].face, FontFace::kBold);
  for (const char* text :
       {"Beslutad av", "Kommunfullmäktige", "Gäller från", "2020-01-01", "Version",
        "Dokumentansvarig", "Kansliet", "Dokument-ID", "Status", "Gällande"}) {
    EXPECT_NE(FindRun(page, text), nullptr) << text;
  }
  for (const char* text : {"Diarienummer", "Beslutsdatum", "Revideras senast", "UTKAST"}) {
    EXPECT_EQ(FindRun(page, text), nullptr) << text;
  }
  // Label and value share a baseline, so text extraction keeps them together.
  EXPECT_DOUBLE_EQ(FindRun(page, "Beslutad av")->y, FindRun(page, "Kommunfullmäktige")->y);
  EXPECT_LT(FindRun(page, "Brödtext.")->y, FindRun(page, "Gällande")->y);
}

TEST(LayOut, MarksADraftInTheTitleBlock) {
  LaidOutSite site(
      "-- content/u.md --\n---\nid: u\ntitle: Utkastet\ntype: policy\norganisation: Provby\n"
      "status: utkast\nowner: Kansliet\n---\nText.\n");
  const PageFrame page = site.Lay("u").pages.at(0);
  std::vector<TextRun> stamps;
  for (const TextRun& run : Runs(page)) {
    if (run.utf8 == "UTKAST") stamps.push_back(run);
  }
  ASSERT_EQ(stamps.size(), 2u);  // the note in the title block and the stamp across the page
  EXPECT_EQ(stamps[1].color, kStyle.stamp);
  EXPECT_EQ(stamps[1].angle, 0);
  EXPECT_NE(FindRun(page, "Utkast"), nullptr);  // the Status field
  EXPECT_EQ(FindRun(page, "Version"), nullptr);
}

TEST(LayOut, ALongSupersededByStampStaysInsideTheTextArea) {
  const std::string long_title(
      "Program för barn- och utbildningsnämndens samverkan med socialnämnden och "
      "kultur- och fritidsnämnden om tidiga insatser");
  LaidOutSite site(
      "-- content/old.md --\n---\nid: old\ntitle: Gammal\ntype: policy\norganisation: Provby\n"
      "status: ersatt\nowner: Kansliet\n---\nText.\n"
      "-- content/new.md --\n---\nid: new\ntitle: " + long_title +
      "\ntype: policy\norganisation: Provby\nstatus: utkast\nowner: Kansliet\n"
      "supersedes: [old]\n---\nText.\n",
      Relations{.relations = {{.from = "new", .to = "old", .kind = RelationKind::kSupersedes}}});
  const PageFrame page = site.Lay("old").pages.at(0);
  const auto* stamp = std::get_if<TextRun>(&page.items.front());
  ASSERT_NE(stamp, nullptr);
  ASSERT_NE(stamp->utf8.find(long_title), std::string::npos) << stamp->utf8;
  // The run's four corners: along its baseline, and a capital's height above it.
  const double a = stamp->angle * std::numbers::pi / 180;
  const double length = site.metrics().Width(FontFace::kBold, stamp->size, stamp->utf8);
  const double cap = stamp->size * 0.7;
  for (double along : {0.0, length}) {
    for (double up : {0.0, cap}) {
      const double x = stamp->x + along * std::cos(a) - up * std::sin(a);
      const double y = stamp->y + along * std::sin(a) + up * std::cos(a);
      EXPECT_GE(x, kStyle.body_left() - 1);
      EXPECT_LE(x, kStyle.body_right() + 1);
      EXPECT_GE(y, kStyle.body_bottom() - 1);
      EXPECT_LE(y, kStyle.body_top() + 1);
    }
  }
}

TEST(LayOut, StampsEveryPageOfADocumentNotInForceUnderItsText) {
  LaidOutSite site(
      "-- content/u.md --\n---\nid: u\ntitle: Utkastet\ntype: policy\norganisation: Provby\n"
      "status: utkast\nowner: Kansliet\n---\n" + LongBody(40) + "\n");
  const LaidOutDocument doc = site.Lay("u");
  ASSERT_GT(doc.pages.size(), 1u);
  for (const PageFrame& page : doc.pages) {
    ASSERT_FALSE(page.items.empty());
    const auto* stamp = std::get_if<TextRun>(&page.items.front());  // drawn first: underneath
    ASSERT_NE(stamp, nullptr);
    EXPECT_EQ(stamp->utf8, "UTKAST");
    // Along the diagonal of the text area, inside the margins.
    EXPECT_NEAR(stamp->angle,
                std::atan2(kStyle.body_height(), kStyle.body_width()) * 180 / std::numbers::pi,
                0.01);
    EXPECT_GT(stamp->size, 40);
    EXPECT_GT(stamp->x, 0);
    EXPECT_GT(stamp->y, 0);
    EXPECT_NE(stamp->color, kStyle.text);
  }
  LaidOutSite in_force(PolicyTxtar(LongBody(5)));
  for (const PageFrame& page : in_force.Lay("a").pages) {
    for (const TextRun& run : Runs(page)) EXPECT_EQ(run.angle, 0) << run.utf8;
  }
}

TEST(LayOut, SizesHeadingsFromTheDocumentsTopLevel) {
  LaidOutSite site(PolicyTxtar("### Överst\n\ntext\n\n#### Under\n\ntext\n"));
  const PageFrame page = site.Lay("a").pages.at(0);
  EXPECT_DOUBLE_EQ(FindRun(page, "Överst")->size, kStyle.HeadingSize(1));
  EXPECT_DOUBLE_EQ(FindRun(page, "Under")->size, kStyle.HeadingSize(2));
}

TEST(LayOut, FollowsTheConfiguredSizeAndMargins) {
  PdfSettings settings;
  settings.font_size = 9;
  settings.margin_mm = 40;
  PageStyle style = PageStyleFor(settings);
  LaidOutSite site(PolicyTxtar("Brödtext."));
  const PageFrame page = site.Lay("a", style).pages.at(0);
  const TextRun* text = FindRun(page, "Brödtext.");
  ASSERT_NE(text, nullptr);
  EXPECT_DOUBLE_EQ(text->size, 9);
  EXPECT_NEAR(text->x, 40 * 72 / 25.4, 1e-9);
}

TEST(InfoFor, FillsTheInfoDictionaryFromTheFrontMatter) {
  LaidOutSite site(PolicyTxtar("x", "author: Anna Åberg\ntags: [eu, vänorter]\n"));
  PdfInfo info = site.Lay("a").info;
  EXPECT_EQ(info.title, "Policy för provning");
  EXPECT_EQ(info.author, "Anna Åberg");
  EXPECT_EQ(info.subject, "Policy – Provby kommun");
  EXPECT_EQ(info.keywords, "eu, vänorter");
  EXPECT_EQ(info.creator, "kansli");
  ASSERT_TRUE(info.date.has_value());
  EXPECT_EQ(info.date->ToString(), "2020-01-01");  // valid_from: no revised or adopted_date
}

TEST(InfoFor, PrefersRevisedThenAdoptedDateAndFallsBackToTheOwner) {
  LaidOutSite site(PolicyTxtar("x", "revised: 2021-03-04\nadopted_date: 2019-12-12\n"));
  PdfInfo info = site.Lay("a").info;
  EXPECT_EQ(info.date->ToString(), "2021-03-04");
  EXPECT_EQ(info.author, "Kansliet");
  LaidOutSite adopted(PolicyTxtar("x", "adopted_date: 2019-12-12\n"));
  EXPECT_EQ(adopted.Lay("a").info.date->ToString(), "2019-12-12");
}

}  // namespace
}  // namespace kansli::pdf
