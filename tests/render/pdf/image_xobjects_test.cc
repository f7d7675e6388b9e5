#include "render/pdf/writer/image_xobjects.h"

#include <gtest/gtest.h>

#include "render/pdf/writer/pdf_builder.h"
#include "support/test_images.h"
#include "validate/png_image.h"

namespace kansli::pdf {
namespace {

using kansli::testing::MakeJpeg;
using kansli::testing::MakePng;
using kansli::testing::PngSpec;

ImageItem Item(std::string bytes, ImageFormat format = ImageFormat::kPng) {
  return {.area = {0, 0, 10, 10},
          .format = format,
          .bytes = std::make_shared<const std::string>(std::move(bytes))};
}

TEST(DecodePngToRgb, ExpandsGreyToRgb) {
  PngSpec spec{.width = 2, .height = 1, .bit_depth = 4, .color_type = PNG_COLOR_TYPE_GRAY};
  spec.rows = {char(0x0F)};  // black, white
  std::optional<RgbImage> rgb = DecodePngToRgb(MakePng(spec));
  ASSERT_TRUE(rgb);
  EXPECT_EQ(rgb->rgb, std::string("\0\0\0\xFF\xFF\xFF", 6));
}

TEST(DecodePngToRgb, ExpandsAPaletteAndCompositesItsTransparencyOnWhite) {
  PngSpec spec{.width = 2,
               .height = 1,
               .color_type = PNG_COLOR_TYPE_PALETTE,
               .palette = {{255, 0, 0}, {0, 0, 255}},
               .trans = {255, 0}};
  spec.rows = {0, 1};
  std::optional<RgbImage> rgb = DecodePngToRgb(MakePng(spec));
  ASSERT_TRUE(rgb);
  EXPECT_EQ(rgb->rgb, std::string("\xFF\0\0\xFF\xFF\xFF", 6));  // red, then transparent → white
}

TEST(DecodePngToRgb, CompositesHalfTransparentSixteenBitInterlacedPixels) {
  PngSpec spec{.width = 3,
               .height = 3,
               .bit_depth = 16,
               .color_type = PNG_COLOR_TYPE_RGB_ALPHA,
               .interlaced = true};
  for (int i = 0; i < 9; ++i) {
    // Black at half opacity, big-endian 16-bit samples.
    spec.rows += std::string("\0\0\0\0\0\0\x80\x00", 8);
  }
  std::optional<RgbImage> rgb = DecodePngToRgb(MakePng(spec));
  ASSERT_TRUE(rgb);
  ASSERT_EQ(rgb->rgb.size(), 27u);
  for (char c : rgb->rgb) EXPECT_NEAR(static_cast<unsigned char>(c), 127, 1);
}

TEST(ImageXObjects, EmbedsPngAndJpegOncePerBuffer) {
  PdfBuilder pdf;
  ASSERT_TRUE(pdf.usable());
  ImageXObjects images(pdf);
  ImageItem png = Item(kansli::testing::SolidPng(4, 3, 10, 20, 30));
  PdfDict first = images.Get(png);
  ASSERT_TRUE(first);
  ImageItem again = png;
  again.area = {5, 5, 50, 50};
  EXPECT_EQ(images.Get(again), first);
  PdfDict jpeg = images.Get(Item(MakeJpeg({.width = 6, .height = 2}), ImageFormat::kJpeg));
  ASSERT_TRUE(jpeg);
  EXPECT_FALSE(jpeg == first);
  EXPECT_FALSE(pdf.failed());
  // Both end up in the file as 8-bit images of their own size.
  pdf.AddPage(100, 100);
  std::optional<std::string> bytes = pdf.Save();
  ASSERT_TRUE(bytes);
  EXPECT_NE(bytes->find("/Width 4"), std::string::npos);
  EXPECT_NE(bytes->find("/Width 6"), std::string::npos);
}

TEST(ImageXObjects, GarbageGivesEmptyAndLeavesTheDocumentSound) {
  PdfBuilder pdf;
  ASSERT_TRUE(pdf.usable());
  ImageXObjects images(pdf);
  EXPECT_FALSE(images.Get(Item("\x89PNG\r\n\x1a\n garbage")));
  EXPECT_FALSE(images.Get(Item("not a jpeg", ImageFormat::kJpeg)));
  EXPECT_FALSE(images.Get(ImageItem{}));
  EXPECT_FALSE(pdf.failed());
}

}  // namespace
}  // namespace kansli::pdf
