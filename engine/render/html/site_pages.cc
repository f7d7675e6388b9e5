// RenderSitePages and RenderAssets: the site-wide pages, run once after the documents'.
#include "render/html/site_pages.h"

#include <memory>


namespace kansli {

std::vector<SitePageRender> SitePageRenders(const SiteGraph& site, const HtmlTheme& theme,
                                            const SiteHistory* history) {
  auto listings = std::make_shared<const std::vector<html::Listing>>(html::Listings(site));
  auto one = [](OutputFile file) { return std::vector<OutputFile>{std::move(file)}; };
  std::vector<SitePageRender> renders;
  renders.push_back([&site, &theme, history](Diagnostics& diags) {
    return html::RenderRegister(site, theme, diags, history);
  });
  renders.push_back([&site, &theme, one](Diagnostics& diags) {
    return one(html::RenderReview(site, theme, diags));
  });
  renders.push_back([&site, &theme, one, listings](Diagnostics& diags) {
    return one(html::RenderOrganisations(site, *listings, theme, diags));
  });
  renders.push_back([&site, &theme, one](Diagnostics& diags) {
    return one(html::RenderNotFound(site, theme, diags));
  });
  renders.push_back([&site, history, one](Diagnostics&) {
    return one(html::WriteFeed(site, site.Register(), "", site.config().name, history));
  });
  for (size_t i = 0; i < listings->size(); ++i) {
    renders.push_back([&site, &theme, history, listings, i](Diagnostics& diags) {
      const html::Listing& listing = (*listings)[i];
      return std::vector<OutputFile>{
          html::RenderListing(site, listing, theme, diags),
          html::WriteFeed(site, listing.documents, listing.folder,
                          site.config().name + " – " + listing.name, history)};
    });
  }
  return renders;
}

std::vector<OutputFile> RenderSitePages(const SiteGraph& site, const HtmlTheme& theme,
                                        Diagnostics& diags, const SiteHistory* history) {
  std::vector<OutputFile> files;
  for (const SitePageRender& render : SitePageRenders(site, theme, history)) {
    for (OutputFile& file : render(diags)) files.push_back(std::move(file));
  }
  return files;
}

std::vector<OutputFile> RenderAssets(const HtmlTheme& theme) { return theme.assets; }

}  // namespace kansli
