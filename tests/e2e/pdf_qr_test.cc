// The QR code in an official PDF's footer, read back the way a reader's phone would: the
// page rendered to pixels (at print resolution: at 150 dpi a 0.4 mm module is under three
// pixels and aliasing can defeat the decoder) and decoded by zbarimg, on every page.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/run_kansli.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

TEST(PdfQrCode, EveryPageDecodesToTheDocumentsIntranetAddress) {
  fs::path site = MakeSiteCopy({}, /*with_content=*/true);
  RunResult build = RunKansli({"build", "--today", "2026-11-23"}, site);
  ASSERT_EQ(build.exit_code, 0) << build.err;
  const std::string id = "tranas-program-internationellt-arbete";
  const fs::path pdf = site / "output/pdf" / (id + ".pdf");
  RunResult render = RunCommand("pdftoppm -png -r 300 '" + pdf.string() + "' '" +
                                (site / "page").string() + "'");
  ASSERT_EQ(render.exit_code, 0) << render.err;
  int pages = 0;
  for (const auto& entry : fs::directory_iterator(site)) {
    if (entry.path().extension() != ".png") continue;
    ++pages;
    RunResult decoded = RunCommand("zbarimg --quiet --raw '" + entry.path().string() + "'");
    EXPECT_EQ(decoded.exit_code, 0) << entry.path() << ": " << decoded.err;
    EXPECT_EQ(decoded.out, "https://intranat.example.se/styrdokument/" + id + "/\n")
        << entry.path();
  }
  EXPECT_GE(pages, 2);
  fs::remove_all(site);
}

}  // namespace
}  // namespace kansli::testing
