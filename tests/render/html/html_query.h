// Test helpers for render/html: parse what was rendered back with libxml2 and ask it
// questions with XPath, so that tests check structure rather than exact bytes.
#pragma once

#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <memory>
#include <string>
#include <vector>

#include "render/html/html_site.h"
#include "render/html/libxml.h"
#include "render/html/site_pages.h"
#include "support/test_site.h"

namespace kansli::testing {

// Stand-in facts about a document's PDF, for pages rendered without one.
inline const PdfFacts kPdf{.sha256 = std::string(64, 'a'), .bytes = 48213};

struct XPathContextFree {
  void operator()(xmlXPathContext* c) const { xmlXPathFreeContext(c); }
};
struct XPathObjectFree {
  void operator()(xmlXPathObject* o) const { xmlXPathFreeObject(o); }
};

// A parsed HTML page or XML file with the parser's complaints kept.
class ParsedMarkup {
 public:
  static ParsedMarkup Html(const std::string& text) { return ParsedMarkup(text, true); }
  static ParsedMarkup Xml(const std::string& text) { return ParsedMarkup(text, false); }

  bool ok() const { return doc_ != nullptr; }
  // libxml2's HTML parser predates HTML5 and calls its sectioning elements and inline SVG
  // unknown tags; every other complaint is a real error.
  std::vector<std::string> errors() const { return errors_; }

  // The text content of every node the expression selects, in document order.
  std::vector<std::string> All(const std::string& xpath, const char* ns_prefix = nullptr,
                               const char* ns_uri = nullptr) const {
    std::vector<std::string> out;
    if (doc_ == nullptr) return out;
    std::unique_ptr<xmlXPathContext, XPathContextFree> ctx(xmlXPathNewContext(doc_.get()));
    if (ns_prefix != nullptr) xmlXPathRegisterNs(ctx.get(), html::X(ns_prefix), html::X(ns_uri));
    std::unique_ptr<xmlXPathObject, XPathObjectFree> result(
        xmlXPathEvalExpression(html::X(xpath), ctx.get()));
    if (result == nullptr || result->nodesetval == nullptr) return out;
    for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
      xmlChar* text = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
      out.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
      xmlFree(text);
    }
    return out;
  }
  std::string First(const std::string& xpath) const {
    std::vector<std::string> all = All(xpath);
    return all.empty() ? std::string() : all.front();
  }
  size_t Count(const std::string& xpath) const { return All(xpath).size(); }

 private:
  ParsedMarkup(const std::string& text, bool html) {
    xmlSetStructuredErrorFunc(this, &ParsedMarkup::OnError);
    xmlDoc* doc = html ? htmlReadMemory(text.data(), static_cast<int>(text.size()), "page.html",
                                        "UTF-8", HTML_PARSE_NONET)
                       : xmlReadMemory(text.data(), static_cast<int>(text.size()), "file.xml",
                                       nullptr, XML_PARSE_NONET);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    doc_.reset(doc);
  }

  static void OnError(void* self, xmlError* error) {
    std::string message = error->message != nullptr ? error->message : "";
    if (error->code == XML_HTML_UNKNOWN_TAG) {
      for (const char* tag : {"header", "nav", "main", "article", "section", "aside", "footer",
                              "figure", "figcaption", "template", "svg", "g", "path", "polygon", "ellipse",
                              "text", "desc", "defs", "rect", "polyline", "tspan"}) {
        if (message == std::string("Tag ") + tag + " invalid\n") return;
      }
    }
    static_cast<ParsedMarkup*>(self)->errors_.push_back("line " + std::to_string(error->line) +
                                                        ": " + message);
  }

  html::XmlDoc doc_;
  std::vector<std::string> errors_;
};

// The templates of the checkout's layouts/, as the pipeline loads them.
inline HtmlTheme RealTheme() {
  SourceTree tree = SourceTree::OnDisk(KANSLI_SOURCE_DIR);
  Diagnostics diags;
  std::optional<SiteConfig> config = LoadSiteConfig(tree, diags);
  std::optional<HtmlTheme> theme = LoadHtmlTheme(tree, config.value_or(SiteConfig{}), diags);
  EXPECT_TRUE(diags.empty()) << diags.list().front().message;
  return theme.value_or(HtmlTheme{});
}

}  // namespace kansli::testing
