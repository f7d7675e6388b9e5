// The official PDF as a screen reader gets it: `kansli build` on the bundled content/ plus a
// document with every kind of block, then the PDFs read back by poppler (`pdfinfo`,
// `pdfinfo -struct-text`, `pdftotext`) and qpdf, tools that never saw kansli's code.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_kansli.h"
#include "support/test_images.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

// content/'s documents and the one with every block kind.
std::vector<std::string> Ids() {
  std::vector<std::string> ids(std::begin(kContentIds), std::end(kContentIds));
  ids.push_back("tillganglighet");
  return ids;
}

// Every block kind the PDF tags: a list in a list, a quote, code, a table, a figure, a
// footnote, links out and within the document.
const char kEveryBlock[] = R"(---
id: tillganglighet
title: Riktlinje för tillgängliga dokument
type: riktlinje
organisation: Provby kommun
status: gällande
version: 1
valid_from: 2026-01-01
review_by: 2028-01-01
adopted_by: Kommunstyrelsen
owner: Kansliet
---
## Syfte

Dokument ska kunna läsas med skärmläsare[^1], se [Åtgärder](#atgarder) och
[DIGG:s vägledning](https://www.digg.se/).

1. Rubriker i ordning
2. Listor med underpunkter
   - alternativtext för bilder
   - tabeller med rubrikrader

> Ett citat om tillgänglighet.

```
kod = "som den skrivs"
```

| Nämnd | Mål |
| --- | --- |
| Kommunstyrelsen | Tillgängliga beslut |

![Karta över kommunens förvaltningar](karta.png)

## Åtgärder

Varje förvaltning granskar sina dokument.

[^1]: Till exempel NVDA eller VoiceOver.
)";

class TaggedPdf : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    site_ = new fs::path(MakeSiteCopy({}, /*with_content=*/true));
    WriteFile(*site_ / "content/tillganglighet.md", kEveryBlock);
    WriteFile(*site_ / "content/karta.png", SolidPng(40, 30, 20, 90, 160));
    result_ = new RunResult(RunKansli({"build", "--today", "2026-11-23"}, *site_));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*site_);
    delete site_;
    delete result_;
  }
  static std::string Pdf(const std::string& id) {
    return "'" + (*site_ / "output/pdf" / (id + ".pdf")).string() + "'";
  }
  static std::string Run(const std::string& command) { return RunCommand(command).out; }

  static fs::path* site_;
  static RunResult* result_;
};

fs::path* TaggedPdf::site_ = nullptr;
RunResult* TaggedPdf::result_ = nullptr;

std::set<std::string> Words(const std::string& text) {
  std::set<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) {
    // Quotes and punctuation around a word are not the word.
    const size_t first = word.find_first_not_of("\"'.,:;()[]“”");
    const size_t last = word.find_last_not_of("\"'.,:;()[]“”");
    if (first != std::string::npos) words.insert(word.substr(first, last - first + 1));
  }
  return words;
}

// The quoted text lines of `pdfinfo -struct-text`: what a screen reader is given.
std::string TreeText(const std::string& struct_text) {
  std::string text;
  std::istringstream in(struct_text);
  for (std::string line; std::getline(in, line);) {
    const size_t open = line.find('"');
    if (open == std::string::npos || line.back() != '"') continue;
    text += line.substr(open + 1, line.size() - open - 2) + "\n";
  }
  return text;
}

TEST_F(TaggedPdf, BuildsWithNothingToWarnOfInTheNewDocument) {
  EXPECT_EQ(result_->exit_code, 0) << result_->err;
  EXPECT_EQ(result_->err.find("tillganglighet.md"), std::string::npos) << result_->err;
}

TEST_F(TaggedPdf, EveryPdfIsTaggedInSwedishWithItsTitleShown) {
  for (const std::string& id : Ids()) {
    const std::string info = Run("pdfinfo " + Pdf(id));
    EXPECT_NE(info.find("Tagged:          yes"), std::string::npos) << id << "\n" << info;
    const nlohmann::json qpdf =
        nlohmann::json::parse(Run("qpdf --json=2 --json-key=qpdf " + Pdf(id)));
    const nlohmann::json& objects = qpdf["qpdf"][1];
    const std::string root = qpdf["qpdf"][1]["trailer"]["value"]["/Root"];
    const nlohmann::json& catalog = objects["obj:" + root]["value"];
    EXPECT_EQ(catalog["/MarkInfo"]["/Marked"], true) << id;
    EXPECT_EQ(catalog["/Lang"], "u:sv-SE") << id;
    EXPECT_EQ(catalog["/ViewerPreferences"]["/DisplayDocTitle"], true) << id;
    EXPECT_TRUE(catalog.contains("/StructTreeRoot")) << id;
    int pages = 0;
    for (const auto& [name, object] : objects.items()) {
      const nlohmann::json& value = object.contains("value") ? object["value"] : nlohmann::json();
      if (!value.is_object() || value.value("/Type", "") != "/Page") continue;
      ++pages;
      EXPECT_EQ(value.value("/Tabs", ""), "/S") << id << " " << name;
      EXPECT_TRUE(value.contains("/StructParents")) << id << " " << name;
    }
    EXPECT_GT(pages, 0) << id;
  }
}

// Letters and digits only: poppler's tree text shows a hyphenated word as its parts where
// pdftotext reads its ActualText, so words are compared without hyphens and spaces.
std::string Letters(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '-' && c != '"') out += c;
  }
  return out;
}

// Every word pdftotext finds is in the tree, except the page furniture, which is not.
TEST_F(TaggedPdf, TheTreeHoldsEveryWordButThePageFurniture) {
  for (const std::string& id : Ids()) {
    const std::string tree = TreeText(Run("pdfinfo -struct-text " + Pdf(id)));
    ASSERT_FALSE(tree.empty()) << id;
    EXPECT_EQ(tree.find("Sida 1 av"), std::string::npos) << id;
    EXPECT_EQ(tree.find("Ett utskrivet dokument"), std::string::npos) << id;
    const std::string in_tree = Letters(tree);
    std::set<std::string> furniture = Words(
        "Ett utskrivet dokument är alltid en kopia, giltig version finns alltid på intranätet. "
        "Sida av Version UTKAST UPPHÄVD ERSATT AV");
    for (int n = 1; n < 100; ++n) furniture.insert(std::to_string(n));
    for (const std::string& word : Words(Run("pdftotext -enc UTF-8 " + Pdf(id) + " -"))) {
      if (furniture.contains(word) || in_tree.find(Letters(word)) != std::string::npos) continue;
      if (word.starts_with("https://") || word.find("intranat") != std::string::npos) continue;
      ADD_FAILURE() << id << ": '" << word << "' is printed but not in the structure tree";
    }
    // Lines of a paragraph are read apart: no word runs into the next line's first word.
    EXPECT_EQ(tree.find("ochbolag"), std::string::npos) << id;
  }
}

TEST_F(TaggedPdf, EveryBlockHasItsRole) {
  const std::string tree = Run("pdfinfo -struct-text " + Pdf("tillganglighet"));
  for (const char* role :
       {"Document", "H1 (block)", "H2 (block)", "P (block)", "L (block)", "LI", "Lbl", "LBody",
        "BlockQuote", "Code", "Table", "THead", "TBody", "TR", "TH", "TD", "Figure", "Link",
        "Note", "Reference"}) {
    EXPECT_NE(tree.find(role), std::string::npos) << role << "\n" << tree;
  }
  // The table's header cells are headers of their columns; the numbered list counts.
  EXPECT_NE(tree.find("/Scope /Column"), std::string::npos) << tree;
  EXPECT_NE(tree.find("/ListNumbering /Decimal"), std::string::npos) << tree;
  // The title is read first, then the metadata panel, then the body.
  EXPECT_LT(tree.find("Riktlinje för tillgängliga dokument"), tree.find("Beslutad av"));
  EXPECT_LT(tree.find("Beslutad av"), tree.find("Syfte"));
}

TEST_F(TaggedPdf, AFigureSaysWhatItShowsAndALinkWhereItGoes) {
  const nlohmann::json qpdf =
      nlohmann::json::parse(Run("qpdf --json=2 --json-key=qpdf " + Pdf("tillganglighet")));
  bool figure = false;
  std::set<std::string> link_contents;
  for (const auto& [name, object] : qpdf["qpdf"][1].items()) {
    const nlohmann::json& value = object.contains("value") ? object["value"] : nlohmann::json();
    if (!value.is_object()) continue;
    if (value.value("/S", "") == "/Figure") {
      figure = true;
      EXPECT_EQ(value.value("/Alt", ""), "u:Karta över kommunens förvaltningar");
    }
    if (value.value("/Subtype", "") == "/Link") {
      EXPECT_TRUE(value.contains("/StructParent")) << name;
      link_contents.insert(value.value("/Contents", ""));
    }
  }
  EXPECT_TRUE(figure);
  EXPECT_TRUE(link_contents.contains("u:Åtgärder")) << link_contents.size();
  EXPECT_TRUE(link_contents.contains("u:DIGG:s vägledning")) << link_contents.size();
}

TEST_F(TaggedPdf, ContentsListIsATocOfLinks) {
  const std::string tree =
      Run("pdfinfo -struct-text " + Pdf("ljungby-verksamhetsplan-internationellt-arbete"));
  const size_t toc = tree.find("  TOC\n");
  ASSERT_NE(toc, std::string::npos) << tree;
  EXPECT_NE(tree.find("TOCI", toc), std::string::npos);
  EXPECT_NE(tree.find("Link", toc), std::string::npos);
}

// A fresh site of the checkout's settings with `document` as its one document, and its image.
fs::path SiteWith(const std::string& document) {
  const fs::path site = MakeSiteCopy({}, /*with_content=*/false);
  fs::create_directories(site / "content");
  WriteFile(site / "content/tillganglighet.md", document);
  WriteFile(site / "content/karta.png", SolidPng(4, 4, 0, 0, 0));
  return site;
}

// PDF/A and PDF/UA forbid the empty box a missing glyph prints as: an official version fails
// the build with the document's file, a draft builds with a warning.
TEST(TaggedPdfGlyphs, AMissingGlyphFailsAnOfficialVersionAndWarnsForADraft) {
  const std::string every_block = kEveryBlock;
  const std::string document =
      every_block.substr(0, every_block.find("## Syfte")) + "Ett tecken utan glyf: 😀\n";
  const fs::path site = SiteWith(document);
  RunResult official = RunKansli({"build", "--today", "2026-11-23"}, site);
  EXPECT_EQ(official.exit_code, 1) << official.err;
  EXPECT_NE(official.err.find("content/tillganglighet.md: error: the PDF font has no glyph for "
                              "U+1F600"),
            std::string::npos)
      << official.err;
  EXPECT_FALSE(fs::exists(site / "output/pdf/tillganglighet.pdf"));

  std::string draft = document;
  draft.replace(draft.find("status: gällande"), std::string("status: gällande").size(),
                "status: utkast");
  WriteFile(site / "content/tillganglighet.md", draft);
  RunResult built = RunKansli({"build", "--today", "2026-11-23"}, site);
  EXPECT_EQ(built.exit_code, 0) << built.err;
  EXPECT_NE(built.err.find("warning: the PDF font has no glyph for U+1F600"), std::string::npos)
      << built.err;
  fs::remove_all(site);
}

// The alt text is the Figure's /Alt: without it a screen reader can only say "image".
TEST(TaggedPdfImages, AnImageWithoutAltTextIsAWarningAtItsPlace) {
  std::string document = kEveryBlock;
  document.replace(document.find("![Karta över kommunens förvaltningar]"),
                   std::string("![Karta över kommunens förvaltningar]").size(), "![]");
  const fs::path site = SiteWith(document);
  RunResult built = RunKansli({"build", "--today", "2026-11-23"}, site);
  EXPECT_EQ(built.exit_code, 0) << built.err;
  EXPECT_NE(built.err.find("content/tillganglighet.md:33:1: warning: image 'karta.png' has no "
                           "alt text"),
            std::string::npos)
      << built.err;
  EXPECT_NE(built.err.find("[image-no-alt]"), std::string::npos) << built.err;
  fs::remove_all(site);
}

}  // namespace
}  // namespace kansli::testing
