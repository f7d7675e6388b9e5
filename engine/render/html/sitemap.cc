// sitemap.xml for the intranet's search engine: every page of the site.
#include <optional>

#include "document/lifecycle.h"
#include "render/html/html_site.h"
#include "render/html/libxml.h"
#include "render/html/listings.h"
#include "render/html/site_pages.h"

namespace kansli {
namespace {

void WriteUrl(html::XmlOut& out, const std::string& loc, const std::optional<Date>& lastmod) {
  out.Start("url");
  out.Element("loc", loc);
  if (lastmod) out.Element("lastmod", lastmod->ToString());
  out.End();
}

// A page listing documents changes when the newest of them does.
std::optional<Date> Newest(const std::vector<const SiteDocument*>& docs) {
  std::optional<Date> newest;
  for (const SiteDocument* doc : docs) {
    std::optional<Date> date = VersionDate(doc->meta());
    if (date && (!newest || *date > *newest)) newest = date;
  }
  return newest;
}

}  // namespace

OutputFile WriteSitemap(const SiteGraph& site, const SiteHistory* history) {
  const std::string& base = site.config().base_url;
  const std::vector<const SiteDocument*> all = site.Register();
  html::XmlOut out;
  out.StartDocument();
  out.Start("urlset");
  out.Attribute("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
  // The register's pages: any of them changes with any document (rows move between pages).
  for (const std::string& folder : html::RegisterFolders(site)) {
    WriteUrl(out, base + folder, Newest(all));
  }
  // The dashboard changes with the date, not with a document: no lastmod.
  WriteUrl(out, base + html::kReviewFolder, std::nullopt);
  WriteUrl(out, base + html::kOrganisationsFolder, Newest(all));
  for (const html::Listing& listing : html::Listings(site)) {
    WriteUrl(out, base + listing.folder, Newest(listing.documents));
  }
  for (const SiteDocument& doc : site.documents()) {
    WriteUrl(out, doc.url, VersionDate(doc.meta()));
    if (history == nullptr) continue;
    const std::vector<OfficialVersion>& versions = history->Versions(doc.id);
    for (size_t n = 0; n < versions.size(); ++n) {
      // A version's page changes when its status does; its text never does.
      const std::string folder = doc.url + "v" + versions[n].published.version + "/";
      WriteUrl(out, folder, versions[n].published_at.date());
      if (n > 0) WriteUrl(out, folder + "andringar/", versions[n].published_at.date());
    }
  }
  // The verify page changes with each record of the ledger.
  if (history != nullptr) {
    const std::vector<LedgerRecord>& records = history->ledger().records;
    WriteUrl(out, base + "verifiera/",
             records.empty() ? std::nullopt
                             : std::optional(Instant::Parse(records.back().time)
                                                 .value_or(Instant{})
                                                 .date()));
  }
  out.End();
  return {"html/sitemap.xml", out.Finish()};
}

}  // namespace kansli
