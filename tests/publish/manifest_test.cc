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

// The manifest is written entry by entry; its bytes are what nlohmann's dump(2) of the whole
// document gives, so readers and earlier manifests see the same format.
TEST(Manifest, IsTheDocumentAsNlohmannWouldIndentIt) {
  for (bool with_ledger : {false, true}) {
    for (size_t count : {0, 1, 3}) {
      std::vector<OutputFile> files;
      for (size_t i = 0; i < count; ++i) files.push_back({"pdf/d" + std::to_string(i) + ".pdf", "x"});
      const LedgerSummary ledger{.head = with_ledger ? "abc" : "", .records = 2};
      const OutputFile manifest =
          MakeManifest(files, {{.path = "pdf/d0.pdf", .id = "d0", .version = "1"}}, ledger);
      const nlohmann::json parsed = nlohmann::json::parse(manifest.bytes);
      EXPECT_EQ(manifest.bytes, parsed.dump(2) + "\n") << with_ledger << " " << count;
      EXPECT_EQ(parsed.contains("ledger"), with_ledger);
    }
  }
}

}  // namespace
}  // namespace kansli
