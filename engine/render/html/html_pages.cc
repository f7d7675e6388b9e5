// The pages of html/: each is a Mustache template from the theme filled with a view.
#include "render/html/body_html.h"
#include "render/html/html_site.h"
#include "render/html/page_view.h"
#include "render/html/theme_template.h"

namespace kansli {

OutputFile RenderDocumentPage(const SiteGraph& site, const SiteDocument& doc,
                              const HtmlTheme& theme, Diagnostics& diags) {
  html::TemplateData view = html::DocumentPageView(site, doc, html::RenderBodyHtml(site, doc));
  return {doc.html_path, html::RenderTemplate(theme, theme.document, view, diags)};
}

OutputFile RenderRegister(const SiteGraph& site, const HtmlTheme& theme, Diagnostics& diags) {
  html::TemplateData view = html::RegisterView(site);
  return {"html/index.html", html::RenderTemplate(theme, theme.register_page, view, diags)};
}

std::vector<OutputFile> RenderAssets(const HtmlTheme& theme) { return theme.assets; }

}  // namespace kansli
