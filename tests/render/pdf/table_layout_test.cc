#include "render/pdf/layout/table_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "render/pdf/layout/hyphenator.h"
#include "render/pdf/layout_fixture.h"
#include "render/pdf/pdf_tools.h"
#include "render/pdf/render_pdf.h"

namespace kansli::pdf {
namespace {

using testing::BodyRuns;
using testing::FindRun;
using testing::LaidOutSite;
using testing::PolicyTxtar;

// Columns as in the issue: codes in a narrow first column, long Swedish compounds elsewhere.
constexpr char kTable[] =
    "| Nr | Nämnd | Indikator | Mål 2024–2025 | Ansvarig förvaltning | Kommentar |\n"
    "|----|-------|-----------|---------------|----------------------|-----------|\n"
    "| A1 | Barn- och utbildningsnämnden | Kvalitetsindikatorsuppföljning | 2024–2025 | "
    "Samhällsbyggnadsförvaltningen | Socialnämndens arbetsutskott följer upp |\n"
    "| K1 | Kommunstyrelsen | Medarbetarengagemangsindex | 2024–2025 | "
    "Kommunstyrelseförvaltningen | Kvalitetsindikatorsuppföljning sker årligen |\n"
    "| S5 | Socialnämndens arbetsutskott | Brukarundersökningsresultat | 2025 | "
    "Socialförvaltningen | Barn- och utbildningsnämnden informeras |\n"
    "| T12 | Tekniska nämnden | Energieffektiviseringsåtgärder | 2024–2025 | "
    "Samhällsbyggnadsförvaltningen | Kommunstyrelseförvaltningen samordnar |\n";

constexpr std::string_view kCodes[] = {"A1", "K1", "S5", "T12", "2024–2025"};

std::vector<std::string> Words(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// The words of the table's cells, sorted: what a reader must find, each as often.
std::vector<std::string> TableWords() {
  std::string cells = kTable;
  std::replace(cells.begin(), cells.end(), '|', ' ');
  std::vector<std::string> words;
  for (std::string& word : Words(cells)) {
    if (word.find_first_not_of('-') != std::string::npos) words.push_back(std::move(word));
  }
  std::sort(words.begin(), words.end());
  return words;
}

// The table's runs: from its header row down.
std::vector<TextRun> TableRuns(const PageFrame& page, const PageStyle& style) {
  const TextRun* header = FindRun(page, "Nr");
  if (header == nullptr) return {};
  std::vector<TextRun> runs;
  for (const TextRun& run : BodyRuns(page, style)) {
    if (run.y <= header->y) runs.push_back(run);
  }
  return runs;
}

// The words the runs read as for copy and search, sorted. Runs that touch on one baseline
// make one word; others are apart.
std::vector<std::string> ReadWords(const std::vector<TextRun>& runs, const FontMetrics& metrics) {
  std::string text;
  const TextRun* last = nullptr;
  for (const TextRun& run : runs) {
    const bool touching =
        last != nullptr && last->y == run.y &&
        std::abs(last->x + metrics.Width(last->face, last->size, last->utf8) - run.x) < 0.01;
    if (!touching) text += ' ';
    text += run.actual_text.value_or(run.utf8);
    last = &run;
  }
  std::vector<std::string> words = Words(text);
  std::sort(words.begin(), words.end());
  return words;
}

// How many times `code` is shown whole, as a word within one run.
size_t ShownWhole(const std::vector<TextRun>& runs, std::string_view code) {
  size_t count = 0;
  for (const TextRun& run : runs) {
    for (const std::string& word : Words(run.utf8)) count += word == code;
  }
  return count;
}

size_t InSource(std::string_view code) {
  std::vector<std::string> words = TableWords();
  return static_cast<size_t>(std::count(words.begin(), words.end(), code));
}

size_t Hyphens(const std::vector<TextRun>& runs) {
  return static_cast<size_t>(std::count_if(runs.begin(), runs.end(), [](const TextRun& run) {
    return run.utf8 == "-" && run.actual_text == "";
  }));
}

TEST(ColumnWidths, GivesEveryColumnItsWidestCellWhenAllFit) {
  // The 80 spare points go 1:3, as the maxima.
  EXPECT_EQ(ColumnWidths({{.max = 20, .min = 10}, {.max = 60, .min = 30}}, 160),
            (std::vector<double>{40, 120}));
}

TEST(ColumnWidths, SharesTheRoomBeyondTheMinimaInProportionToMaxMinusMin) {
  EXPECT_EQ(ColumnWidths({{.max = 50, .min = 10}, {.max = 40, .min = 20}}, 60),
            (std::vector<double>{30, 30}));
  // A column whose text cannot grow keeps its minimum: a code column stays narrow.
  EXPECT_EQ(ColumnWidths({{.max = 15, .min = 15, .floor = 15}, {.max = 100, .min = 10}}, 55),
            (std::vector<double>{15, 40}));
}

TEST(ColumnWidths, ShrinksTheWidestPiecesFirstWhenTheMinimaDoNotFit) {
  // Codes only: not a point less. The 60-point piece comes down to the 30-point one, which
  // keeps its width, so only one column breaks a word between letters.
  EXPECT_EQ(ColumnWidths({{.max = 10, .min = 10, .floor = 10},
                          {.max = 100, .min = 60, .floor = 20},
                          {.max = 80, .min = 30, .floor = 0}},
                         70),
            (std::vector<double>{10, 30, 30}));
  // Below that both give way alike, and no column below its short words.
  EXPECT_EQ(ColumnWidths({{.max = 10, .min = 10, .floor = 10},
                          {.max = 100, .min = 60, .floor = 20},
                          {.max = 80, .min = 30, .floor = 0}},
                         40),
            (std::vector<double>{10, 20, 10}));
  std::vector<double> widths =
      ColumnWidths({{.max = 90, .min = 90, .floor = 5}, {.max = 70, .min = 70, .floor = 40}}, 100);
  ASSERT_EQ(widths.size(), 2u);
  EXPECT_DOUBLE_EQ(widths[0], 50);
  EXPECT_DOUBLE_EQ(widths[1], 50);
}

TEST(ColumnWidths, ShrinksEvenShortWordsWhenNothingElseFits) {
  EXPECT_EQ(
      ColumnWidths({{.max = 30, .min = 30, .floor = 30}, {.max = 50, .min = 50, .floor = 10}}, 20),
      (std::vector<double>{15, 5}));
}

TEST(ColumnWidths, TakesTheWidestOfEachColumnsCellsInRaggedRows) {
  std::vector<std::vector<TextExtent>> rows = {
      {{.natural = 10, .widest_piece = 10, .widest_short = 10},
       {.natural = 100, .widest_piece = 40}},
      {{.natural = 12, .widest_piece = 12, .widest_short = 12}}};
  // Maxima 12 and 100 do not fit 100; minima 12 and 40 do, and only the second can grow.
  EXPECT_EQ(ColumnWidths(rows, 100), (std::vector<double>{12, 88}));
  EXPECT_EQ(ColumnWidths(std::vector<std::vector<TextExtent>>{{{}, {}}}, 100),
            (std::vector<double>{50, 50}));
}

PageStyle Hyphenating() {
  PageStyle style;
  style.hyphenate = true;
  return style;
}

TEST(TableLayout, KeepsCodesWholeAndHyphenatesCompoundsThatReadWhole) {
  LaidOutSite site(PolicyTxtar(kTable));
  const PageStyle style = Hyphenating();
  LaidOutDocument doc = site.Lay("a", style);
  ASSERT_EQ(doc.pages.size(), 1u);
  std::vector<TextRun> runs = TableRuns(doc.pages[0], style);
  ASSERT_FALSE(runs.empty());
  for (std::string_view code : kCodes) {
    EXPECT_EQ(ShownWhole(runs, code), InSource(code)) << code;
  }
  // Compounds too long for their columns break at syllables, with a hyphen drawn…
  EXPECT_GT(Hyphens(runs), 0u);
  for (size_t i = 1; i < runs.size(); ++i) {
    const std::optional<std::string>& word = runs[i - 1].actual_text;
    if (runs[i].utf8 != "-" || !word || word->empty()) continue;
    std::vector<size_t> points;
    HyphenationPoints(*word, points);
    const bool at_point =
        std::find(points.begin(), points.end(), runs[i - 1].utf8.size()) != points.end();
    EXPECT_TRUE(at_point) << runs[i - 1].utf8 << "- in " << *word;
  }
  // …and every word of the table reads whole, as often as the source has it.
  EXPECT_EQ(ReadWords(runs, site.metrics()), TableWords());
}

TEST(TableLayout, BreaksWordsBetweenLettersWithAHyphenOnlyWhenTheirPiecesDoNotFit) {
  // Unhyphenated, the compounds' minima far exceed the page: they break between letters,
  // the code columns keep their width, and no line leaves its column.
  LaidOutSite site(PolicyTxtar(kTable));
  const PageStyle style;
  LaidOutDocument doc = site.Lay("a", style);
  ASSERT_EQ(doc.pages.size(), 1u);
  std::vector<TextRun> runs = TableRuns(doc.pages[0], style);
  for (std::string_view code : kCodes) {
    EXPECT_EQ(ShownWhole(runs, code), InSource(code)) << code;
  }
  EXPECT_GT(Hyphens(runs), 0u);
  EXPECT_EQ(ReadWords(runs, site.metrics()), TableWords());
  for (const TextRun& run : runs) {
    EXPECT_LE(run.x + site.metrics().Width(run.face, run.size, run.utf8), style.body_right() + 0.01)
        << run.utf8;
  }
}

TEST(TableLayout, KeepsCodesWholeInANarrowColumnOfText) {
  // Half the usual text width: codes keep their columns, the rest gives way.
  PageStyle style = Hyphenating();
  style.margin = 160;
  LaidOutSite site(PolicyTxtar(kTable));
  LaidOutDocument doc = site.Lay("a", style);
  ASSERT_FALSE(doc.pages.empty());
  std::vector<TextRun> runs;
  for (const PageFrame& page : doc.pages) {
    for (const TextRun& run : TableRuns(page, style)) runs.push_back(run);
  }
  for (std::string_view code : kCodes) {
    EXPECT_GE(ShownWhole(runs, code), InSource(code)) << code;  // a header may repeat
  }
}

// The document's text as `pdftotext` (with `options`) reads it from the PDF RenderPdf
// writes, with the real fonts and the test config (hyphenated, justified).
std::string PdfText(std::string_view body, const std::string& options) {
  kansli::testing::TestSite site(PolicyTxtar(body));
  EXPECT_TRUE(site.site.has_value()) << site.DiagnosticLines();
  if (!site.site) return "";
  SiteGraph graph(*site.site, Relations{});
  testing::TempDir dir;
  Diagnostics diags;
  std::optional<RenderedPdf> pdf = RenderPdf(graph, *graph.Find("a"), graph.Find("a")->body(), dir.path(), diags);
  EXPECT_TRUE(pdf.has_value());
  if (!pdf) return "";
  std::filesystem::path file = dir.Write("a.pdf", pdf->file.bytes);
  return testing::RunTool("pdftotext -enc UTF-8 " + options + " '" + file.string() + "' -", dir)
      .out;
}

TEST(TableLayout, ReadsBackEveryWordOfTheTableWholeFromThePdf) {
  // The same document with and without the table: what the table adds to pdftotext's words
  // is exactly its cells' words, so no word is cut or loses a letter to a hyphen. -raw reads
  // in drawing order and relies on ActualText alone; the default mode also joins lines that
  // end in "-" by itself.
  for (const std::string options : {"-raw", ""}) {
    std::vector<std::string> with = Words(PdfText(kTable, options));
    std::vector<std::string> without = Words(PdfText("", options));
    std::map<std::string, int> added;
    for (const std::string& word : with) ++added[word];
    for (const std::string& word : without) --added[word];
    std::vector<std::string> words;
    for (const auto& [word, count] : added) {
      EXPECT_GE(count, 0) << word << " " << options;
      for (int i = 0; i < count; ++i) words.push_back(word);
    }
    EXPECT_EQ(words, TableWords()) << options;
  }
}

TEST(TableLayout, KeepsAWordEndingInADashApartFromTheNextLineInThePdf) {
  // "Barn-" ends the first line, as it may in a narrow cell: pdftotext must not read it as a
  // hyphenated "Barnoch".
  for (const std::string options : {"-raw", ""}) {
    const std::string text = PdfText("Barn-\\\noch utbildningsnämnden", options);
    EXPECT_EQ(text.find("Barnoch"), std::string::npos) << text;
    std::vector<std::string> words = Words(text);
    EXPECT_NE(std::find(words.begin(), words.end(), "Barn-"), words.end()) << text;
  }
}

}  // namespace
}  // namespace kansli::pdf
