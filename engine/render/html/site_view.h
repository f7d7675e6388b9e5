// What every page's template sees, whatever the page: the site's name and navigation, the
// texts of layouts/text/<language>.yaml as {{t.…}}, and document rows for tables.
#pragma once

#include <string>
#include <vector>

#include "render/html/listings.h"
#include "render/html/theme_template.h"
#include "site/site_graph.h"

namespace kansli::html {

// `root` leads from the page to html/: "" for html/index.html, "../" one folder down.
TemplateData SiteView(const SiteGraph& site, const std::string& root,
                      const std::string& page_title);

// The site's texts as nested template data: "register.lead" is {{t.register.lead}}.
TemplateData TextView(const SiteText& text);

// Link from a page `root` away from html/ to a document's page.
std::string DocumentHref(const std::string& root, const SiteDocument& doc);

// One row per document for the register and listing tables: href, pdf_href, title,
// type_label, the register's fields, status_label, overdue, and data-* values for filters.
TemplateList DocumentRows(const SiteGraph& site, const std::vector<const SiteDocument*>& docs,
                          const std::string& root);

// "48 kB", "1,2 MB": a file size with the site's decimal mark (the text "format.decimal_mark").
std::string ByteSize(size_t bytes, const std::string& decimal_mark);

}  // namespace kansli::html
