#include "render/html/libxml.h"
#include "render/html/html_site.h"

#include <mutex>
#include <new>
#include <stdexcept>

namespace kansli::html {

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

std::string XmlSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    out.push_back(c);
  }
  return out;
}

xmlNode* AddElement(xmlNode* parent, const char* name) {
  xmlNode* node = xmlNewChild(parent, nullptr, X(name), nullptr);
  if (node == nullptr) throw std::bad_alloc();
  return node;
}

void AddText(xmlDoc* doc, xmlNode* parent, std::string_view text) {
  std::string safe = XmlSafe(text);
  if (safe.empty()) return;
  xmlNode* node = xmlNewDocText(doc, X(safe));
  if (node == nullptr) throw std::bad_alloc();
  // xmlAddChild merges adjacent text nodes and frees `node` itself when it does.
  if (xmlAddChild(parent, node) == nullptr) {
    xmlFreeNode(node);
    throw std::bad_alloc();
  }
}

XmlBuffer NewXmlBuffer() {
  InitLibxml();
  XmlBuffer buffer(xmlBufferCreate());
  if (buffer == nullptr) throw std::bad_alloc();
  return buffer;
}

XmlDoc NewHtmlDoc() {
  InitLibxml();
  XmlDoc doc(htmlNewDocNoDtD(nullptr, nullptr));
  if (doc == nullptr) throw std::bad_alloc();
  return doc;
}

std::string TakeBuffer(const XmlBuffer& buffer) {
  const xmlChar* content = xmlBufferContent(buffer.get());
  int size = xmlBufferLength(buffer.get());
  if (content == nullptr || size <= 0) return {};
  return std::string(reinterpret_cast<const char*>(content), static_cast<size_t>(size));
}

XmlOut::XmlOut() : buffer_(NewXmlBuffer()), writer_(xmlNewTextWriterMemory(buffer_.get(), 0)) {
  if (writer_ == nullptr) throw std::bad_alloc();
  Check(xmlTextWriterSetIndent(writer_.get(), 1));
  Check(xmlTextWriterSetIndentString(writer_.get(), X("  ")));
}

void XmlOut::Check(int rc) {
  if (rc < 0) throw std::runtime_error("libxml2 xmlTextWriter failed");
}

void XmlOut::StartDocument() {
  Check(xmlTextWriterStartDocument(writer_.get(), "1.0", "UTF-8", nullptr));
}

void XmlOut::Start(const char* element) {
  Check(xmlTextWriterStartElement(writer_.get(), X(element)));
}

void XmlOut::Attribute(const char* name, const std::string& value) {
  Check(xmlTextWriterWriteAttribute(writer_.get(), X(name), X(XmlSafe(value))));
}

void XmlOut::Element(const char* element, const std::string& text) {
  Check(xmlTextWriterWriteElement(writer_.get(), X(element), X(XmlSafe(text))));
}

void XmlOut::End() { Check(xmlTextWriterEndElement(writer_.get())); }

std::string XmlOut::Finish() {
  Check(xmlTextWriterEndDocument(writer_.get()));
  writer_.reset();  // frees the writer, which flushes everything into buffer_
  return TakeBuffer(buffer_);
}

}  // namespace kansli::html

namespace kansli {

std::string LibxmlVersion() { return LIBXML_DOTTED_VERSION; }

}  // namespace kansli
