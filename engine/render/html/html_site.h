// render/html/ owns the intranet site: pages from the Mustache templates of layouts/, the
// Markdown body as HTML built with libxml2's tree API, relation graphs, and sitemap.xml and
// the Atom feeds (the register's search index is render/search/'s). Every link inside html/
// is relative (but the 404 page's), so the site works from any folder, file server or web
// server.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/site_config.h"
#include "ledger/site_history.h"
#include "diag/diagnostics.h"
#include "site/output_file.h"
#include "site/site_graph.h"
#include "source/source_tree.h"

namespace kansli {

// The templates and static files of layouts/, read and checked once. Every `.mustache`
// file below layouts/ can be included as a partial by its file name without the extension
// ({{> metadata}} for layouts/partials/metadata.mustache); the pages are the templates
// named in kPageTemplates. Every `.css` and `.js` file is copied to html/assets/.
struct HtmlTheme {
  struct Template {
    std::string path;  // "layouts/document.mustache", for diagnostics
    std::string text;
  };
  std::map<std::string, Template> pages;     // by name: "document", "register", …
  std::map<std::string, Template> partials;  // every template, by name
  std::vector<OutputFile> assets;            // "html/assets/kansli.css"

  const Template& Page(const std::string& name) const { return pages.at(name); }
};

// The page templates a theme must have, each layouts/<name>.mustache.
inline constexpr const char* kPageTemplates[] = {"document", "register", "review", "listing",
                                                 "organisations", "404", "version", "changes",
                                                 "verify"};

// Reads config.layouts_dir. Reports template-error for a missing or malformed template, a
// partial that does not exist or one that includes itself, naming the file and line.
std::optional<HtmlTheme> LoadHtmlTheme(SourceTree& tree, const SiteConfig& config,
                                       Diagnostics& diags);

// What the page says about the official PDF: proof, for a reader comparing a copy.
struct PdfFacts {
  std::string sha256;  // hex
  size_t bytes = 0;
  std::string path;  // below the output folder when not the document's pdf_path (a draft's)
};

// "html/<id>/index.html", with the table of the document's official versions when `history`
// is given. Thread-safe: the pipeline calls it for many documents at once, each call with
// its own Diagnostics. `body` is the document's, tree and all (ParseTree).
OutputFile RenderDocumentPage(const SiteGraph& site, const SiteDocument& doc,
                              const markdown::Body& body, const PdfFacts& pdf,
                              const HtmlTheme& theme, Diagnostics& diags,
                              const SiteHistory* history = nullptr);

// Every page that lists documents rather than showing one: the register's pages, the review
// dashboard, the pages per organisation, type and tag
// with their feeds, the organisations overview and 404.html.
// With `history`, the feeds have an entry per official version, dated by its publication,
// and the register shows the ledger's head.
std::vector<OutputFile> RenderSitePages(const SiteGraph& site, const HtmlTheme& theme,
                                        Diagnostics& diags, const SiteHistory* history = nullptr);

// The same pages as renders independent of each other, in RenderSitePages' order, for the
// pipeline to run on all cores: at 10,000 documents the register's pages and the listings
// take seconds. Each refers to `site`, `theme` and `history`, which must outlive it.
using SitePageRender = std::function<std::vector<OutputFile>(Diagnostics& diags)>;
std::vector<SitePageRender> SitePageRenders(const SiteGraph& site, const HtmlTheme& theme,
                                            const SiteHistory* history = nullptr);

// The theme's static files, "html/assets/…".
std::vector<OutputFile> RenderAssets(const HtmlTheme& theme);

// "html/sitemap.xml": sitemaps.org 0.9, absolute URLs below config.base_url, every page:
// with `history`, also each official version's page, what changed in it, and verifiera/.
OutputFile WriteSitemap(const SiteGraph& site, const SiteHistory* history = nullptr);

// The version of the library this wraps, for `kansli --version`.
std::string LibxmlVersion();

}  // namespace kansli
