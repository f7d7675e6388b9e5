// The contents list of an official PDF, through the real binary and real fonts: read back page
// by page with pdftotext, each entry's page number is the page its heading is printed on.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "support/run_kansli.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

constexpr int kSections = 25;

// Sections of uneven length, every fifth with a subsection, so headings fall all over the
// pages and some pages start mid-section.
std::string Document() {
  std::string md =
      "---\nid: innehall\ntitle: Plan med innehåll\ntype: plan\norganisation: Provby kommun\n"
      "status: gällande\nversion: 1\nadopted_by: Kommunstyrelsen\nvalid_from: 2026-01-01\n"
      "owner: Kansliet\n---\n";
  for (int s = 1; s <= kSections; ++s) {
    const std::string n = std::to_string(s);
    md += "\n## Avsnitt " + n + "\n\n";
    const int sentences = 2 + (s * 7) % 11;
    for (int i = 0; i < sentences; ++i) {
      md += "Stycke" + n +
            " beskriver hur förvaltningarna samverkar med civilsamhället och "
            "hur arbetet följs upp varje år. ";
    }
    md += "\n";
    if (s % 5 == 0) md += "\n### Underavsnitt " + n + "\n\nEn kort text om delen.\n";
  }
  return md;
}

int PageCount(const fs::path& pdf) {
  RunResult info = RunCommand("pdfinfo '" + pdf.string() + "'");
  std::smatch m;
  static const std::regex pages_re(R"re(Pages:\s+(\d+))re");
  return std::regex_search(info.out, m, pages_re) ? std::stoi(m[1]) : 0;
}

TEST(PdfContents, EachEntryShowsThePageItsHeadingIsPrintedOn) {
  fs::path site = MakeSiteCopy({}, /*with_content=*/false);
  fs::create_directories(site / "content");
  std::ofstream(site / "content" / "innehall.md") << Document();
  RunResult result = RunKansli({"build", "--today", "2026-11-23"}, site);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const fs::path pdf = site / "output/pdf/innehall.pdf";
  const int pages = PageCount(pdf);
  ASSERT_GE(pages, 4);

  // "Avsnitt 7 . . . . . 3" is a contents entry; "Avsnitt 7" alone on its line is the heading.
  const std::regex entry_re(R"re(^\s*((?:Under)?[Aa]vsnitt \d+)\s*(?:\.\s*)+(\d+)\s*$)re");
  const std::regex heading_re(R"re(^\s*((?:Under)?[Aa]vsnitt \d+)\s*$)re");
  std::map<std::string, int> listed;       // title → page number the contents list shows
  std::map<std::string, int> printed;      // title → page the heading is on
  std::map<std::string, int> entry_pages;  // title → page of its contents entry
  for (int p = 1; p <= pages; ++p) {
    const std::string n = std::to_string(p);
    RunResult text = RunCommand("pdftotext -layout -enc UTF-8 -f " + n + " -l " + n + " '" +
                                pdf.string() + "' -");
    ASSERT_EQ(text.exit_code, 0) << text.err;
    std::istringstream lines(text.out);
    std::string line;
    while (std::getline(lines, line)) {
      std::smatch m;
      if (std::regex_match(line, m, entry_re)) {
        EXPECT_TRUE(listed.emplace(m[1], std::stoi(m[2])).second) << "listed twice: " << m[1];
        entry_pages[m[1]] = p;
      } else if (std::regex_match(line, m, heading_re)) {
        EXPECT_TRUE(printed.emplace(m[1], p).second) << "printed twice: " << m[1];
      }
    }
  }
  ASSERT_EQ(listed.size(), static_cast<size_t>(kSections + kSections / 5)) << result.err;
  ASSERT_EQ(printed.size(), listed.size());
  std::set<int> numbers;
  for (const auto& [title, page] : listed) {
    ASSERT_TRUE(printed.contains(title)) << title;
    EXPECT_EQ(page, printed.at(title)) << title;
    EXPECT_LE(entry_pages.at(title), page) << title << ": the list comes before the body";
    numbers.insert(page);
  }
  EXPECT_GE(numbers.size(), 3u);
  EXPECT_EQ(entry_pages.at("Avsnitt 1"), 1);  // right after the title block
  fs::remove_all(site);
}

}  // namespace
}  // namespace kansli::testing
