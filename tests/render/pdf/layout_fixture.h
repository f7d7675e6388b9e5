// A laid-out test site: TestSite's documents, a SiteGraph over them, and LayOut with the
// fixed-width fake font. Helpers find text runs and link areas on the pages.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "render/pdf/fixed_metrics.h"
#include "render/pdf/layout/lay_out.h"
#include "site/site_graph.h"
#include "support/test_site.h"

namespace kansli::pdf::testing {

// One in-force policy "a" with every panel field but diary_number, and `body`.
inline std::string PolicyTxtar(std::string_view body, std::string_view extra_fields = "") {
  return std::string(
             "-- content/a.md --\n---\nid: a\ntitle: Policy för provning\ntype: policy\n"
             "organisation: Provby kommun\nstatus: gällande\nversion: 2\n"
             "valid_from: 2020-01-01\nadopted_by: Kommunfullmäktige\nowner: Kansliet\n") +
         std::string(extra_fields) + "---\n" + std::string(body) + "\n";
}

class LaidOutSite {
 public:
  explicit LaidOutSite(std::string_view txtar, Relations relations = {}) : site_(txtar) {
    EXPECT_TRUE(site_.site.has_value()) << site_.DiagnosticLines();
    if (site_.site) graph_ = std::make_unique<SiteGraph>(*site_.site, std::move(relations));
  }

  LaidOutDocument Lay(std::string_view id, const PageStyle& style = PageStyle{}) const {
    if (graph_ == nullptr || graph_->Find(id) == nullptr) return {};
    return LayOut(*graph_, *graph_->Find(id), graph_->Find(id)->body(), metrics_, style);
  }

  const FixedMetrics& metrics() const { return metrics_; }
  const SiteText& text() const { return site_.config->text; }

 private:
  kansli::testing::TestSite site_;
  std::unique_ptr<SiteGraph> graph_;
  FixedMetrics metrics_;
};

inline std::vector<TextRun> Runs(const PageFrame& page) {
  std::vector<TextRun> runs;
  for (const FrameItem& item : page.items) {
    if (const auto* run = std::get_if<TextRun>(&item)) runs.push_back(*run);
  }
  return runs;
}

// Runs between the running header and the footer.
inline std::vector<TextRun> BodyRuns(const PageFrame& page, const PageStyle& style = PageStyle{}) {
  std::vector<TextRun> runs;
  for (const TextRun& run : Runs(page)) {
    if (run.y < style.body_top() && run.y > style.body_bottom()) runs.push_back(run);
  }
  return runs;
}

// The first run containing `text`; points into `page`.
inline const TextRun* FindRun(const PageFrame& page, std::string_view text) {
  for (const FrameItem& item : page.items) {
    const auto* run = std::get_if<TextRun>(&item);
    if (run != nullptr && run->utf8.find(text) != std::string::npos) return run;
  }
  return nullptr;
}

inline std::vector<LinkArea> Links(const PageFrame& page, std::string_view uri) {
  std::vector<LinkArea> links;
  for (const FrameItem& item : page.items) {
    if (const auto* link = std::get_if<LinkArea>(&item); link != nullptr && link->uri == uri) {
      links.push_back(*link);
    }
  }
  return links;
}

// "Avsnitt N" sections of varying length, so headings fall all over the pages.
inline std::string LongBody(int sections) {
  std::string body;
  for (int i = 0; i < sections; ++i) {
    body += "## Avsnitt " + std::to_string(i) + "\n\n";
    for (int w = 0; w < 12 + (i * 37) % 90; ++w) body += "ord" + std::to_string(w) + " ";
    body += "\n\n";
  }
  return body;
}

}  // namespace kansli::pdf::testing
