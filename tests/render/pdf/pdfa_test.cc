#include "render/pdf/writer/pdfa.h"

#include <gtest/gtest.h>

#include <string>

#include "render/pdf/layout_fixture.h"
#include "render/pdf/pdf_tools.h"
#include "render/pdf/render_pdf.h"

namespace kansli::pdf {
namespace {

using testing::LongBody;
using testing::PolicyTxtar;
using testing::RunTool;
using testing::TempDir;

// The bytes of document "a" of `txtar`, rendered through RenderPdf; empty if it failed.
std::string RenderBytes(std::string_view txtar) {
  kansli::testing::TestSite site(txtar);
  EXPECT_TRUE(site.site.has_value()) << site.DiagnosticLines();
  if (!site.site) return "";
  SiteGraph graph(*site.site, Relations{});
  Diagnostics diags;
  TempDir root;
  std::optional<RenderedPdf> pdf = RenderPdf(graph, *graph.Find("a"), graph.Find("a")->body(), root.path(), diags);
  EXPECT_TRUE(diags.empty());
  return pdf ? pdf->file.bytes : "";
}

// A PDF written to a temp folder, read back with poppler, qpdf and xmllint.
class PdfOnDisk {
 public:
  explicit PdfOnDisk(const std::string& bytes)
      : path_("'" + dir_.Write("out.pdf", bytes).string() + "'") {}

  testing::ToolOutput Tool(const std::string& command) const {
    return RunTool(command + " " + path_, dir_);
  }
  // The result of an XPath over the XMP packet; the packet must parse as XML.
  std::string Xmp(const std::string& xpath) const {
    testing::ToolOutput meta = Tool("pdfinfo -meta");
    dir_.Write("xmp.xml", meta.out);
    testing::ToolOutput out = RunTool(
        "xmllint --xpath \"" + xpath + "\" '" + (dir_.path() / "xmp.xml").string() + "'", dir_);
    EXPECT_EQ(out.status, 0) << out.err;
    if (out.out.ends_with('\n')) out.out.pop_back();
    return out.out;
  }

 private:
  TempDir dir_;
  std::string path_;
};

const std::string kSwedishPolicy =
    PolicyTxtar("Text om **åäö**.\n\n[Länk](https://example.se/)",
                "revised: 2018-06-01\ntags: [internationellt, eu]\n");

std::string Element(const std::string& name) { return "string(//*[local-name()='" + name + "'])"; }

TEST(PdfA, SaysItIsPdfA1aAndPdfUa1InTheXmpWithTheSameTitleAsTheInfo) {
  PdfOnDisk pdf(RenderBytes(kSwedishPolicy));
  EXPECT_EQ(pdf.Xmp("string(//*[local-name()='part' and namespace-uri()="
                    "'http://www.aiim.org/pdfa/ns/id/'])"),
            "1");
  EXPECT_EQ(pdf.Xmp(Element("conformance")), "A");  // tagged: level A
  EXPECT_EQ(pdf.Xmp("string(//*[local-name()='part' and namespace-uri()="
                    "'http://www.aiim.org/pdfua/ns/id/'])"),
            "1");
  EXPECT_EQ(pdf.Xmp("string(//*[local-name()='title']//*[local-name()='li'])"),
            "Policy för provning");
  std::string info = pdf.Tool("pdfinfo").out;
  EXPECT_EQ(testing::InfoField(info, "Title"), "Policy för provning");
  EXPECT_EQ(testing::InfoField(info, "Metadata Stream"), "yes");
  EXPECT_EQ(testing::InfoField(info, "Producer"), pdf.Xmp(Element("Producer")));
  EXPECT_EQ(testing::InfoField(info, "Creator"), pdf.Xmp(Element("CreatorTool")));
}

TEST(PdfA, GivesInfoAndXmpTheSameDate) {
  PdfOnDisk pdf(RenderBytes(kSwedishPolicy));
  EXPECT_EQ(pdf.Xmp(Element("CreateDate")), "2018-06-01T00:00:00Z");
  EXPECT_EQ(pdf.Xmp(Element("ModifyDate")), "2018-06-01T00:00:00Z");
  std::string raw = pdf.Tool("pdfinfo -rawdates").out;
  // UTC as a "+00'00'" offset: libharu writes "Z" as "Z00'00'", which PDFBox Preflight reads
  // as another instant than the XMP's and then rejects as PDF/A (7.2).
  EXPECT_EQ(testing::InfoField(raw, "CreationDate"), "D:20180601000000+00'00'") << raw;
  EXPECT_EQ(testing::InfoField(raw, "ModDate"), "D:20180601000000+00'00'") << raw;
}

TEST(PdfA, HasAnSrgbOutputIntentAndAPdf14Header) {
  std::string bytes = RenderBytes(kSwedishPolicy);
  EXPECT_TRUE(bytes.starts_with("%PDF-1.4\n"));
  PdfOnDisk pdf(bytes);
  std::string trailer = pdf.Tool("qpdf --show-object=trailer").out;
  EXPECT_NE(trailer.find("/ID ["), std::string::npos) << trailer;
  std::string catalog = pdf.Tool("qpdf --show-object=1").out;
  EXPECT_NE(catalog.find("/OutputIntents ["), std::string::npos) << catalog;
  EXPECT_NE(catalog.find("/Metadata "), std::string::npos) << catalog;
  std::string json = pdf.Tool("qpdf --json=2 --json-key=qpdf").out;
  EXPECT_NE(json.find("\"/S\": \"/GTS_PDFA1\""), std::string::npos);
  EXPECT_NE(json.find("\"/OutputConditionIdentifier\": \"u:sRGB IEC61966-2.1\""),
            std::string::npos);
  EXPECT_NE(json.find("\"/DestOutputProfile\""), std::string::npos);
}

TEST(PdfA, PassesQpdfCheckAndEmbedsEveryFont) {
  PdfOnDisk pdf(RenderBytes(PolicyTxtar(LongBody(12))));
  testing::ToolOutput check = pdf.Tool("qpdf --check");
  EXPECT_EQ(check.status, 0) << check.out << check.err;
  EXPECT_EQ(check.out.find("WARNING"), std::string::npos) << check.out;
  EXPECT_TRUE(check.err.empty()) << check.err;
  std::string fonts = pdf.Tool("pdffonts").out;
  int rows = 0;
  size_t line = fonts.find('\n', fonts.find("---"));
  for (size_t next; line != std::string::npos && line + 1 < fonts.size(); line = next) {
    next = fonts.find('\n', line + 1);
    std::string row = fonts.substr(line + 1, next - line - 1);
    EXPECT_NE(row.find(" yes yes "), std::string::npos) << row;  // emb, sub
    ++rows;
  }
  EXPECT_GT(rows, 0) << fonts;
}

TEST(PdfA, IsByteIdenticalWhenRenderedTwiceAndStampsADocumentId) {
  std::string first = RenderBytes(kSwedishPolicy);
  ASSERT_FALSE(first.empty());
  EXPECT_EQ(first, RenderBytes(kSwedishPolicy));
  EXPECT_EQ(first.find("<00000000000000000000000000000000>"), std::string::npos);
  EXPECT_NE(first, RenderBytes(PolicyTxtar("Annan text.")));
}

TEST(XmpPacket, EscapesMarkupAndLeavesOutEmptyFields) {
  std::string xmp = XmpPacket(PdfInfo{.title = "A < B & \"C\" > D\x01"}, false);
  EXPECT_NE(xmp.find(">A &lt; B &amp; \"C\" &gt; D</rdf:li>"), std::string::npos) << xmp;
  EXPECT_EQ(xmp.find("dc:creator"), std::string::npos);
  EXPECT_EQ(xmp.find("dc:description"), std::string::npos);
  EXPECT_EQ(xmp.find("xmp:CreateDate"), std::string::npos);
  EXPECT_TRUE(xmp.ends_with("<?xpacket end=\"w\"?>"));
}

TEST(XmpPacket, ClaimsLevelAAndPdfUaOnlyForATaggedDocument) {
  const std::string untagged = XmpPacket(PdfInfo{.title = "T"}, false);
  EXPECT_NE(untagged.find("<pdfaid:conformance>B<"), std::string::npos);
  EXPECT_EQ(untagged.find("pdfuaid"), std::string::npos);
  const std::string tagged = XmpPacket(PdfInfo{.title = "T"}, true);
  EXPECT_NE(tagged.find("<pdfaid:conformance>A<"), std::string::npos);
  EXPECT_NE(tagged.find("<pdfuaid:part>1</pdfuaid:part>"), std::string::npos);
  // PDF/A-1 accepts the pdfuaid namespace only with a schema that describes it.
  EXPECT_NE(tagged.find("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"), std::string::npos);
}

TEST(StampDocumentId, RefusesAFileWithoutThePlaceholder) {
  std::string pdf = "%PDF-1.4\ntrailer\n<< /Size 1 >>\n%%EOF\n";
  EXPECT_FALSE(StampDocumentId(pdf));
}

}  // namespace
}  // namespace kansli::pdf
