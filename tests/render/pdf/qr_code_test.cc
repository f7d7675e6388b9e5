#include "render/pdf/layout/qr_code.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "render/pdf/layout/page_furniture.h"
#include "render/pdf/layout_fixture.h"

namespace kansli::pdf {
namespace {

using testing::LaidOutSite;
using testing::LongBody;
using testing::PolicyTxtar;
using testing::Runs;

// A finder pattern: a dark 7×7 ring, a light ring inside it, a dark 3×3 centre.
bool IsFinder(const QrCode& code, int left, int top) {
  for (int y = 0; y < 7; ++y) {
    for (int x = 0; x < 7; ++x) {
      bool ring = x == 0 || y == 0 || x == 6 || y == 6;
      bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
      if (code.Dark(left + x, top + y) != (ring || centre)) return false;
    }
  }
  return true;
}

// The QR code's modules on the page: the black rectangles of a drawing placed below the body.
std::vector<Rect> QrModules(const PageFrame& page, const PageStyle& style) {
  std::vector<Rect> modules;
  for (const FrameItem& item : page.items) {
    const auto* placed = std::get_if<PlacedDrawing>(&item);
    if (placed == nullptr || placed->area.y1 >= style.body_bottom()) continue;
    const Rect& area = placed->area;
    const double sx = (area.x1 - area.x0) / placed->drawing->width;
    const double sy = (area.y1 - area.y0) / placed->drawing->height;
    for (const FilledRect& fill : placed->drawing->fills) {
      if (!(fill.color == Color{})) continue;
      modules.push_back(Rect{area.x0 + fill.area.x0 * sx, area.y0 + fill.area.y0 * sy,
                             area.x0 + fill.area.x1 * sx, area.y0 + fill.area.y1 * sy});
    }
  }
  return modules;
}

bool Overlaps(const Rect& a, const Rect& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

TEST(EncodeQr, MakesASquareSymbolWithThreeFinderPatterns) {
  std::optional<QrCode> code = EncodeQr("https://intranat.example.se/styrdokument/plan/");
  ASSERT_TRUE(code.has_value());
  // 46 bytes at level M need version 4: 33 modules a side.
  EXPECT_EQ(code->size, 33);
  ASSERT_EQ(code->dark.size(), 33u * 33u);
  EXPECT_TRUE(IsFinder(*code, 0, 0));
  EXPECT_TRUE(IsFinder(*code, code->size - 7, 0));
  EXPECT_TRUE(IsFinder(*code, 0, code->size - 7));
  EXPECT_FALSE(IsFinder(*code, code->size - 7, code->size - 7));
}

TEST(EncodeQr, IsTheSameForTheSameText) {
  EXPECT_EQ(EncodeQr("https://a.test/x/")->dark, EncodeQr("https://a.test/x/")->dark);
  EXPECT_NE(EncodeQr("https://a.test/x/")->dark, EncodeQr("https://a.test/X/")->dark);
}

TEST(EncodeQr, RefusesEmptyTextNulBytesAndTextTooLongForAnyVersion) {
  EXPECT_FALSE(EncodeQr("").has_value());
  EXPECT_FALSE(EncodeQr(std::string("a\0b", 3)).has_value());
  EXPECT_FALSE(EncodeQr(std::string(4000, 'x')).has_value());
}

TEST(QrDrawing, MergesARowsDarkModulesIntoOneRectangle) {
  QrCode code{.size = 3, .dark = {true, true, false, false, false, false, true, true, true}};
  const Drawing drawing = QrDrawing(code);
  const double side = 3 + 2 * kQrQuietModules;  // one unit per module
  EXPECT_DOUBLE_EQ(drawing.width, side);
  EXPECT_DOUBLE_EQ(drawing.height, side);
  ASSERT_EQ(drawing.fills.size(), 3u);  // the white square, then one run in each dark row
  EXPECT_EQ(drawing.fills[0].color, (Color{1, 1, 1}));
  const Rect top = drawing.fills[1].area;
  EXPECT_DOUBLE_EQ(top.x0, 4);
  EXPECT_DOUBLE_EQ(top.x1, 6);
  EXPECT_DOUBLE_EQ(top.y1, side - 4);
  const Rect bottom = drawing.fills[2].area;
  EXPECT_DOUBLE_EQ(bottom.x1 - bottom.x0, 3);
  EXPECT_DOUBLE_EQ(bottom.y0, 4);
}

TEST(AddPageFurniture, PlacesOneSharedQrDrawingOnEveryPage) {
  LaidOutSite site(PolicyTxtar(LongBody(40)));
  LaidOutDocument doc = site.Lay("a", PageStyle{});
  ASSERT_GT(doc.pages.size(), 1u);
  std::set<const Drawing*> drawings;
  for (const PageFrame& page : doc.pages) {
    for (const FrameItem& item : page.items) {
      if (const auto* placed = std::get_if<PlacedDrawing>(&item)) {
        drawings.insert(placed->drawing.get());
      }
    }
  }
  EXPECT_EQ(drawings.size(), 1u);  // so the PDF holds the code once
}

void ExpectQrInTheFooterOnEveryPage(const PageStyle& style) {
  LaidOutSite site(PolicyTxtar(LongBody(40)));
  LaidOutDocument doc = site.Lay("a", style);
  ASSERT_GT(doc.pages.size(), 1u);
  for (const PageFrame& page : doc.pages) {
    std::vector<Rect> modules = QrModules(page, style);
    ASSERT_GT(modules.size(), 20u);
    for (const Rect& module : modules) {
      EXPECT_GE(module.x0, 0);
      EXPECT_GE(module.y0, 0);
      EXPECT_LE(module.x1, style.body_right());
      for (const TextRun& run : Runs(page)) {
        double width = site.metrics().Width(run.face, run.size, run.utf8);
        Rect box{run.x, run.y - run.size * 0.2, run.x + width, run.y + run.size * 0.8};
        EXPECT_FALSE(Overlaps(module, box)) << run.utf8;
      }
    }
  }
}

TEST(AddPageFurniture, PutsTheQrCodeBesideTheFooterTextOnEveryPage) {
  ExpectQrInTheFooterOnEveryPage(PageStyle{});
}

TEST(AddPageFurniture, KeepsTheQrCodeOnThePageWithNarrowMargins) {
  PdfSettings settings;
  settings.margin_mm = 5;
  ExpectQrInTheFooterOnEveryPage(PageStyleFor(settings));
}

}  // namespace
}  // namespace kansli::pdf
