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

// One entry of a feed: a document as it is now, or one of its official versions.
struct Entry {
  std::string updated;  // RFC 3339
  const SiteDocument* doc = nullptr;
  const OfficialVersion* version = nullptr;  // null: the document as it is now
};

void WriteEntry(XmlOut& out, const SiteGraph& site, const Entry& entry) {
  const SiteDocument& doc = *entry.doc;
  const std::string url =
      entry.version ? doc.url + "v" + entry.version->published.version + "/" : doc.url;
  out.Start("entry");
  out.Element("id", url);
  out.Element("title", entry.version ? site.config().text.Format(
                                           "history.feed_entry",
                                           {{"title", entry.version->published.title},
                                            {"version", entry.version->version.text()}})
                                     : doc.title);
  out.Element("updated", entry.updated);
  WriteLink(out, "alternate", "text/html", url);
  std::string summary = doc.type_label;
  const std::string status = entry.version ? entry.version->published.status
                                           : doc.meta().Value("status");
  for (const std::string& value : {doc.meta().Value("organisation"), status}) {
    if (!value.empty()) summary += " · " + value;
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
                     const std::string& folder, const std::string& title,
                     const SiteHistory* history) {
  // A document with no date has no revision to announce, and Atom entries need one; it is
  // in the register and the sitemap, but a date is never invented for it here.
  std::vector<Entry> entries;
  for (const SiteDocument* doc : docs) {
    bool current_is_official = false;
    if (history != nullptr) {
      for (const OfficialVersion& version : history->Versions(doc->id)) {
        entries.push_back({version.published_at.ToString(), doc, &version});
        if (doc->version && version.version == *doc->version) current_is_official = true;
      }
    }
    if (current_is_official) continue;
    if (std::optional<Date> date = VersionDate(doc->meta())) {
      entries.push_back({AtomTime(date), doc, nullptr});
    }
  }
  // Newest first, then by id and version so that equal times keep one order.
  auto key = [](const Entry& e) {
    return std::tuple(e.doc->id, e.version ? e.version->version.major() : -1,
                      e.version ? e.version->version.minor() : -1);
  };
  std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    if (a.updated != b.updated) return a.updated > b.updated;
    return key(a) < key(b);
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
  out.Element("updated", entries.empty() ? std::string(kUndated) : entries.front().updated);
  WriteLink(out, "self", "application/atom+xml", url + "feed.xml");
  WriteLink(out, "alternate", "text/html", url);
  out.Start("author");
  out.Element("name", config.organisation.empty() ? config.name : config.organisation);
  out.End();
  for (const Entry& entry : entries) WriteEntry(out, site, entry);
  out.End();
  return {"html/" + folder + "feed.xml", out.Finish()};
}

}  // namespace kansli::html
