#include "render/pdf/writer/image_xobjects.h"

#include <gtest/gtest.h>

#include "render/pdf/writer/haru.h"
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
  HaruError error;
  HaruDoc doc = NewHaruDoc(&error);
  ASSERT_TRUE(doc);
  ImageXObjects images(doc.get());
  ImageItem png = Item(kansli::testing::SolidPng(4, 3, 10, 20, 30));
  HPDF_Image first = images.Get(png);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(HPDF_Image_GetWidth(first), 4u);
  EXPECT_EQ(HPDF_Image_GetHeight(first), 3u);
  ImageItem again = png;
  again.area = {5, 5, 50, 50};
  EXPECT_EQ(images.Get(again), first);
  HPDF_Image jpeg = images.Get(Item(MakeJpeg({.width = 6, .height = 2}), ImageFormat::kJpeg));
  ASSERT_NE(jpeg, nullptr);
  EXPECT_EQ(HPDF_Image_GetWidth(jpeg), 6u);
  EXPECT_FALSE(error.failed());
}

TEST(ImageXObjects, GarbageGivesNull) {
  HaruError error;
  HaruDoc doc = NewHaruDoc(&error);
  ASSERT_TRUE(doc);
  ImageXObjects images(doc.get());
  EXPECT_EQ(images.Get(Item("\x89PNG\r\n\x1a\n garbage")), nullptr);
  EXPECT_EQ(images.Get(Item("not a jpeg", ImageFormat::kJpeg)), nullptr);
  EXPECT_EQ(images.Get(ImageItem{}), nullptr);
}

}  // namespace
}  // namespace kansli::pdf
