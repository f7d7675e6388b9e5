// A document (Markdown body under a fixed front matter, or a whole file with its own) as its
// intranet page: the body as HTML, then the whole page through the real templates. Both are
// read back with libxml2's HTML parser, which must find nothing wrong. Whatever the Markdown
// says, the body holds only the elements and attributes kansli writes, no link inside a link,
// no URL a browser would run, and the page no id twice.
#include <set>
#include <string>

#include "fuzz/expect.h"
#include "fuzz/fuzz_site.h"
#include "render/html/body_html.h"
#include "render/html/html_query.h"
#include "render/html/html_site.h"

namespace kansli::fuzz {
namespace {

const HtmlTheme& Theme() {
  static const HtmlTheme theme = [] {
    SourceTree checkout = SourceTree::OnDisk(KANSLI_SOURCE_DIR);
    Diagnostics diags;
    std::optional<HtmlTheme> loaded = LoadHtmlTheme(checkout, Config(), diags);
    Expect(loaded.has_value() && !diags.HasErrors(), "layouts/ could not be loaded");
    return std::move(*loaded);
  }();
  return theme;
}

// Every element and attribute html::RenderBodyHtml writes.
constexpr char kForeignElement[] =
    "//body//*[not(self::p or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or "
    "self::ul or self::ol or self::li or self::blockquote or self::pre or self::code or "
    "self::hr or self::br or self::div or self::table or self::thead or self::tbody or "
    "self::tr or self::th or self::td or self::a or self::em or self::strong or self::del or "
    "self::img or self::sup or self::section)]";
constexpr char kForeignAttribute[] =
    "//body//@*[not(name()='id' or name()='class' or name()='start' or name()='tabindex' or "
    "name()='scope' or name()='href' or name()='src' or name()='alt' or name()='width' or "
    "name()='height' or name()='loading')]";

// A URL's scheme as a browser reads it (the WHATWG URL standard): leading and trailing
// spaces and control characters are ignored, and tabs and line breaks anywhere. Empty for a
// relative URL.
std::string Scheme(std::string_view url) {
  std::string squeezed;
  for (char c : url) {
    if (c != '\t' && c != '\n' && c != '\r') squeezed.push_back(c);
  }
  size_t start = 0;
  while (start < squeezed.size() && static_cast<unsigned char>(squeezed[start]) <= 0x20) ++start;
  std::string scheme;
  for (size_t i = start; i < squeezed.size(); ++i) {
    const char c = squeezed[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c == ':') return i > start ? scheme : std::string();
    if (!alpha && (i == start || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) {
      return std::string();
    }
    scheme.push_back(static_cast<char>(alpha && c < 'a' ? c - 'A' + 'a' : c));
  }
  return std::string();
}

void ExpectCleanMarkup(const kansli::testing::ParsedMarkup& markup, const std::string& html,
                       const char* what) {
  Expect(markup.ok(), what, html);
  const std::vector<std::string> errors = markup.errors();
  Expect(errors.empty(), what, errors.empty() ? html : errors.front() + "\n" + html);
}

void ExpectUniqueIds(const kansli::testing::ParsedMarkup& markup, const std::string& html) {
  std::set<std::string> seen;
  for (const std::string& id : markup.All("//@id")) {
    Expect(seen.insert(id).second, "two elements have the same id", id + "\n" + html);
  }
}

void CheckBody(const std::string& body) {
  // In a <div>, as the page template holds it: an empty body is no document for libxml2.
  const kansli::testing::ParsedMarkup markup =
      kansli::testing::ParsedMarkup::Html("<div>" + body + "</div>");
  ExpectCleanMarkup(markup, body, "the body is not clean HTML");
  Expect(markup.Count(kForeignElement) == 0, "the body has an element kansli never writes", body);
  Expect(markup.Count(kForeignAttribute) == 0, "the body has an attribute kansli never writes",
         body);
  Expect(markup.Count("//a//a") == 0, "the body has a link inside a link", body);
  for (const std::string& url : markup.All("//@href | //@src")) {
    const std::string scheme = Scheme(url);
    Expect(scheme.empty() || scheme == "http" || scheme == "https" || scheme == "mailto",
           "the body links to a URL a browser would run", url + "\n" + body);
  }
  ExpectUniqueIds(markup, body);
}

void CheckPage(const SiteGraph& site, const SiteDocument& doc) {
  CheckBody(html::RenderBodyHtml(site, doc, doc.body()));
  Diagnostics diags;
  const OutputFile page = RenderDocumentPage(site, doc, doc.body(), kansli::testing::kPdf, Theme(), diags);
  const kansli::testing::ParsedMarkup markup = kansli::testing::ParsedMarkup::Html(page.bytes);
  ExpectCleanMarkup(markup, page.bytes, "the page is not clean HTML");
  ExpectUniqueIds(markup, page.bytes);
}

}  // namespace
}  // namespace kansli::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return kansli::fuzz::CheckRenderable(kansli::fuzz::Input(data, size), kansli::fuzz::CheckPage);
}
