// sitemap.xml for the intranet's search engine: the register and every document page.
#include <optional>

#include "render/html/html_site.h"
#include "document/lifecycle.h"
#include "render/html/libxml.h"

namespace kansli {
namespace {

void WriteUrl(html::XmlOut& out, const std::string& loc, const std::optional<Date>& lastmod) {
  out.Start("url");
  out.Element("loc", loc);
  if (lastmod) out.Element("lastmod", lastmod->ToString());
  out.End();
}

}  // namespace

OutputFile WriteSitemap(const SiteGraph& site) {
  std::optional<Date> newest;
  for (const SiteDocument& doc : site.documents()) {
    std::optional<Date> date = VersionDate(doc.meta());
    if (date && (!newest || *date > *newest)) newest = date;
  }
  html::XmlOut out;
  out.StartDocument();
  out.Start("urlset");
  out.Attribute("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
  WriteUrl(out, site.config().base_url, newest);  // the register changes with any document
  for (const SiteDocument& doc : site.documents()) WriteUrl(out, doc.url, VersionDate(doc.meta()));
  out.End();
  return {"html/sitemap.xml", out.Finish()};
}

}  // namespace kansli
