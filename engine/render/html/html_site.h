// render/html/ owns the intranet site: pages from the Mustache templates of layouts/, the
// Markdown body as HTML built with libxml2's tree API, and sitemap.xml and feed.xml.
// Every link inside html/ is relative, so the site works from any folder or server.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/site_config.h"
#include "diag/diagnostics.h"
#include "site/output_file.h"
#include "site/site_graph.h"
#include "source/source_tree.h"

namespace kansli {

// The templates and static files of layouts/, read and checked once. Every `.mustache`
// file below layouts/ can be included as a partial by its file name without the extension
// ({{> metadata}} for layouts/partials/metadata.mustache); document.mustache and
// register.mustache are the two pages. Every `.css` file is copied to html/assets/.
struct HtmlTheme {
  struct Template {
    std::string path;  // "layouts/document.mustache", for diagnostics
    std::string text;
  };
  Template document;
  Template register_page;
  std::map<std::string, Template> partials;  // by name
  std::vector<OutputFile> assets;            // "html/assets/kansli.css"
};

// Reads config.layouts_dir. Reports template-error for a missing or malformed template, a
// partial that does not exist or one that includes itself, naming the file and line.
std::optional<HtmlTheme> LoadHtmlTheme(SourceTree& tree, const SiteConfig& config,
                                       Diagnostics& diags);

// "html/<id>/index.html". Thread-safe: the pipeline calls it for many documents at once,
// each call with its own Diagnostics.
OutputFile RenderDocumentPage(const SiteGraph& site, const SiteDocument& doc,
                              const HtmlTheme& theme, Diagnostics& diags);

// "html/index.html": the register of every document, in SiteGraph::Register() order.
OutputFile RenderRegister(const SiteGraph& site, const HtmlTheme& theme, Diagnostics& diags);

// The theme's static files, "html/assets/<path below layouts/>".
std::vector<OutputFile> RenderAssets(const HtmlTheme& theme);

// "html/sitemap.xml": sitemaps.org 0.9, absolute URLs below config.base_url.
OutputFile WriteSitemap(const SiteGraph& site);

// "html/feed.xml": Atom 1.0, newest revision first. Dates only, so no clock is read and the
// same site always gives the same bytes.
OutputFile WriteFeed(const SiteGraph& site);

}  // namespace kansli
