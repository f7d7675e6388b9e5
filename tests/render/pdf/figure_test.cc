#include "render/pdf/layout/figure.h"

#include <gtest/gtest.h>

#include "render/pdf/fixed_metrics.h"
#include "render/pdf/layout/lay_out.h"
#include "site/site_graph.h"
#include "support/test_images.h"
#include "support/test_site.h"

namespace kansli::pdf {
namespace {

const PageStyle kStyle;

ResolvedImage Image(int width, int height, double dpi) {
  return {.path = "content/x.png",
          .bytes = std::make_shared<const std::string>("png"),
          .info = {.format = kansli::ImageFormat::kPng,
                   .width = width,
                   .height = height,
                   .dpi_x = dpi,
                   .dpi_y = dpi}};
}

TEST(FitFigure, NaturalSizeComesFromTheDpi) {
  FigureSize size = FitFigure(Image(300, 150, 300).info, 1000, 1000);
  EXPECT_DOUBLE_EQ(size.width, 72);
  EXPECT_DOUBLE_EQ(size.height, 36);
}

TEST(FitFigure, WithoutDpiAPixelIsANinetySixthOfAnInch) {
  FigureSize size = FitFigure(Image(96, 48, 0).info, 1000, 1000);
  EXPECT_DOUBLE_EQ(size.width, 72);
  EXPECT_DOUBLE_EQ(size.height, 36);
}

TEST(FitFigure, ShrinksToTheColumnAndNeverEnlarges) {
  FigureSize wide = FitFigure(Image(2000, 1000, 72).info, 400, 1000);
  EXPECT_DOUBLE_EQ(wide.width, 400);
  EXPECT_DOUBLE_EQ(wide.height, 200);
  FigureSize tall = FitFigure(Image(100, 1000, 72).info, 400, 500);
  EXPECT_DOUBLE_EQ(tall.height, 500);
  EXPECT_DOUBLE_EQ(tall.width, 50);
  FigureSize small = FitFigure(Image(10, 10, 72).info, 400, 500);
  EXPECT_DOUBLE_EQ(small.width, 10);
}

TEST(FigureBoxes, CentresTheImageAndCapsItsHeight) {
  testing::FixedMetrics metrics;
  std::vector<VBox> boxes = FigureBoxes(Image(100, 5000, 72), "", 100, 400, metrics, kStyle);
  ASSERT_EQ(boxes.size(), 1u);
  ASSERT_EQ(boxes[0].items.size(), 1u);
  const ImageItem& item = std::get<ImageItem>(boxes[0].items[0]);
  const double height = kStyle.body_height() * kMaxFigureHeightShare;
  EXPECT_DOUBLE_EQ(boxes[0].height, height);
  EXPECT_DOUBLE_EQ(item.area.y1 - item.area.y0, height);
  EXPECT_DOUBLE_EQ((item.area.x0 + item.area.x1) / 2, 300);  // the column's centre
  EXPECT_NE(item.bytes, nullptr);
}

TEST(FigureBoxes, AltTextIsASmallMutedCentredCaptionKeptWithTheImage) {
  testing::FixedMetrics metrics;
  std::vector<VBox> boxes = FigureBoxes(Image(72, 72, 72), " Karta ", 100, 400, metrics, kStyle);
  ASSERT_EQ(boxes.size(), 2u);
  EXPECT_TRUE(boxes[0].keep_with_next);
  const TextRun* caption = nullptr;
  for (const FrameItem& item : boxes[1].items) {
    if (const auto* run = std::get_if<TextRun>(&item)) caption = run;
  }
  ASSERT_NE(caption, nullptr);
  EXPECT_EQ(caption->utf8, "Karta");
  EXPECT_DOUBLE_EQ(caption->size, kStyle.SmallSize());
  EXPECT_EQ(caption->color, kStyle.muted);
  const double width = metrics.Width(caption->face, caption->size, "Karta");
  EXPECT_NEAR(caption->x + width / 2, 300, 1e-9);
}

// A laid-out document whose body shows images from an in-memory content folder.
struct ImageDocument {
  explicit ImageDocument(const std::string& body)
      : site(
            "-- content/a.md --\n---\nid: a\ntitle: T\ntype: policy\norganisation: K\n"
            "status: utkast\nowner: K\n---\n" +
            body + "\n") {
    EXPECT_TRUE(site.site) << site.DiagnosticLines();
    site.site->images =
        ResolveImages(site.site->documents, "content",
                      ImageFiles::InMemory(
                          {{"content/bild.png", kansli::testing::SolidPng(144, 72, 1, 1, 1, 144)}}),
                      diags);
    graph = std::make_unique<SiteGraph>(*site.site, Relations{});
    laid_out = LayOut(*graph, *graph->Find("a"), graph->Find("a")->body(), metrics, kStyle);
  }

  std::vector<ImageItem> Images() const {
    std::vector<ImageItem> images;
    for (const PageFrame& page : laid_out.pages) {
      for (const FrameItem& item : page.items) {
        if (const auto* image = std::get_if<ImageItem>(&item)) images.push_back(*image);
      }
    }
    return images;
  }
  bool HasText(std::string_view text) const {
    for (const PageFrame& page : laid_out.pages) {
      for (const FrameItem& item : page.items) {
        if (const auto* run = std::get_if<TextRun>(&item)) {
          if (run->utf8.find(text) != std::string::npos) return true;
        }
      }
    }
    return false;
  }

  kansli::testing::TestSite site;
  Diagnostics diags;
  std::unique_ptr<SiteGraph> graph;
  testing::FixedMetrics metrics;
  LaidOutDocument laid_out;
};

TEST(BlockFlowFigures, AnImageAloneInItsParagraphIsAFigure) {
  ImageDocument doc("Före.\n\n![Bildtext](bild.png)\n\nEfter.");
  std::vector<ImageItem> images = doc.Images();
  ASSERT_EQ(images.size(), 1u);
  EXPECT_NEAR(images[0].area.x1 - images[0].area.x0, 72, 0.01);  // 144 px at 144 dpi
  EXPECT_NEAR(images[0].area.y1 - images[0].area.y0, 36, 0.01);
  EXPECT_EQ(images[0].format, ImageFormat::kPng);
  EXPECT_TRUE(doc.HasText("Bildtext"));
  EXPECT_FALSE(doc.HasText("[Bildtext]"));
}

TEST(BlockFlowFigures, AnImageInRunningTextFollowsItsLines) {
  ImageDocument doc("Texten ![Figur](bild.png) fortsätter här.\n\n![fjärr](https://x.se/y.png)");
  std::vector<ImageItem> images = doc.Images();
  ASSERT_EQ(images.size(), 1u);
  EXPECT_TRUE(doc.HasText("fortsätter"));
  EXPECT_FALSE(doc.HasText("[Figur]"));
  EXPECT_TRUE(doc.HasText("[fjärr]"));  // a remote image is its alt text
}

TEST(TableFigures, AnImageInACellIsSetInTheCellBelowItsText) {
  ImageDocument doc("| Plats | Karta |\n| --- | --- |\n| Torget | Se ![Kartan](bild.png) |\n");
  std::vector<ImageItem> images = doc.Images();
  ASSERT_EQ(images.size(), 1u);
  EXPECT_NEAR(images[0].area.x1 - images[0].area.x0, 72, 0.01);  // room enough: natural size
  EXPECT_TRUE(doc.HasText("Kartan"));  // the caption
  EXPECT_FALSE(doc.HasText("[Kartan]"));
  // In the second column, right of the first column's text, below its own cell's text.
  double torget_x = 0, se_y = 0;
  for (const FrameItem& item : doc.laid_out.pages[0].items) {
    if (const auto* run = std::get_if<TextRun>(&item)) {
      if (run->utf8.starts_with("Torget")) torget_x = run->x;
      if (run->utf8.starts_with("Se")) se_y = run->y;
    }
  }
  EXPECT_GT(images[0].area.x0, torget_x + 20);
  EXPECT_LT(images[0].area.y1, se_y);
}

TEST(TableFigures, AnImageNeverOverflowsItsColumn) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "ordet ";
  std::string row = "| " + text + " | ![Bred](bild.png) | " + text + " |\n";
  ImageDocument doc("| A | B | C |\n| --- | --- | --- |\n" + row);
  std::vector<ImageItem> images = doc.Images();
  ASSERT_EQ(images.size(), 1u);
  EXPECT_GE(images[0].area.x0, kStyle.body_left());
  EXPECT_LE(images[0].area.x1, kStyle.body_right());
  // The long texts want the width, yet the image keeps at least its minimum.
  EXPECT_GE(images[0].area.x1 - images[0].area.x0, 36 - 1e-9);
}

}  // namespace
}  // namespace kansli::pdf
