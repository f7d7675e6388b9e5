// The relation graph pictures of the site, drawn by Graphviz (render/graph) from the
// SiteGraph's relations: one per organisation, and a small one around each document.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "render/html/listings.h"
#include "site/site_graph.h"

namespace kansli::html {

// The most documents an organisation's graph shows. Graphviz's dot lays a graph out in time
// that grows faster than its nodes, under one lock, and a picture of hundreds of boxes says
// nothing: a larger organisation's graph shows its most related documents, and the listing
// beside it has every one.
inline constexpr size_t kMaxOrganisationGraphDocuments = 40;

struct OrganisationGraph {
  std::string svg;
  size_t shown = 0;      // documents of the organisation in the picture
  size_t documents = 0;  // documents of the organisation
};

// Every document of the organisation and the documents they relate to elsewhere, as inline
// SVG for a page `root` away from html/; nullopt when the organisation has no relations. Past
// kMaxOrganisationGraphDocuments, the documents with the most relations (the first of equals
// in the listing's order) and only the relations among them.
std::optional<OrganisationGraph> OrganisationGraphSvg(const SiteGraph& site,
                                                      const Listing& listing,
                                                      const std::string& root,
                                                      Diagnostics& diags);

// `doc` and the documents it relates to, `doc` emphasised; nullopt when it has no relations.
std::optional<std::string> DocumentGraphSvg(const SiteGraph& site, const SiteDocument& doc,
                                            Diagnostics& diags);

}  // namespace kansli::html
