// The pages of html/ that list documents, one file each; RenderSitePages (html_site.h) calls
// them all.
#pragma once

#include <string>
#include <vector>

#include "render/html/html_site.h"
#include "render/html/listings.h"

namespace kansli::html {

// html/index.html.
OutputFile RenderRegister(const SiteGraph& site, const HtmlTheme& theme, Diagnostics& diags,
                          const SiteHistory* history = nullptr);

// html/assets/search-index.js: id, title, body text, organisation, owner and type of every
// document, for MiniSearch in the register.
OutputFile WriteSearchIndex(const SiteGraph& site);

// The body as plain text, blocks separated by spaces.
std::string BodyText(const markdown::Body& body);

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
