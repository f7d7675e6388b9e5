// The relation graph pictures of the site, drawn by Graphviz (render/graph) from the
// SiteGraph's relations: one per organisation, and a small one around each document.
#pragma once

#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "render/html/listings.h"
#include "site/site_graph.h"

namespace kansli::html {

// Every document of the organisation and the documents they relate to elsewhere, as inline
// SVG for a page `root` away from html/; nullopt when the organisation has no relations.
std::optional<std::string> OrganisationGraphSvg(const SiteGraph& site, const Listing& listing,
                                                const std::string& root, Diagnostics& diags);

// `doc` and the documents it relates to, `doc` emphasised; nullopt when it has no relations.
std::optional<std::string> DocumentGraphSvg(const SiteGraph& site, const SiteDocument& doc,
                                            Diagnostics& diags);

}  // namespace kansli::html
