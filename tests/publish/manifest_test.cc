#include "publish/manifest.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace kansli {
namespace {

nlohmann::json Entries(const OutputFile& manifest) {
  return nlohmann::json::parse(manifest.bytes).at("files");
}

TEST(Manifest, TiesEachPdfToItsDocumentVersionAndRevisionDate) {
  OutputFile manifest = MakeManifest(
      {{"pdf/plan.pdf", "%PDF"}, {"html/plan/index.html", "<p>"}, {"pdf/old.pdf", "%PDF-x"}},
      {{.path = "pdf/plan.pdf", .id = "plan", .version = "3", .revised = Date{2018, 6, 1}},
       {.path = "pdf/old.pdf", .id = "old"}});
  nlohmann::json files = Entries(manifest);
  ASSERT_EQ(files.size(), 3u);
  // Sorted by path: the page, then old.pdf, then plan.pdf.
  EXPECT_FALSE(files[0].contains("id"));
  EXPECT_EQ(files[1]["id"], "old");
  EXPECT_TRUE(files[1]["version"].is_null());
  EXPECT_TRUE(files[1]["revised"].is_null());
  const nlohmann::json& plan = files[2];
  EXPECT_EQ(plan["path"], "pdf/plan.pdf");
  EXPECT_EQ(plan["bytes"], 4);
  EXPECT_EQ(plan["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(plan["id"], "plan");
  EXPECT_EQ(plan["version"], "3");
  EXPECT_EQ(plan["revised"], "2018-06-01");
}

TEST(Manifest, IgnoresVersionsOfFilesNotPublished) {
  OutputFile manifest =
      MakeManifest({{"a.txt", "a"}}, {{.path = "pdf/gone.pdf", .id = "gone", .version = "1"}});
  EXPECT_EQ(manifest.bytes.find("gone"), std::string::npos);
  EXPECT_EQ(Entries(manifest).size(), 1u);
}

}  // namespace
}  // namespace kansli
