#include "render/pdf/writer/pdfa.h"

#include <cctype>
#include <cstdio>

#include "render/pdf/writer/info_dictionary.h"
#include "source/sha256.h"

namespace kansli::pdf {
namespace {

constexpr size_t kIdBytes = 16;

// Escapes XML's special characters and drops the control characters XML 1.0 cannot hold.
std::string XmlText(std::string_view text) {
  std::string out;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      continue;
    } else {
      out += c;
    }
  }
  return out;
}

// The Info dictionary's D:YYYYMMDD000000Z as XMP's ISO 8601 form of the same instant.
std::string XmpDate(const Date& date) {
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT00:00:00Z", date.year, date.month, date.day);
  return text;
}

std::string Element(std::string_view name, std::string_view value) {
  return "   <" + std::string(name) + ">" + XmlText(value) + "</" + std::string(name) + ">\n";
}

// A language alternative (dc:title, dc:description) with only the default entry.
std::string AltElement(std::string_view name, std::string_view value) {
  return "   <" + std::string(name) + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + XmlText(value) +
         "</rdf:li></rdf:Alt></" + std::string(name) + ">\n";
}

std::string Description(std::string_view prefix, std::string_view ns, const std::string& body) {
  return "  <rdf:Description rdf:about=\"\" xmlns:" + std::string(prefix) + "=\"" +
         std::string(ns) + "\">\n" + body + "  </rdf:Description>\n";
}

void AddPlaceholderId(PdfBuilder& pdf) {
  const std::string zeros(kIdBytes, '\0');
  pdf.Put(pdf.Trailer(), "ID", pdf.Array({PdfBytes{zeros}, PdfBytes{zeros}}));
}

std::string PlaceholderHex() { return std::string(kIdBytes * 2, '0'); }

}  // namespace

// PDF/A-1 accepts XMP properties outside its own list only with a schema describing them:
// pdfuaid:part, the PDF/UA claim of a tagged document.
constexpr char kPdfUaExtension[] =
    "  <rdf:Description rdf:about=\"\"\n"
    "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
    "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
    "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
    "    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
    "    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
    "     <pdfaProperty:name>part</pdfaProperty:name>\n"
    "     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "     <pdfaProperty:category>internal</pdfaProperty:category>\n"
    "     <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>\n"
    "    </rdf:li></rdf:Seq></pdfaSchema:property>\n"
    "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
    "  </rdf:Description>\n";

std::string XmpPacket(const PdfInfo& info, bool tagged) {
  std::string dc = AltElement("dc:title", info.title);
  if (!info.author.empty()) {
    dc += "   <dc:creator><rdf:Seq><rdf:li>" + XmlText(info.author) +
          "</rdf:li></rdf:Seq></dc:creator>\n";
  }
  if (!info.subject.empty()) dc += AltElement("dc:description", info.subject);
  if (!info.identifier.empty()) dc += Element("dc:identifier", info.identifier);
  std::string pdf = Element("pdf:Producer", PdfProducer());
  if (!info.keywords.empty()) pdf += Element("pdf:Keywords", info.keywords);
  std::string xmp = Element("xmp:CreatorTool", info.creator);
  if (info.date) {
    xmp += Element("xmp:CreateDate", XmpDate(*info.date));
    xmp += Element("xmp:ModifyDate", XmpDate(*info.date));
  }
  // Level A is level B with the structure a tagged PDF carries.
  std::string pdfaid = Element("pdfaid:part", "1") + Element("pdfaid:conformance", tagged ? "A" : "B");
  return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
         "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
         " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
         Description("dc", "http://purl.org/dc/elements/1.1/", dc) +
         Description("pdf", "http://ns.adobe.com/pdf/1.3/", pdf) +
         Description("xmp", "http://ns.adobe.com/xap/1.0/", xmp) +
         Description("pdfaid", "http://www.aiim.org/pdfa/ns/id/", pdfaid) +
         (tagged ? kPdfUaExtension + Description("pdfuaid", "http://www.aiim.org/pdfua/ns/id/",
                                                 Element("pdfuaid:part", "1"))
                 : std::string()) +
         " </rdf:RDF>\n"
         "</x:xmpmeta>\n"
         "<?xpacket end=\"w\"?>";
}

void AddPdfAParts(PdfBuilder& pdf, const PdfInfo& info, bool tagged,
                  const PackedStream& icc_profile) {
  // PDF/A-1 wants the packet readable without decoding.
  PdfDict metadata = pdf.PlainStream(XmpPacket(info, tagged));
  pdf.Put(metadata, "Type", PdfName{"Metadata"});
  pdf.Put(metadata, "Subtype", PdfName{"XML"});
  pdf.Put(pdf.Catalog(), "Metadata", metadata);

  PdfDict profile = pdf.Stream(icc_profile);
  pdf.Put(profile, "N", 3);
  pdf.Put(profile, "Alternate", PdfName{"DeviceRGB"});
  PdfDict intent = pdf.Dict();
  const PdfText condition{"sRGB IEC61966-2.1"};
  pdf.Put(intent, "Type", PdfName{"OutputIntent"});
  pdf.Put(intent, "S", PdfName{"GTS_PDFA1"});
  pdf.Put(intent, "OutputConditionIdentifier", condition);
  pdf.Put(intent, "Info", condition);
  pdf.Put(intent, "DestOutputProfile", profile);
  pdf.Put(pdf.Catalog(), "OutputIntents", pdf.Array({intent}));
  AddPlaceholderId(pdf);
}

bool StampDocumentId(std::string& pdf) {
  const std::string placeholder = "<" + PlaceholderHex() + ">";
  size_t trailer = pdf.rfind("trailer");
  if (trailer == std::string::npos) return false;
  size_t first = pdf.find(placeholder, trailer);
  size_t second = first == std::string::npos ? first : pdf.find(placeholder, first + 1);
  if (second == std::string::npos) return false;
  std::string id = Sha256Hex(pdf).substr(0, kIdBytes * 2);
  for (char& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  pdf.replace(first + 1, id.size(), id);
  pdf.replace(second + 1, id.size(), id);
  return true;
}

}  // namespace kansli::pdf
