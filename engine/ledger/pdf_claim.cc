#include "ledger/pdf_claim.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <memory>

namespace kansli {
namespace {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct XPathContextFree {
  void operator()(xmlXPathContext* context) const { xmlXPathFreeContext(context); }
};
struct XPathObjectFree {
  void operator()(xmlXPathObject* object) const { xmlXPathFreeObject(object); }
};

std::string FirstText(xmlXPathContext* context, const char* path) {
  std::unique_ptr<xmlXPathObject, XPathObjectFree> result(
      xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(path), context));
  if (!result || result->nodesetval == nullptr || result->nodesetval->nodeNr == 0) return "";
  xmlChar* content = xmlNodeGetContent(result->nodesetval->nodeTab[0]);
  if (content == nullptr) return "";
  std::string text(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return text;
}

}  // namespace

std::optional<PdfClaim> ReadPdfClaim(std::string_view bytes) {
  const size_t start = bytes.find("<x:xmpmeta");
  if (start == std::string_view::npos) return std::nullopt;
  constexpr std::string_view kEnd = "</x:xmpmeta>";
  const size_t end = bytes.find(kEnd, start);
  if (end == std::string_view::npos) return std::nullopt;
  const std::string_view packet = bytes.substr(start, end + kEnd.size() - start);
  std::unique_ptr<xmlDoc, XmlDocFree> doc(
      xmlReadMemory(packet.data(), static_cast<int>(packet.size()), "xmp.xml", "UTF-8",
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) return std::nullopt;
  std::unique_ptr<xmlXPathContext, XPathContextFree> context(xmlXPathNewContext(doc.get()));
  if (!context) return std::nullopt;
  xmlXPathRegisterNs(context.get(), reinterpret_cast<const xmlChar*>("dc"),
                     reinterpret_cast<const xmlChar*>("http://purl.org/dc/elements/1.1/"));
  PdfClaim claim;
  claim.title = FirstText(context.get(), "//dc:title//*[local-name()='li'][1]");
  const std::string identifier = FirstText(context.get(), "//dc:identifier");
  constexpr std::string_view kPrefix = "kansli:";
  if (identifier.starts_with(kPrefix)) {
    const size_t colon = identifier.rfind(":v");
    if (colon != std::string::npos && colon > kPrefix.size()) {
      claim.id = identifier.substr(kPrefix.size(), colon - kPrefix.size());
      claim.version = identifier.substr(colon + 2);
    }
  }
  if (claim.id.empty() && claim.title.empty()) return std::nullopt;
  return claim;
}

}  // namespace kansli
