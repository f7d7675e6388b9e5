// The pages per organisation, type and tag, the organisations overview and the 404 page.
#include "render/html/relation_graph_view.h"
#include "render/html/site_pages.h"
#include "render/html/site_view.h"

namespace kansli::html {
namespace {

constexpr char kListingRoot[] = "../../";  // from html/organisation/<slug>/

}  // namespace

OutputFile RenderListing(const SiteGraph& site, const Listing& listing, const HtmlTheme& theme,
                         Diagnostics& diags) {
  const SiteText& text = site.config().text;
  const std::string key = ListingTextKey(listing.kind);
  const std::string title = text.Format("listing." + key + "_title", {{"name", listing.name}});
  TemplateData view = SiteView(site, kListingRoot, title);
  view.set("heading", title);
  view.set("lead", text.Format("listing." + key + "_lead", {{"name", listing.name}}));
  view.set("documents", DocumentRows(site, listing.documents, kListingRoot));
  view.set("table_id", "listing_table");
  view.set("table_caption", title);
  view.set("document_count",
           text.Format("listing.document_count", {{"count", std::to_string(listing.documents.size())}}));
  view.set("listing_feed_href", "feed.xml");
  view.set("listing_feed_title", text.Format("listing.feed", {{"name", listing.name}}));
  if (listing.kind == Listing::Kind::kOrganisation) {
    if (std::optional<OrganisationGraph> graph =
            OrganisationGraphSvg(site, listing, kListingRoot, diags)) {
      view.set("graph_svg", graph->svg);
      if (graph->shown < graph->documents) {
        view.set("graph_capped",
                 text.Format("listing.graph_capped",
                             {{"shown", std::to_string(graph->shown)},
                              {"count", std::to_string(graph->documents)}}));
      }
    }
  }
  return {"html/" + listing.folder + "index.html",
          RenderTemplate(theme, theme.Page("listing"), view, diags)};
}

OutputFile RenderOrganisations(const SiteGraph& site, const std::vector<Listing>& listings,
                               const HtmlTheme& theme, Diagnostics& diags) {
  const SiteText& text = site.config().text;
  TemplateData view = SiteView(site, "../", text.Get("listing.organisations_title"));
  auto groups = [&](Listing::Kind kind, const std::string& root_from_overview) {
    TemplateList list;
    for (const Listing& listing : listings) {
      if (listing.kind != kind) continue;
      TemplateData item;
      item.set("name", listing.name);
      item.set("href", root_from_overview + listing.folder + "index.html");
      item.set("count", text.Format("listing.document_count",
                                    {{"count", std::to_string(listing.documents.size())}}));
      list.push_back(item);
    }
    return list;
  };
  view.set("organisations", groups(Listing::Kind::kOrganisation, "../"));
  view.set("types", groups(Listing::Kind::kType, "../"));
  TemplateList tags = groups(Listing::Kind::kTag, "../");
  view.set("has_tags", !tags.empty());
  view.set("tags", tags);
  return {std::string("html/") + kOrganisationsFolder + "index.html",
          RenderTemplate(theme, theme.Page("organisations"), view, diags)};
}

OutputFile RenderNotFound(const SiteGraph& site, const HtmlTheme& theme, Diagnostics& diags) {
  TemplateData view = SiteView(site, site.config().BasePath(),
                               site.config().text.Get("not_found.title"));
  return {"html/404.html", RenderTemplate(theme, theme.Page("404"), view, diags)};
}

}  // namespace kansli::html
