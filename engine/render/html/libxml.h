#pragma once

// The only header of render/html/ that includes libxml2. Every handle is owned by a
// unique_ptr; the rest of the stage sees these types and plain strings, never a raw handle.
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include <memory>
#include <string>
#include <string_view>

namespace kansli::html {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct XmlBufferFree {
  void operator()(xmlBuffer* buffer) const { xmlBufferFree(buffer); }
};
struct XmlTextWriterFree {
  void operator()(xmlTextWriter* writer) const { xmlFreeTextWriter(writer); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;
using XmlBuffer = std::unique_ptr<xmlBuffer, XmlBufferFree>;
using XmlTextWriter = std::unique_ptr<xmlTextWriter, XmlTextWriterFree>;

// Sets up libxml2's global state once. libxml2 is thread-safe for separate documents only
// after this has run, and pages are rendered in parallel, so every entry point calls it.
void InitLibxml();

// libxml2 speaks xmlChar (unsigned char); our strings are UTF-8 already.
inline const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
inline const xmlChar* X(const std::string& s) { return X(s.c_str()); }

// Text as XML 1.0 allows it: C0 control characters other than tab, newline and carriage
// return are dropped, since libxml2 would write them and every XML parser then rejects the
// file. The input is valid UTF-8 (SourceFile checked it), so bytes >= 0x80 pass unchanged.
std::string XmlSafe(std::string_view text);

// A new child element of `parent`, and text appended to `parent` (made XmlSafe; adjacent text
// merges). Both throw std::bad_alloc when libxml2 cannot allocate.
xmlNode* AddElement(xmlNode* parent, const char* name);
void AddText(xmlDoc* doc, xmlNode* parent, std::string_view text);

// Both call InitLibxml first. They throw std::bad_alloc: libxml2 fails these calls only
// when memory runs out.
XmlBuffer NewXmlBuffer();
XmlDoc NewHtmlDoc();  // an empty HTML document without a DTD
std::string TakeBuffer(const XmlBuffer& buffer);

// Collects an xmlTextWriter's output. Each Write* call throws std::runtime_error if
// libxml2 reports a failure, which for an in-memory writer means memory ran out or a bug.
class XmlOut {
 public:
  XmlOut();
  void StartDocument();
  void Start(const char* element);
  void Attribute(const char* name, const std::string& value);
  void Element(const char* element, const std::string& text);
  void End();
  std::string Finish();  // ends the document and returns it

 private:
  static void Check(int rc);

  XmlBuffer buffer_;
  XmlTextWriter writer_;
};

}  // namespace kansli::html
