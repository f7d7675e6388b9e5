// The pages of html/ that list documents, one file each; RenderSitePages (html_site.h) calls
// them all.
#pragma once

#include <string>
#include <vector>

#include "render/html/html_site.h"
#include "render/html/listings.h"

namespace kansli::html {

// The register's pages below html/, in order: "" (html/index.html), "sida/2/", … one per
// config.register_page_size documents, at least one.
std::vector<std::string> RegisterFolders(const SiteGraph& site);

// The register: one page per RegisterFolders, each with its rows in the register's order,
// links to every page, and the search form that layouts/register.js brings to life.
std::vector<OutputFile> RenderRegister(const SiteGraph& site, const HtmlTheme& theme,
                                       Diagnostics& diags, const SiteHistory* history = nullptr);

// html/granskning/index.html: documents in force whose review_by has passed or falls within
// config.review_window_days of today, grouped by owner.
OutputFile RenderReview(const SiteGraph& site, const HtmlTheme& theme, Diagnostics& diags);

// html/<listing.folder>index.html, with the organisation's relation graph.
OutputFile RenderListing(const SiteGraph& site, const Listing& listing, const HtmlTheme& theme,
                         Diagnostics& diags);

// html/organisation/index.html: every organisation with its document count.
OutputFile RenderOrganisations(const SiteGraph& site, const std::vector<Listing>& listings,
                               const HtmlTheme& theme, Diagnostics& diags);

// html/404.html. A server shows it at any depth, so its links are root-relative from the
// base URL's path ("/styrdokument/…") instead of relative.
OutputFile RenderNotFound(const SiteGraph& site, const HtmlTheme& theme, Diagnostics& diags);

// An Atom feed of `docs`, newest first: html/feed.xml for the whole site and feed.xml in
// each listing's folder. Each official version in `history` is an entry dated by its
// publication; a document with no official version (or a newer draft) by its own date.
// No clock is read, so the bytes are stable.
OutputFile WriteFeed(const SiteGraph& site, const std::vector<const SiteDocument*>& docs,
                     const std::string& folder, const std::string& title,
                     const SiteHistory* history = nullptr);

}  // namespace kansli::html
