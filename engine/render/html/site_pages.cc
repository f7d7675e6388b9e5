// RenderSitePages and RenderAssets: the site-wide pages, run once after the documents'.
#include "render/html/site_pages.h"


namespace kansli {

std::vector<OutputFile> RenderSitePages(const SiteGraph& site, const HtmlTheme& theme,
                                        Diagnostics& diags, const SiteHistory* history) {
  const std::vector<html::Listing> listings = html::Listings(site);
  std::vector<OutputFile> files;
  for (OutputFile& page : html::RenderRegister(site, theme, diags, history)) {
    files.push_back(std::move(page));
  }
  files.push_back(html::RenderReview(site, theme, diags));
  files.push_back(html::RenderOrganisations(site, listings, theme, diags));
  files.push_back(html::RenderNotFound(site, theme, diags));
  files.push_back(html::WriteFeed(site, site.Register(), "", site.config().name, history));
  for (const html::Listing& listing : listings) {
    files.push_back(html::RenderListing(site, listing, theme, diags));
    files.push_back(html::WriteFeed(site, listing.documents, listing.folder,
                                    site.config().name + " – " + listing.name, history));
  }
  return files;
}

std::vector<OutputFile> RenderAssets(const HtmlTheme& theme) { return theme.assets; }

}  // namespace kansli
