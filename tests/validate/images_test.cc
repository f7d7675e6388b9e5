#include "validate/images.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "diag/printer.h"
#include "support/test_images.h"
#include "support/test_site.h"
#include "validate/jpeg_image.h"
#include "validate/png_image.h"

namespace kansli {
namespace {

using testing::MakeJpeg;
using testing::MakePng;
using testing::SolidPng;
using testing::TestSite;

std::string Doc(const std::string& path, const std::string& body) {
  const std::string id = path.substr(path.rfind('/') + 1, path.size() - path.rfind('/') - 4);
  return "-- " + path + " --\n---\nid: " + id +
         "\ntitle: Policy\ntype: policy\norganisation: Kommun\nstatus: utkast\n"
         "owner: Kansliet\n---\n" +
         body + "\n";
}

struct Resolved {
  SiteImages images;
  Diagnostics diags;
  std::string lines;
};

Resolved Resolve(const TestSite& site, std::map<std::string, std::string> files) {
  Resolved out;
  EXPECT_TRUE(site.site) << site.DiagnosticLines();
  out.images = ResolveImages(site.site->documents, "content",
                             ImageFiles::InMemory(std::move(files)), out.diags);
  std::ostringstream text;
  PrintText(text, out.diags.Sorted(), nullptr);
  out.lines = text.str();
  return out;
}

TEST(ResolveImages, ReadsAPngRelativeToTheDocumentsFolder) {
  TestSite site(Doc("content/styr/a.md", "Text\n\n![Karta](../bilder/karta.png)"));
  Resolved r = Resolve(site, {{"content/bilder/karta.png", SolidPng(30, 20, 1, 2, 3, 300)}});
  EXPECT_TRUE(r.diags.empty()) << r.lines;
  const ResolvedImage& image = r.images.at("content/styr/a.md").at("../bilder/karta.png");
  EXPECT_EQ(image.path, "content/bilder/karta.png");
  EXPECT_EQ(image.info.format, ImageFormat::kPng);
  EXPECT_EQ(image.info.width, 30);
  EXPECT_EQ(image.info.height, 20);
  EXPECT_NEAR(image.info.dpi_x, 300, 0.1);
}

TEST(ResolveImages, SharesOneFileBetweenDocuments) {
  TestSite site(Doc("content/a.md", "![A](bild.png)") + Doc("content/b.md", "![B](./bild.png)"));
  Resolved r = Resolve(site, {{"content/bild.png", SolidPng(2, 2, 0, 0, 0)}});
  EXPECT_EQ(r.images.at("content/a.md").at("bild.png").bytes,
            r.images.at("content/b.md").at("./bild.png").bytes);
}

TEST(ResolveImages, MissingFileIsAnErrorAtTheImagesPosition) {
  TestSite site(Doc("content/a.md", "Första raden\n\nSe ![karta](saknas.png) här."));
  Resolved r = Resolve(site, {});
  EXPECT_EQ(r.lines,
            "content/a.md:11:4: error: image 'saknas.png' (content/saknas.png): no such file "
            "[image-missing]\n");
  EXPECT_TRUE(r.images.empty());
}

// An image in a footnote is shown like any other (the footnote's blocks render as the body's
// do), so it is checked and embedded like any other; it was once left unchecked, and the page
// then pointed at the unpublished source file.
TEST(ResolveImages, AnImageInAFootnoteIsCheckedToo) {
  TestSite site(Doc("content/a.md", "Text[^1].\n\n[^1]: Se ![karta](karta.png) och ![](saknas.png)."));
  Resolved r = Resolve(site, {{"content/karta.png", SolidPng(2, 2, 0, 0, 0)}});
  EXPECT_EQ(r.images.at("content/a.md").at("karta.png").path, "content/karta.png");
  EXPECT_NE(r.lines.find("content/a.md:11:"), std::string::npos) << r.lines;
  EXPECT_NE(r.lines.find("[image-missing]"), std::string::npos) << r.lines;
  EXPECT_NE(r.lines.find("[image-no-alt]"), std::string::npos) << r.lines;
}

TEST(ResolveImages, PathsLeavingTheContentFolderAreRefused) {
  TestSite site(
      Doc("content/a.md", "![a](../kansli.yaml)\n\n![b](/etc/passwd)\n\n![c](x/../../y.png)"));
  Resolved r = Resolve(site, {{"kansli.yaml", SolidPng(1, 1, 0, 0, 0)}});
  EXPECT_EQ(r.diags.error_count(), 3) << r.lines;
  for (const Diagnostic& d : r.diags.Sorted()) EXPECT_EQ(d.code, Code::kImageOutside);
  EXPECT_TRUE(r.images.empty());
}

TEST(ResolveImages, AFileThatIsNoImageIsInvalid) {
  TestSite site(Doc("content/a.md", "![a](text.png)"));
  Resolved r = Resolve(site, {{"content/text.png", "GIF89a not really"}});
  EXPECT_EQ(r.lines,
            "content/a.md:9:1: error: image 'text.png' (content/text.png): the file is not a PNG "
            "or JPEG image [image-invalid]\n");
}

TEST(ResolveImages, ATruncatedPngIsInvalid) {
  std::string png = SolidPng(40, 40, 9, 9, 9);
  png.resize(png.size() - 30);  // into the image data
  TestSite site(Doc("content/a.md", "![a](trasig.png)"));
  Resolved r = Resolve(site, {{"content/trasig.png", png}});
  ASSERT_EQ(r.diags.error_count(), 1) << r.lines;
  EXPECT_EQ(r.diags.Sorted()[0].code, Code::kImageInvalid);
  EXPECT_TRUE(r.images.empty());
}

TEST(ResolveImages, ACmykJpegIsRefused) {
  TestSite site(Doc("content/a.md", "![a](tryck.jpg)\n\n![b](foto.jpg)"));
  Resolved r = Resolve(site, {{"content/tryck.jpg", MakeJpeg({.color_space = JCS_CMYK})},
                              {"content/foto.jpg", MakeJpeg({.width = 5, .dpi = 150})}});
  ASSERT_EQ(r.diags.error_count(), 1) << r.lines;
  EXPECT_NE(r.lines.find("content/a.md:9:1: error: image 'tryck.jpg' (content/tryck.jpg): a "
                         "CMYK JPEG"),
            std::string::npos)
      << r.lines;
  const ResolvedImage& photo = r.images.at("content/a.md").at("foto.jpg");
  EXPECT_EQ(photo.info.format, ImageFormat::kJpeg);
  EXPECT_EQ(photo.info.width, 5);
  EXPECT_DOUBLE_EQ(photo.info.dpi_x, 150);
}

TEST(ResolveImages, ARemoteImageIsAWarning) {
  TestSite site(Doc("content/a.md", "![logga](https://example.com/logga.png)"));
  Resolved r = Resolve(site, {});
  EXPECT_EQ(r.diags.error_count(), 0);
  ASSERT_EQ(r.diags.Sorted().size(), 1u) << r.lines;
  EXPECT_EQ(r.diags.Sorted()[0].severity, Severity::kWarning);
  EXPECT_EQ(r.diags.Sorted()[0].code, Code::kImageRemote);
  EXPECT_TRUE(r.images.empty());
}

TEST(ResolveImages, OtherUrlSchemesAreInvalid) {
  TestSite site(Doc("content/a.md", "![a](data:image/png;base64,AAAA)"));
  Resolved r = Resolve(site, {});
  ASSERT_EQ(r.diags.error_count(), 1) << r.lines;
  EXPECT_EQ(r.diags.Sorted()[0].code, Code::kImageInvalid);
}

TEST(ResolveImages, DecodesPercentEscapesInTheTarget) {
  TestSite site(Doc("content/a.md", "![a](<min bild.png>)"));
  Resolved r = Resolve(site, {{"content/min bild.png", SolidPng(1, 1, 0, 0, 0)}});
  EXPECT_TRUE(r.diags.empty()) << r.lines;
  EXPECT_EQ(r.images.at("content/a.md").size(), 1u);
}

TEST(ImageFiles, RefusesALinkOutOfTheContentFolder) {
  const std::filesystem::path root =
      std::filesystem::temp_directory_path() / ("kansli-images-" + std::to_string(getpid()));
  std::filesystem::create_directories(root / "content");
  std::ofstream(root / "hemlig.png") << SolidPng(1, 1, 0, 0, 0);
  std::filesystem::create_symlink(root / "hemlig.png", root / "content" / "lank.png");
  std::ofstream(root / "content" / "bild.png") << SolidPng(1, 1, 0, 0, 0);
  const ImageFiles files = ImageFiles::OnDisk(root);
  EXPECT_EQ(files.Load("content/lank.png", "content").code, Code::kImageOutside);
  EXPECT_FALSE(files.Load("content/lank.png", "content").bytes);
  EXPECT_TRUE(files.Load("content/bild.png", "content").bytes);
  EXPECT_EQ(files.Load("content/inget.png", "content").code, Code::kImageMissing);
  std::filesystem::remove_all(root);
}

TEST(CheckPng, RefusesMoreThanFiftyMegapixels) {
  std::string error;
  // Only the header is read before the limit applies, so the rows may be short.
  testing::PngSpec spec{
      .width = 10000, .height = 6000, .bit_depth = 1, .color_type = PNG_COLOR_TYPE_GRAY};
  spec.rows.assign(static_cast<size_t>(1250) * 6000, '\0');
  EXPECT_FALSE(CheckPng(MakePng(spec), error));
  EXPECT_EQ(error, "image has more than 50 megapixels");
}

TEST(CheckJpeg, ATruncatedJpegIsCaught) {
  std::string jpeg = MakeJpeg({.width = 64, .height = 64});
  jpeg.resize(jpeg.size() / 2);
  std::string error;
  EXPECT_FALSE(CheckJpeg(jpeg, error));
  EXPECT_FALSE(error.empty());
}

}  // namespace
}  // namespace kansli
