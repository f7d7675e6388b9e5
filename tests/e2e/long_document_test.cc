// A long document with headings, nested lists and tables, through the real binary and real
// fonts: read back with pdftotext, every line is there once and in order, no word is set
// outside the margins, and no heading ends a page.
#include <gtest/gtest.h>

#include <cmath>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_kansli.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

constexpr int kSections = 120;

std::string LongDocument() {
  std::string md =
      "---\nid: lang\ntitle: Lång plan\ntype: plan\norganisation: Provby kommun\n"
      "status: gällande\nversion: 1\nadopted_by: Kommunstyrelsen\nvalid_from: 2026-01-01\n"
      "owner: Kansliet\n---\n";
  for (int s = 1; s <= kSections; ++s) {
    const std::string n = std::to_string(s);
    md += "\n## Avsnitt " + n + "\n\n";
    md += "Stycke" + n + " handlar om kommunövergripande verksamhetsutveckling och om hur "
          "förvaltningarna samverkar med civilsamhället i det internationella arbetet.\n\n";
    md += "- Punkt" + n + " med en beskrivning som är lång nog att radbrytas i listan\n"
          "  - Underpunkt" + n + "\n\n";
    md += "| Mål | Ansvarig |\n| --- | --- |\n| Mål" + n +
          " om ökad delaktighet | Kommunledningsförvaltningen |\n\n";
  }
  return md;
}

struct Word {
  int page;
  double x_min, x_max, y_max;
  std::string text;
};

// pdftotext -bbox: one <word> element per word with its box in points.
std::vector<Word> Words(const std::string& bbox_html) {
  std::vector<Word> words;
  const std::regex page_re(R"re(<page width="([\d.]+)")re");
  const std::regex word_re(
      R"re(<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  int page = -1;
  std::istringstream lines(bbox_html);
  std::string line;
  while (std::getline(lines, line)) {
    if (std::regex_search(line, page_re)) ++page;
    std::smatch m;
    if (std::regex_search(line, m, word_re)) {
      words.push_back({page, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), m[4]});
    }
  }
  return words;
}

TEST(LongDocument, PassesAnIndependentPdfAValidator) {
  fs::path site = MakeSiteCopy({}, /*with_content=*/false);
  fs::create_directories(site / "content");
  std::ofstream(site / "content" / "lang.md") << LongDocument();
  RunResult result = RunKansli({"build", "--today", "2026-11-23"}, site);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  RunResult preflight = Preflight(site / "output/pdf/lang.pdf");
  EXPECT_EQ(preflight.exit_code, 0) << preflight.out << preflight.err;
  fs::remove_all(site);
}

TEST(LongDocument, SplitsAcrossPagesWithoutLosingALineOrLeavingTheMargins) {
  fs::path site = MakeSiteCopy({}, /*with_content=*/false);
  fs::create_directories(site / "content");
  std::ofstream(site / "content" / "lang.md") << LongDocument();
  RunResult result = RunKansli({"build", "--today", "2026-11-23"}, site);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const fs::path pdf = site / "output/pdf/lang.pdf";
  RunResult bbox = RunCommand("pdftotext -bbox '" + pdf.string() + "' -");
  ASSERT_EQ(bbox.exit_code, 0) << bbox.err;
  const std::vector<Word> words = Words(bbox.out);
  ASSERT_FALSE(words.empty());
  const int pages = words.back().page + 1;
  EXPECT_GE(pages, 20);

  // kansli.yaml's 25 mm margins on A4; the running header and footer are inside them too.
  const double margin = 25 / 25.4 * 72, width = 595.276;
  for (const Word& w : words) {
    EXPECT_GE(w.x_min, margin - 1) << w.text << " on page " << w.page + 1;
    EXPECT_LE(w.x_max, width - margin + 1) << w.text << " on page " << w.page + 1;
  }
  // Every section's paragraph, list items and table row, each once and in order.
  for (const char* marker : {"Stycke", "Punkt", "Underpunkt", "Mål"}) {
    int expected = 1;
    for (const Word& w : words) {
      if (w.text == marker + std::to_string(expected)) ++expected;
    }
    EXPECT_EQ(expected, kSections + 1) << marker << " " << expected << " is missing or out of order";
  }
  // A heading ("Avsnitt", then its number) is never the last text above the footer rule.
  for (int p = 0; p < pages; ++p) {
    const Word* lowest_body = nullptr;
    for (size_t i = 0; i < words.size(); ++i) {
      const Word& w = words[i];
      if (w.page != p || w.y_max > 841.89 - margin + 10) continue;  // body, not the footer
      if (lowest_body == nullptr || w.y_max > lowest_body->y_max) lowest_body = &w;
    }
    if (lowest_body == nullptr) continue;
    // A contents entry ("Avsnitt 37 . . . 5", with leader dots) names a heading but is none.
    bool contents_entry = false;
    for (const Word& w : words) {
      contents_entry |= w.page == p && std::abs(w.y_max - lowest_body->y_max) < 0.5 &&
                        w.text.find_first_not_of('.') == std::string::npos;
    }
    if (!contents_entry) {
      EXPECT_NE(lowest_body->text, "Avsnitt") << "page " << p + 1 << " ends with a heading";
    }
  }
  fs::remove_all(site);
}

}  // namespace
}  // namespace kansli::testing
