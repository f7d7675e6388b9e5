// feed.xml: Atom 1.0 feeds of the documents, newest revision first, so that readers can
// follow what changed in the whole site or in one organisation, type or tag. Built only
// from the metadata: no clock, so the bytes are stable.
#include <algorithm>
#include <optional>
#include <tuple>
#include <vector>

#include "document/lifecycle.h"
#include "render/html/libxml.h"
#include "render/html/site_pages.h"

namespace kansli::html {
namespace {

// Atom requires the feed's updated time; a feed with no dated entry gets this fixed one.
constexpr char kUndated[] = "1970-01-01T00:00:00Z";

std::string AtomTime(const std::optional<Date>& date) {
  return date ? date->ToString() + "T00:00:00Z" : kUndated;
}

void WriteLink(XmlOut& out, const char* rel, const char* type, const std::string& href) {
  out.Start("link");
  out.Attribute("rel", rel);
  if (type != nullptr) out.Attribute("type", type);
  out.Attribute("href", href);
  out.End();
}

void WriteEntry(XmlOut& out, const SiteDocument& doc, const Date& date) {
  out.Start("entry");
  out.Element("id", doc.url);
  out.Element("title", doc.title);
  out.Element("updated", AtomTime(date));
  WriteLink(out, "alternate", "text/html", doc.url);
  std::string summary = doc.type_label;
  for (const char* field : {"organisation", "status"}) {
    if (std::string value = doc.meta().Value(field); !value.empty()) summary += " · " + value;
  }
  out.Element("summary", summary);
  for (const auto& tag : doc.meta().tags) {
    out.Start("category");
    out.Attribute("term", tag.value);
    out.End();
  }
  out.End();
}

}  // namespace

OutputFile WriteFeed(const SiteGraph& site, const std::vector<const SiteDocument*>& docs,
                     const std::string& folder, const std::string& title) {
  struct Entry {
    Date date;
    const SiteDocument* doc;
  };
  // A document with no date has no revision to announce, and Atom entries need one; it is
  // in the register and the sitemap, but a date is never invented for it here.
  std::vector<Entry> entries;
  for (const SiteDocument* doc : docs) {
    if (std::optional<Date> date = VersionDate(doc->meta())) entries.push_back({*date, doc});
  }
  // Newest first, then by id so that equal dates keep one order.
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tuple(b.date, a.doc->id) < std::tuple(a.date, b.doc->id);
  });
  const SiteConfig& config = site.config();
  const std::string url = config.base_url + folder;
  XmlOut out;
  out.StartDocument();
  out.Start("feed");
  out.Attribute("xmlns", "http://www.w3.org/2005/Atom");
  out.Attribute("xml:lang", config.text.Get("lang"));
  out.Element("id", url);
  out.Element("title", title);
  out.Element("updated", AtomTime(entries.empty() ? std::nullopt : std::optional(entries.front().date)));
  WriteLink(out, "self", "application/atom+xml", url + "feed.xml");
  WriteLink(out, "alternate", "text/html", url);
  out.Start("author");
  out.Element("name", config.organisation.empty() ? config.name : config.organisation);
  out.End();
  for (const Entry& entry : entries) WriteEntry(out, *entry.doc, entry.date);
  out.End();
  return {"html/" + folder + "feed.xml", out.Finish()};
}

}  // namespace kansli::html
