// The PDFs of the bundled content/ with the real kansli.yaml, read back with poppler.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "config/site_config.h"
#include "markdown/markdown_parser.h"
#include "render/pdf/pdf_tools.h"
#include "render/pdf/render_pdf.h"
#include "site/site_graph.h"
#include "source/source_tree.h"
#include "support/test_site.h"

namespace kansli {
namespace {

using pdf::testing::RunTool;
using pdf::testing::TempDir;

constexpr char kPlan[] = "ljungby-verksamhetsplan-internationellt-arbete";

// content/ and kansli.yaml of the checkout, parsed and validated as the pipeline does. No
// scripts run: links are tested with in-memory sites.
class RealSite {
 public:
  RealSite() : root_(kansli::testing::SourcePath("")), tree_(SourceTree::OnDisk(root_)) {
    if (!(config_ = LoadSiteConfig(tree_, diags_))) return;
    std::vector<ParsedDocument> documents;
    for (const SourceFile* file : tree_.Folder(config_->content_dir, ".md", diags_)) {
      if (auto doc = ParseDocument(*file, diags_)) documents.push_back(std::move(*doc));
    }
    site_ = Validate(std::move(documents), *config_, Clock::Fixed(Date{2026, 1, 1}), diags_);
    if (site_) graph_ = std::make_unique<SiteGraph>(*site_, Relations{});
  }

  const SiteGraph& graph() const { return *graph_; }
  bool ok() const { return graph_ != nullptr && !diags_.HasErrors(); }

  std::optional<OutputFile> Render(const SiteDocument& doc, Diagnostics& diags) const {
    std::optional<RenderedPdf> pdf = RenderPdf(*graph_, doc, doc.body(), root_, diags);
    if (!pdf) return std::nullopt;
    return std::move(pdf->file);
  }

 private:
  std::filesystem::path root_;
  SourceTree tree_;
  Diagnostics diags_;
  std::optional<SiteConfig> config_;
  std::optional<ValidatedSite> site_;
  std::unique_ptr<SiteGraph> graph_;
};

// Share of dark pixels on page 1 rendered in grey at 30 dpi.
double Ink(const std::filesystem::path& pdf, const TempDir& dir) {
  std::string stem = (dir.path() / "page").string();
  RunTool("pdftoppm -gray -r 30 -f 1 -l 1 '" + pdf.string() + "' '" + stem + "'", dir);
  std::ifstream in(stem + "-1.pgm", std::ios::binary);
  std::string magic;
  int width = 0, height = 0, max = 0;
  in >> magic >> width >> height >> max;
  in.get();
  if (magic != "P5" || width <= 0 || height <= 0) return 0;
  std::string pixels(static_cast<size_t>(width) * height, '\0');
  in.read(pixels.data(), static_cast<std::streamsize>(pixels.size()));
  size_t dark = 0;
  for (char p : pixels) dark += static_cast<unsigned char>(p) < 160;
  return static_cast<double>(dark) / static_cast<double>(pixels.size());
}

TEST(RealContent, RendersThePlanWithItsTextInReadingOrder) {
  RealSite site;
  ASSERT_TRUE(site.ok());
  Diagnostics diags;
  std::optional<OutputFile> file = site.Render(*site.graph().Find(kPlan), diags);
  ASSERT_TRUE(file.has_value());
  EXPECT_TRUE(diags.empty());
  TempDir dir;
  std::filesystem::path path = dir.Write("plan.pdf", file->bytes);
  auto text = RunTool("pdftotext -enc UTF-8 '" + path.string() + "' -", dir);
  EXPECT_EQ(text.err, "");
  for (const char* expected :
       {"Verksamhetsplan för internationellt arbete", "Beslutad av", "Kommunstyrelsen",
        "Kommunledningsförvaltningen", "Ljungby kommuns utmaningar delas med andra i Europa",
        "internationellt", "Möjligheter till påverkan (t ex EU)", "Sida 1 av 3"}) {
    EXPECT_NE(text.out.find(expected), std::string::npos) << expected;
  }
  EXPECT_LT(text.out.find("Inledning"), text.out.find("Nyttan med internationellt arbete"));
  EXPECT_LT(text.out.find("Nyttan med internationellt arbete"), text.out.find("Uppföljning"));
  auto fonts = RunTool("pdffonts '" + path.string() + "'", dir);
  EXPECT_EQ(fonts.err, "");
  EXPECT_EQ(fonts.out.find(" no "), std::string::npos) << fonts.out;
  double ink = Ink(path, dir);
  EXPECT_GT(ink, 0.02);  // page 1 is set, not blank
  EXPECT_LT(ink, 0.4);
}

TEST(RealContent, RendersEveryDocumentOnSeveralThreadsAlikeAsOnOne) {
  RealSite site;
  ASSERT_TRUE(site.ok());
  const std::vector<SiteDocument>& docs = site.graph().documents();
  ASSERT_EQ(docs.size(), 5u);
  std::vector<std::optional<OutputFile>> serial, parallel(docs.size());
  for (const SiteDocument& doc : docs) {
    Diagnostics diags;
    serial.push_back(site.Render(doc, diags));
    EXPECT_TRUE(diags.empty()) << doc.id;
  }
  std::vector<Diagnostics> diags(docs.size());
  std::vector<std::thread> threads;
  for (size_t i = 0; i < docs.size(); ++i) {
    threads.emplace_back([&, i] { parallel[i] = site.Render(docs[i], diags[i]); });
  }
  for (std::thread& t : threads) t.join();
  for (size_t i = 0; i < docs.size(); ++i) {
    ASSERT_TRUE(serial[i] && parallel[i]) << docs[i].id;
    EXPECT_EQ(parallel[i]->path, "pdf/" + docs[i].id + ".pdf");
    EXPECT_TRUE(serial[i]->bytes == parallel[i]->bytes) << docs[i].id;
  }
}

}  // namespace
}  // namespace kansli
