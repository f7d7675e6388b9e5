#pragma once

// Parses SVG text with libxml2 (strict XML: any malformed markup is an error) and answers
// XPath queries in the SVG namespace, prefix "s".
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <memory>
#include <string>
#include <vector>

namespace kansli::testing {

class SvgDocument {
 public:
  explicit SvgDocument(const std::string& text)
      : doc_(xmlReadMemory(text.data(), static_cast<int>(text.size()), "graph.svg", "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)) {}

  bool ok() const { return doc_ != nullptr; }

  // The string value of every node the XPath selects (attributes: their value; elements:
  // their text content).
  std::vector<std::string> Strings(const std::string& xpath) const {
    std::vector<std::string> out;
    if (!doc_) return out;
    std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> context(
        xmlXPathNewContext(doc_.get()), xmlXPathFreeContext);
    xmlXPathRegisterNs(context.get(), BAD_CAST "s", BAD_CAST "http://www.w3.org/2000/svg");
    std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> result(
        xmlXPathEvalExpression(BAD_CAST xpath.c_str(), context.get()), xmlXPathFreeObject);
    if (!result || result->nodesetval == nullptr) return out;
    for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
      xmlChar* value = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
      out.emplace_back(value != nullptr ? reinterpret_cast<const char*>(value) : "");
      xmlFree(value);
    }
    return out;
  }

  size_t Count(const std::string& xpath) const { return Strings(xpath).size(); }

  std::string One(const std::string& xpath) const {
    std::vector<std::string> all = Strings(xpath);
    return all.size() == 1 ? all[0] : "<" + std::to_string(all.size()) + " matches>";
  }

 private:
  struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
  };
  std::unique_ptr<xmlDoc, DocFree> doc_;
};

}  // namespace kansli::testing
