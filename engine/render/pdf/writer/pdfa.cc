#include "render/pdf/writer/pdfa.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <cctype>
#include <cstdio>

#include "render/pdf/writer/haru.h"
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

HPDF_Dict MetadataStream(HPDF_Doc doc, const PdfInfo& info) {
  HPDF_Dict stream = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (stream == nullptr) return nullptr;
  // PDF/A-1 wants the packet readable without decoding.
  stream->filter = HPDF_STREAM_FILTER_NONE;
  std::string xmp = XmpPacket(info);
  if (HPDF_Dict_AddName(stream, "Type", "Metadata") != HPDF_OK ||
      HPDF_Dict_AddName(stream, "Subtype", "XML") != HPDF_OK ||
      HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(xmp.data()),
                        static_cast<HPDF_UINT>(xmp.size())) != HPDF_OK) {
    return nullptr;
  }
  return stream;
}

HPDF_Dict OutputIntent(HPDF_Doc doc, const PackedStream& icc_profile) {
  HPDF_Dict profile = NewStream(doc, icc_profile);
  if (profile == nullptr || HPDF_Dict_AddNumber(profile, "N", 3) != HPDF_OK ||
      HPDF_Dict_AddName(profile, "Alternate", "DeviceRGB") != HPDF_OK) {
    return nullptr;
  }
  HPDF_Dict intent = NewIndirectDict(doc);
  if (intent == nullptr) return nullptr;
  const char* condition = "sRGB IEC61966-2.1";
  bool ok =
      HPDF_Dict_AddName(intent, "Type", "OutputIntent") == HPDF_OK &&
      HPDF_Dict_AddName(intent, "S", "GTS_PDFA1") == HPDF_OK &&
      HPDF_Dict_Add(intent, "OutputConditionIdentifier",
                    HPDF_String_New(doc->mmgr, condition, nullptr)) == HPDF_OK &&
      HPDF_Dict_Add(intent, "Info", HPDF_String_New(doc->mmgr, condition, nullptr)) == HPDF_OK &&
      HPDF_Dict_Add(intent, "DestOutputProfile", profile) == HPDF_OK;
  return ok ? intent : nullptr;
}

bool AddPlaceholderId(HPDF_Doc doc) {
  HPDF_BYTE zeros[kIdBytes] = {};
  HPDF_Array id = HPDF_Array_New(doc->mmgr);
  return id != nullptr &&
         HPDF_Array_Add(id, HPDF_Binary_New(doc->mmgr, zeros, kIdBytes)) == HPDF_OK &&
         HPDF_Array_Add(id, HPDF_Binary_New(doc->mmgr, zeros, kIdBytes)) == HPDF_OK &&
         HPDF_Dict_Add(doc->trailer, "ID", id) == HPDF_OK;
}

std::string PlaceholderHex() { return std::string(kIdBytes * 2, '0'); }

}  // namespace

std::string XmpPacket(const PdfInfo& info) {
  std::string dc = AltElement("dc:title", info.title);
  if (!info.author.empty()) {
    dc += "   <dc:creator><rdf:Seq><rdf:li>" + XmlText(info.author) +
          "</rdf:li></rdf:Seq></dc:creator>\n";
  }
  if (!info.subject.empty()) dc += AltElement("dc:description", info.subject);
  if (!info.identifier.empty()) dc += Element("dc:identifier", info.identifier);
  std::string pdf = Element("pdf:Producer", kPdfProducer);
  if (!info.keywords.empty()) pdf += Element("pdf:Keywords", info.keywords);
  std::string xmp = Element("xmp:CreatorTool", info.creator);
  if (info.date) {
    xmp += Element("xmp:CreateDate", XmpDate(*info.date));
    xmp += Element("xmp:ModifyDate", XmpDate(*info.date));
  }
  std::string pdfaid = Element("pdfaid:part", "1") + Element("pdfaid:conformance", "B");
  return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
         "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
         " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
         Description("dc", "http://purl.org/dc/elements/1.1/", dc) +
         Description("pdf", "http://ns.adobe.com/pdf/1.3/", pdf) +
         Description("xmp", "http://ns.adobe.com/xap/1.0/", xmp) +
         Description("pdfaid", "http://www.aiim.org/pdfa/ns/id/", pdfaid) +
         " </rdf:RDF>\n"
         "</x:xmpmeta>\n"
         "<?xpacket end=\"w\"?>";
}

bool AddPdfAParts(HPDF_Doc doc, const PdfInfo& info, const PackedStream& icc_profile) {
  HPDF_Dict metadata = MetadataStream(doc, info);
  HPDF_Dict intent = OutputIntent(doc, icc_profile);
  HPDF_Array intents = HPDF_Array_New(doc->mmgr);
  if (metadata == nullptr || intent == nullptr || intents == nullptr ||
      HPDF_Array_Add(intents, intent) != HPDF_OK ||
      HPDF_Dict_Add(doc->catalog, "Metadata", metadata) != HPDF_OK ||
      HPDF_Dict_Add(doc->catalog, "OutputIntents", intents) != HPDF_OK || !AddPlaceholderId(doc)) {
    return false;
  }
  doc->pdf_version = HPDF_VER_14;
  return true;
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
