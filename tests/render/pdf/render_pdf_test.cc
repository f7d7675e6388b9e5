#include "render/pdf/writer/render_pdf.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>

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
      file_ = RenderPdf(*graph_, *doc, dir_.path(), diags_);
    }
    if (file_) path_ = "'" + dir_.Write("out.pdf", file_->bytes).string() + "'";
  }

  const std::optional<OutputFile>& file() const { return file_; }
  const Diagnostics& diags() const { return diags_; }
  pdf::testing::ToolOutput Tool(const std::string& tool) const {
    return RunTool(tool + " " + path_ + (tool.starts_with("pdftotext") ? " -" : ""), dir_);
  }

 private:
  kansli::testing::TestSite site_;
  std::unique_ptr<SiteGraph> graph_;
  TempDir dir_;
  Diagnostics diags_;
  std::optional<OutputFile> file_;
  std::string path_;
};

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
  EXPECT_EQ(std::count(uris.begin(), uris.end(), "https://intra.test/a/"), 1);  // the footer
}

TEST(RenderPdf, GivesIdenticalBytesForTheSameSource) {
  Rendered first(PolicyTxtar(LongBody(10)));
  Rendered second(PolicyTxtar(LongBody(10)));
  ASSERT_TRUE(first.file() && second.file());
  EXPECT_TRUE(first.file()->bytes == second.file()->bytes);
}

TEST(RenderPdf, SurvivesTextNoFontCanShow) {
  Rendered pdf(PolicyTxtar("Emoji 😀 och \x01 styrtecken och 𝔘 och " + std::string(5000, 'w') +
                           "\n\n" + std::string(40, '>') + " djupt citat"));
  ASSERT_TRUE(pdf.file().has_value());
  auto out = pdf.Tool("pdftotext -enc UTF-8");
  EXPECT_NE(out.out.find("Emoji \xEF\xBF\xBD och"), std::string::npos) << out.out.substr(0, 600);
  EXPECT_NE(out.out.find("djupt citat"), std::string::npos);
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
