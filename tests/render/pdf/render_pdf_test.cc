#include "render/pdf/render_pdf.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "render/pdf/layout_fixture.h"
#include "render/pdf/pdf_tools.h"

namespace kansli {
namespace {

using pdf::testing::InfoField;
using pdf::testing::LongBody;
using pdf::testing::PolicyTxtar;
using pdf::testing::RunTool;
using pdf::testing::TempDir;

// A test site's document rendered through RenderPdf and written to a temp folder, which is
// also the site root (for font files given in `files`).
class Rendered {
 public:
  explicit Rendered(std::string_view txtar, std::string_view id = "a",
                    const std::map<std::string, std::string>& files = {})
      : site_(txtar) {
    EXPECT_TRUE(site_.site.has_value()) << site_.DiagnosticLines();
    if (!site_.site) return;
    for (const auto& [name, bytes] : files) dir_.Write(name, bytes);
    graph_ = std::make_unique<SiteGraph>(*site_.site, Relations{});
    if (const SiteDocument* doc = graph_->Find(id)) {
      if (auto pdf = RenderPdf(*graph_, *doc, doc->body(), dir_.path(), diags_)) file_ = std::move(pdf->file);
    }
    if (file_) path_ = "'" + dir_.Write("out.pdf", file_->bytes).string() + "'";
  }

  const std::optional<OutputFile>& file() const { return file_; }
  const Diagnostics& diags() const { return diags_; }
  pdf::testing::ToolOutput Tool(const std::string& tool) const {
    const bool to_stdout = tool.starts_with("pdftotext") || tool.starts_with("qpdf --qdf");
    return RunTool(tool + " " + path_ + (to_stdout ? " -" : ""), dir_);
  }

 private:
  kansli::testing::TestSite site_;
  std::unique_ptr<SiteGraph> graph_;
  TempDir dir_;
  Diagnostics diags_;
  std::optional<OutputFile> file_;
  std::string path_;
};

// qpdf's JSON view of the PDF: pages, outlines and every object.
nlohmann::json QpdfJson(const Rendered& pdf) {
  auto out = pdf.Tool("qpdf --json=2 --json-stream-data=none");
  return nlohmann::json::parse(out.out, nullptr, false);
}

// Page number (from 1) of the page object "12 0 R", 0 if none.
int PageNumber(const nlohmann::json& qpdf, const std::string& object) {
  const nlohmann::json& pages = qpdf["pages"];
  for (size_t i = 0; i < pages.size(); ++i) {
    if (pages[i]["object"] == object) return static_cast<int>(i) + 1;
  }
  return 0;
}

struct OutlineItem {
  std::string title;
  int page = 0;
  std::vector<OutlineItem> kids;
};

std::vector<OutlineItem> Outline(const nlohmann::json& items) {
  std::vector<OutlineItem> out;
  for (const nlohmann::json& item : items) {
    out.push_back({item["title"].get<std::string>(), item["destpageposfrom1"].get<int>(),
                   Outline(item["kids"])});
  }
  return out;
}

// The page (from 1) each internal link annotation goes to, in object order.
std::vector<int> LinkDestinationPages(const nlohmann::json& qpdf) {
  std::vector<int> pages;
  for (const auto& [name, object] : qpdf["qpdf"][1].items()) {
    const nlohmann::json& value = object.contains("value") ? object["value"] : nlohmann::json();
    if (value.is_object() && value.value("/Subtype", "") == "/Link" && value.contains("/Dest")) {
      // Inline, [page /XYZ left top null]: PDF/A validators refuse an indirect destination.
      const nlohmann::json& destination = value["/Dest"];
      EXPECT_TRUE(destination.is_array()) << destination;
      if (!destination.is_array()) continue;
      pages.push_back(PageNumber(qpdf, destination[0].get<std::string>()));
    }
  }
  return pages;
}

// The test config with a pdf: section; `pdf:` is on the returned line.
std::string ConfigWithPdf(const std::string& settings, int* pdf_line) {
  std::string config = kansli::testing::kTestConfig;
  *pdf_line = static_cast<int>(std::count(config.begin(), config.end(), '\n')) + 1;
  return "-- kansli.yaml --\n" + config + "pdf:\n" + settings;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(RenderPdf, WritesTheDocumentUnderPdfById) {
  Rendered pdf(PolicyTxtar("Text."));
  ASSERT_TRUE(pdf.file().has_value());
  EXPECT_EQ(pdf.file()->path, "pdf/a.pdf");
  EXPECT_TRUE(pdf.file()->bytes.starts_with("%PDF-"));
  EXPECT_TRUE(pdf.diags().empty());
}

TEST(RenderPdf, KeepsSwedishLettersAndSymbolsInTheText) {
  const std::string text = "Åsa och Örjan åt ärtsoppa på ön § 12 – 5 € “citat” ÅÄÖ åäö";
  Rendered pdf(PolicyTxtar(text + "\n\n**fetstil åäö** *kursiv ÅÄÖ* `kod § €`"));
  auto out = pdf.Tool("pdftotext -enc UTF-8");
  EXPECT_NE(out.out.find(text), std::string::npos) << out.out;
  EXPECT_NE(out.out.find("fetstil åäö kursiv ÅÄÖ kod § €"), std::string::npos) << out.out;
  EXPECT_NE(out.out.find("Policy för provning"), std::string::npos);
  EXPECT_EQ(out.err, "");  // no "Invalid 'begincidrange' operator in ToUnicode CMap"
}

TEST(RenderPdf, WritesAnInfoDictionaryThatReadsBackInPdfinfo) {
  Rendered pdf(
      "-- content/a.md --\n---\nid: a\ntitle: Policy för internationellt arbete\ntype: policy\n"
      "organisation: Ljungby kommun\nstatus: gällande\nversion: 1\nvalid_from: 2013-11-01\n"
      "adopted_by: Kommunfullmäktige\nauthor: Anette Olsson\nowner: Kommunledningsförvaltningen\n"
      "tags: [internationellt arbete, vänorter, “EU” – €]\n---\nText.\n");
  auto out = pdf.Tool("pdfinfo -enc UTF-8");
  EXPECT_EQ(out.err, "");
  EXPECT_EQ(InfoField(out.out, "Title"), "Policy för internationellt arbete");
  EXPECT_EQ(InfoField(out.out, "Author"), "Anette Olsson");
  EXPECT_EQ(InfoField(out.out, "Subject"), "Policy – Ljungby kommun");
  EXPECT_EQ(InfoField(out.out, "Keywords"), "internationellt arbete, vänorter, “EU” – €");
  EXPECT_EQ(InfoField(out.out, "Creator"), "kansli");
  EXPECT_NE(InfoField(out.out, "CreationDate").find("Nov  1 00:00:00 2013"), std::string::npos);
  EXPECT_EQ(InfoField(out.out, "ModDate"), InfoField(out.out, "CreationDate"));
}

TEST(RenderPdf, LeavesOutDatesWhenTheDocumentHasNone) {
  Rendered pdf(
      "-- content/u.md --\n---\nid: u\ntitle: Utkast\ntype: policy\norganisation: P\n"
      "status: utkast\nowner: K\n---\nText.\n",
      "u");
  auto out = pdf.Tool("pdfinfo");
  EXPECT_EQ(InfoField(out.out, "CreationDate"), "");  // never the time of the build
  EXPECT_EQ(InfoField(out.out, "Author"), "K");
}

TEST(RenderPdf, EmbedsEveryFont) {
  Rendered pdf(PolicyTxtar("Vanlig **fet** *kursiv* ***båda*** `kod`"));
  auto out = pdf.Tool("pdffonts");
  EXPECT_EQ(out.err, "");
  int fonts = 0;
  std::istringstream lines(out.out);
  std::string line;
  for (int skip = 0; skip < 2 && std::getline(lines, line); ++skip) {
  }
  while (std::getline(lines, line)) {
    ++fonts;
    EXPECT_NE(line.find("CID TrueType      Identity-H       yes yes yes"), std::string::npos)
        << line;
  }
  EXPECT_EQ(fonts, 5);
}

TEST(RenderPdf, EmbedsOnlyTheFacesADocumentUses) {
  Rendered pdf(PolicyTxtar("Bara vanlig text."));
  auto out = pdf.Tool("pdffonts");
  EXPECT_EQ(out.out.find("Mono"), std::string::npos) << out.out;
  EXPECT_EQ(out.out.find("Italic"), std::string::npos) << out.out;
}

TEST(RenderPdf, NumbersPagesInTheFooterOfEveryPage) {
  Rendered pdf(PolicyTxtar(LongBody(40)));
  auto info = pdf.Tool("pdfinfo");
  int pages = std::stoi(InfoField(info.out, "Pages"));
  ASSERT_GT(pages, 1);
  auto text = pdf.Tool("pdftotext -enc UTF-8").out;
  EXPECT_NE(text.find("Sida 2 av " + std::to_string(pages)), std::string::npos);
  size_t notices = 0;
  const std::string notice =
      "Ett utskrivet dokument är alltid en kopia, giltig version finns alltid på intranätet.";
  for (size_t at = text.find(notice); at != std::string::npos; at = text.find(notice, at + 1)) {
    ++notices;
  }
  EXPECT_EQ(notices, static_cast<size_t>(pages));
  EXPECT_NE(text.find("https://intra.test/a/"), std::string::npos);
}

TEST(RenderPdf, MakesLinksClickable) {
  Rendered pdf(PolicyTxtar("Se [webbplatsen](https://example.se/sida?a=1&b=å)."));
  ASSERT_TRUE(pdf.file().has_value());
  std::vector<std::string> uris = pdf::testing::LinkUris(pdf.file()->bytes);
  EXPECT_EQ(std::count(uris.begin(), uris.end(), "https://example.se/sida?a=1&b=%C3%A5"), 1);
  // The footer's address is printed, and in the QR code, but is no link: the footer is an
  // artifact, and PDF/UA allows no annotation outside the structure tree.
  EXPECT_EQ(std::count(uris.begin(), uris.end(), "https://intra.test/a/"), 0);
  EXPECT_NE(pdf.Tool("pdftotext -enc UTF-8").out.find("https://intra.test/a/"), std::string::npos);
}

TEST(RenderPdf, BookmarksEveryHeadingNestedByLevel) {
  Rendered pdf(PolicyTxtar("## Syfte\n\nText.\n\n### Mål\n\nText.\n\n### Medel\n\nText.\n\n"
                           "## Ansvar för “uppföljning”\n\nText."));
  ASSERT_TRUE(pdf.file().has_value());
  nlohmann::json qpdf = QpdfJson(pdf);
  ASSERT_FALSE(qpdf.is_discarded());
  std::vector<OutlineItem> outline = Outline(qpdf["outlines"]);
  ASSERT_EQ(outline.size(), 2u);
  EXPECT_EQ(outline[0].title, "Syfte");
  ASSERT_EQ(outline[0].kids.size(), 2u);
  EXPECT_EQ(outline[0].kids[0].title, "Mål");
  EXPECT_EQ(outline[0].kids[1].title, "Medel");
  EXPECT_EQ(outline[1].title, "Ansvar för “uppföljning”");
  EXPECT_EQ(outline[1].page, 1);
  // The reader opens with the bookmarks shown.
  EXPECT_NE(pdf.file()->bytes.find("/PageMode /UseOutlines"), std::string::npos);
}

TEST(RenderPdf, GoesFromEachContentsEntryToThePageOfItsHeading) {
  Rendered pdf(PolicyTxtar(LongBody(14)));
  ASSERT_TRUE(pdf.file().has_value());
  nlohmann::json qpdf = QpdfJson(pdf);
  const int pages = static_cast<int>(qpdf["pages"].size());
  ASSERT_GT(pages, 2);
  std::vector<int> targets = LinkDestinationPages(qpdf);
  ASSERT_EQ(targets.size(), 14u);  // one per contents entry
  // Bookmarks and contents links go to the same places, and each to its heading's page.
  std::vector<OutlineItem> outline = Outline(qpdf["outlines"]);
  ASSERT_EQ(outline.size(), 14u);
  for (size_t i = 0; i < outline.size(); ++i) {
    EXPECT_EQ(targets[i], outline[i].page) << outline[i].title;
  }
  for (int section : {0, 7, 13}) {
    const std::string title = "Avsnitt " + std::to_string(section);
    // The heading's own page is the last page showing its title (the contents list shows it
    // first).
    int page = 0;
    for (int p = 1; p <= pages; ++p) {
      std::string command =
          "pdftotext -enc UTF-8 -f " + std::to_string(p) + " -l " + std::to_string(p);
      std::string text = pdf.Tool(command).out;
      if (text.find(title + "\n") != std::string::npos) page = p;
    }
    EXPECT_EQ(outline[section].page, page) << title;
  }
}

// `[Åtgärder](#atgarder)` goes to that heading in the PDF as on the page; a link to no
// heading of the document stays plain text.
TEST(RenderPdf, LinksToAHeadingOfTheSameDocument) {
  std::string body = "Se [Åtgärder](#atgarder) nedan, men inte [detta](#saknas).\n\n";
  for (int i = 0; i < 30; ++i) body += "Ett stycke som fyller sidan med text om arbetet.\n\n";
  body += "## Åtgärder\n\nText.\n";
  Rendered pdf(PolicyTxtar(body));
  ASSERT_TRUE(pdf.file().has_value());
  nlohmann::json qpdf = QpdfJson(pdf);
  ASSERT_GT(qpdf["pages"].size(), 1u);
  EXPECT_EQ(LinkDestinationPages(qpdf), std::vector<int>{2});
  // Tagged as a Link holding its words and its annotation.
  const std::string tree = pdf.Tool("pdfinfo -struct-text").out;
  const size_t link = tree.find("Link (inline)");
  ASSERT_NE(link, std::string::npos) << tree;
  EXPECT_EQ(tree.find("\"Åtgärder\"", link), tree.find('"', link)) << tree;
  EXPECT_NE(tree.find("Object", link), std::string::npos) << tree;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t count = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

TEST(RenderPdf, KeepsHyphenatedWordsWholeForCopyAndSearch) {
  std::string body;
  for (int i = 0; i < 12; ++i) {
    body += "Den kommunövergripande verksamhetsutvecklingen och internationaliseringsarbetet "
            "samordnas av kommunledningsförvaltningen. ";
  }
  Rendered pdf(PolicyTxtar(body));
  ASSERT_TRUE(pdf.file().has_value());
  // Justified Swedish text this dense is hyphenated somewhere: each hyphenated word, its two
  // parts and the hyphen, is one tagged span that reads as the whole word.
  auto qdf = pdf.Tool("qpdf --qdf --object-streams=disable --stream-data=uncompress");
  ASSERT_EQ(qdf.err, "");
  EXPECT_NE(qdf.out.find(" /ActualText <feff"), std::string::npos);  // as qpdf writes it
  EXPECT_NE(qdf.out.find("/Span <</MCID "), std::string::npos);
  // …yet every word reads back whole, and no hyphen the source does not have is read.
  std::string read = pdf.Tool("pdftotext -enc UTF-8 -raw").out;
  for (const std::string word : {"kommunövergripande", "verksamhetsutvecklingen",
                                 "internationaliseringsarbetet", "kommunledningsförvaltningen"}) {
    EXPECT_EQ(Count(read, word), 12u) << word << "\n" << read;
  }
  EXPECT_EQ(read.find("-\n"), std::string::npos) << read;
}

TEST(RenderPdf, SetsAJustifiedLineAsOneTextShowingWithoutAMatrixPerWord) {
  std::string body;
  for (int i = 0; i < 8; ++i) {
    body += "Kommunen samverkar med andra kommuner, regioner och organisationer i Europa och "
            "i resten av världen när det gynnar invånarna och verksamheten. ";
  }
  Rendered pdf(PolicyTxtar(body));
  auto qdf = pdf.Tool("qpdf --qdf --object-streams=disable --stream-data=uncompress");
  ASSERT_EQ(qdf.err, "");
  // The words of a line are spaced by the displacements of one TJ array…
  EXPECT_GE(Count(qdf.out, "] TJ\n"), 8u);
  // …so text matrices are set per line, not per word (over 150 words here).
  EXPECT_LT(Count(qdf.out, " Tm\n"), 60u);
  // The spacing still reads as the source's words.
  const std::string read = pdf.Tool("pdftotext -enc UTF-8 -raw").out;
  EXPECT_EQ(Count(read, "gynnar invånarna och verksamheten."), 8u) << read;
}

TEST(RenderPdf, SetsFootnotesBelowTheTextNumberedLikeTheirReferences) {
  Rendered pdf(PolicyTxtar("Enligt lagen[^kl] och beslutet[^b] gäller detta.\n\n"
                           "Ett stycke till.\n\n"
                           "[^b]: KS 2018/127.\n[^kl]: Kommunallagen (2017:725), 6 kap.\n"));
  std::string text = pdf.Tool("pdftotext -enc UTF-8 -raw").out;
  // The raised numbers read as their own words; the footnotes follow the text of the page,
  // in number order.
  size_t ref = text.find("Enligt lagen1");
  size_t after = text.find("Ett stycke till.");
  size_t first = text.find("Kommunallagen (2017:725), 6 kap.");
  size_t second = text.find("KS 2018/127.");
  ASSERT_NE(ref, std::string::npos) << text;
  EXPECT_GT(first, after) << text;
  EXPECT_GT(second, first) << text;
}

TEST(RenderPdf, SetsEachFootnoteAtTheFootOfThePageThatRefersToIt) {
  // The reference lands on a later page; its note goes there, not to page 1 or the end.
  Rendered pdf(PolicyTxtar(LongBody(12) + "Sista stycket hänvisar hit[^sist].\n\n" +
                           LongBody(12) + "\n[^sist]: Noten om sista stycket.\n"));
  ASSERT_TRUE(pdf.file().has_value());
  const int pages = std::stoi(InfoField(pdf.Tool("pdfinfo").out, "Pages"));
  ASSERT_GE(pages, 3);
  int reference_page = 0, note_page = 0;
  for (int page = 1; page <= pages; ++page) {
    const std::string range = " -f " + std::to_string(page) + " -l " + std::to_string(page);
    const std::string text = pdf.Tool("pdftotext -enc UTF-8 -raw" + range).out;
    if (text.find("hänvisar hit1") != std::string::npos) reference_page = page;
    if (text.find("Noten om sista stycket.") != std::string::npos) note_page = page;
  }
  EXPECT_GT(reference_page, 1);
  EXPECT_LT(reference_page, pages);
  EXPECT_EQ(note_page, reference_page);
}

TEST(RenderPdf, SetsANoteTooLongForAPageFootAfterTheText) {
  std::string note = "[^lang]: Början av den långa noten.";
  for (int i = 0; i < 40; ++i) note += "\n\n    Ett långt stycke i noten, nummer " + std::to_string(i) + ".";
  Rendered pdf(PolicyTxtar("Kort text med en lång not[^lang].\n\nSista stycket.\n\n" + note + "\n"));
  ASSERT_TRUE(pdf.file().has_value());
  const std::string text = pdf.Tool("pdftotext -enc UTF-8 -raw").out;
  const size_t last = text.find("Sista stycket.");
  ASSERT_NE(last, std::string::npos) << text;
  EXPECT_GT(text.find("Början av den långa noten."), last) << text;
  // Set in the flow, the note goes on over the next page, which a page-foot note never does.
  const std::string page1 = pdf.Tool("pdftotext -enc UTF-8 -raw -f 1 -l 1").out;
  const std::string page2 = pdf.Tool("pdftotext -enc UTF-8 -raw -f 2 -l 2").out;
  EXPECT_NE(page1.find("Början av den långa noten."), std::string::npos) << page1;
  EXPECT_NE(page2.find("nummer 39."), std::string::npos) << page2;
}

TEST(RenderPdf, GivesIdenticalBytesForTheSameSource) {
  Rendered first(PolicyTxtar(LongBody(10)));
  Rendered second(PolicyTxtar(LongBody(10)));
  ASSERT_TRUE(first.file() && second.file());
  EXPECT_TRUE(first.file()->bytes == second.file()->bytes);
}

std::string AsDraft(std::string txtar) {
  txtar.replace(txtar.find("status: gällande"), std::string("status: gällande").size(),
                "status: utkast");
  return txtar;
}

// A draft may show characters the font lacks while it is written; they are warnings.
TEST(RenderPdf, SurvivesTextNoFontCanShow) {
  Rendered pdf(AsDraft(PolicyTxtar("Emoji 😀 och 𝔘 och " +
                                   std::string(5000, 'w') + "\n\n" + std::string(40, '>') +
                                   " djupt citat")));
  ASSERT_TRUE(pdf.file().has_value());
  auto out = pdf.Tool("pdftotext -enc UTF-8");
  // Printed as empty boxes, but copy and search still get the characters (ActualText).
  EXPECT_NE(out.out.find("Emoji 😀 och"), std::string::npos) << out.out.substr(0, 600);
  EXPECT_NE(out.out.find("och 𝔘 och"), std::string::npos);
  EXPECT_NE(out.out.find("djupt citat"), std::string::npos);
  std::vector<std::string> warnings;
  for (const Diagnostic& d : pdf.diags().list()) {
    EXPECT_EQ(d.code, Code::kGlyphMissing);
    warnings.push_back(d.message);
  }
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[0].find("U+1D518 '𝔘' (LiberationSerif)"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[1].find("U+1F600 '😀' (LiberationSerif)"), std::string::npos) << warnings[1];
}

// PDF/A and PDF/UA forbid the empty box (.notdef): an official version gets no PDF.
TEST(RenderPdf, AMissingGlyphIsAnErrorInADecidedDocument) {
  Rendered pdf(PolicyTxtar("Emoji 😀 i en gällande policy."));
  EXPECT_FALSE(pdf.file().has_value());
  ASSERT_EQ(pdf.diags().list().size(), 1u);
  const Diagnostic& d = pdf.diags().list()[0];
  EXPECT_EQ(d.code, Code::kGlyphMissing);
  EXPECT_EQ(d.severity, Severity::kError);
  EXPECT_NE(d.message.find("U+1F600"), std::string::npos) << d.message;
}

TEST(RenderPdf, ReportsAFontFileThatDoesNotExistAtThePdfSettings) {
  int line = 0;
  std::string txtar =
      ConfigWithPdf("  font_bold: /nonexistent/x.ttf\n  font_mono: fonts/gone.ttf\n", &line) +
      PolicyTxtar("Text.");
  Rendered pdf(txtar);
  EXPECT_FALSE(pdf.file().has_value());
  std::vector<Diagnostic> list = pdf.diags().Sorted();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].code, Code::kFontMissing);
  EXPECT_EQ(list[0].pos.file, "kansli.yaml");
  EXPECT_EQ(list[0].pos.line, line + 1);  // config/ places a map at its first key
  std::vector<std::string> messages = {list[0].message, list[1].message};
  std::sort(messages.begin(), messages.end());
  EXPECT_EQ(messages[0], "pdf.font_bold: /nonexistent/x.ttf does not exist");
  EXPECT_EQ(messages[1], "pdf.font_mono: fonts/gone.ttf does not exist");
}

TEST(RenderPdf, ReportsAFontFileThatIsNoTrueTypeFont) {
  int line = 0;
  std::string txtar =
      ConfigWithPdf("  font_italic: fonts/fake.ttf\n", &line) + PolicyTxtar("Text.");
  Rendered pdf(txtar, "a", {{"fonts/fake.ttf", "det här är ingen font"}});
  EXPECT_FALSE(pdf.file().has_value());
  ASSERT_EQ(pdf.diags().list().size(), 1u);
  EXPECT_EQ(pdf.diags().list()[0].message,
            "pdf.font_italic: fonts/fake.ttf is not a TrueType font");
}

TEST(RenderPdf, ReportsATruncatedFontWhenItIsUsed) {
  int line = 0;
  std::string font = ReadFile(PdfSettings{}.font_regular);
  ASSERT_GT(font.size(), 200000u);
  std::string txtar = ConfigWithPdf("  font_mono: cut.ttf\n", &line) + PolicyTxtar("Med `kod`.");
  Rendered pdf(txtar, "a", {{"cut.ttf", font.substr(0, 200000)}});
  EXPECT_FALSE(pdf.file().has_value());
  ASSERT_EQ(pdf.diags().list().size(), 1u);
  EXPECT_EQ(pdf.diags().list()[0].code, Code::kFontMissing);
  EXPECT_TRUE(pdf.diags().list()[0].message.starts_with(
      "pdf.font_mono: cut.ttf cannot be loaded as a TrueType font"))
      << pdf.diags().list()[0].message;
}

}  // namespace
}  // namespace kansli
