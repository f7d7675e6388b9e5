// An organisation of more documents than its graph shows: the real binary on a generated site.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "support/run_kansli.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

std::string Document(const std::string& id, const std::string& type, const std::string& extra) {
  return "---\nid: " + id + "\ntitle: Dokument " + id + "\ntype: " + type +
         "\norganisation: Storby kommun\nstatus: gällande\nversion: 1\nvalid_from: 2024-01-01\n"
         "review_by: 2030-01-01\nadopted_by: " +
         (type == "policy" ? "Kommunfullmäktige" : "Kommunstyrelsen") + "\nowner: Kansliet\n" +
         extra + "---\nText.\n";
}

size_t Count(const std::string& text, const std::regex& pattern) {
  return static_cast<size_t>(
      std::distance(std::sregex_iterator(text.begin(), text.end(), pattern), {}));
}

// Dot's time grows faster than a graph's nodes, and hundreds of boxes say nothing: the
// organisation's graph shows its most related documents, and says so; the list has them all.
TEST(LargeOrganisation, ItsGraphShowsTheMostRelatedDocumentsAndSaysHowMany) {
  const fs::path site = MakeSiteCopy({}, /*with_content=*/false);
  fs::create_directories(site / "content");
  WriteFile(site / "content/storby-policy.md", Document("storby-policy", "policy", ""));
  for (int i = 0; i < 55; ++i) {
    const std::string id = "storby-plan-" + std::to_string(i);
    WriteFile(site / "content" / (id + ".md"),
              Document(id, "plan", "implements:\n  - storby-policy\n"));
  }
  RunResult built = RunKansli({"build", "--today", "2026-11-23"}, site);
  ASSERT_EQ(built.exit_code, 0) << built.err;
  const std::string page = ReadFile(site / "output/html/organisation/storby-kommun/index.html");
  const size_t graph = page.find("<figure class=\"relation-graph\"");
  ASSERT_NE(graph, std::string::npos);
  const std::string figure = page.substr(graph, page.find("</figure>", graph) - graph);
  // One link per box: the policy, which every plan implements, and 39 of the plans.
  EXPECT_EQ(Count(figure, std::regex("<a ")), 40u);
  EXPECT_NE(figure.find("storby-policy/"), std::string::npos);
  EXPECT_NE(figure.find("Grafen visar de 40 av 56 dokument som har flest relationer."),
            std::string::npos);
  // The list beside it has every document.
  EXPECT_EQ(Count(page.substr(page.find("</figure>")), std::regex("storby-plan-\\d+/")), 55u);
  fs::remove_all(site);
}

}  // namespace
}  // namespace kansli::testing
