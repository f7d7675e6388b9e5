#include "render/html/relation_graph_view.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "render/graph/relation_graph.h"
#include "render/html/site_view.h"

namespace kansli::html {
namespace {

// Rows from the top: what governs above what puts it into effect, decisions at the bottom.
int Level(const std::string& type) {
  if (type == "policy" || type == "strategi") return 0;
  if (type == "plan" || type == "program") return 1;
  if (type == "beslut") return 3;
  return 2;  // riktlinje, rutin and a site's own types
}

graph::GraphNode Node(const SiteDocument& doc, const std::string& root, bool focus) {
  return graph::GraphNode{.id = doc.id,
                          .label = doc.title,
                          .kind_label = doc.type_label,
                          .kind = doc.meta().Value("type"),
                          .href = focus ? std::string() : DocumentHref(root, doc),
                          .focus = focus,
                          .in_force = doc.in_force,
                          .level = Level(doc.meta().Value("type"))};
}

// Nodes for `members` and everything they relate to (only to each other when `closed`); each
// relation once, drawn from the document that holds it (the plan that implements, the
// document adopted in a decision).
graph::RelationGraph Build(const SiteGraph& site, const std::vector<const SiteDocument*>& members,
                           const std::string& root, const SiteDocument* focus,
                           bool closed = false) {
  graph::RelationGraph out;
  std::set<std::string> nodes;
  auto add_node = [&](const SiteDocument& doc) {
    if (nodes.insert(doc.id).second) out.nodes.push_back(Node(doc, root, &doc == focus));
  };
  // A plain reference between two documents already joined by a stronger relation (the plan
  // that implements a policy also links to it) would only clutter the picture.
  std::set<std::pair<std::string, std::string>> related;
  for (const SiteDocument* doc : members) {
    for (const RelationLink& relation : doc->relations) {
      if (relation.kind == RelationKind::kReferences) continue;
      related.insert(std::minmax(doc->id, relation.other->id));
    }
  }
  const std::set<const SiteDocument*> inside(members.begin(), members.end());
  std::set<std::tuple<std::string, std::string, int>> edges;
  for (const SiteDocument* doc : members) {
    add_node(*doc);
    for (const RelationLink& relation : doc->relations) {
      if (closed && !inside.contains(relation.other)) continue;
      if (relation.kind == RelationKind::kReferences &&
          related.contains(std::minmax(doc->id, relation.other->id))) {
        continue;
      }
      add_node(*relation.other);
      const SiteDocument& from = relation.outgoing ? *doc : *relation.other;
      const SiteDocument& to = relation.outgoing ? *relation.other : *doc;
      if (!edges.insert({from.id, to.id, static_cast<int>(relation.kind)}).second) continue;
      out.edges.push_back(graph::GraphEdge{
          .from = from.id,
          .to = to.id,
          .label = RelationLabel(site.config().text, relation.kind, true)});
    }
  }
  return out;
}

}  // namespace

std::optional<OrganisationGraph> OrganisationGraphSvg(const SiteGraph& site,
                                                      const Listing& listing,
                                                      const std::string& root,
                                                      Diagnostics& diags) {
  std::vector<const SiteDocument*> members = listing.documents;
  const bool capped = members.size() > kMaxOrganisationGraphDocuments;
  if (capped) {
    std::stable_sort(members.begin(), members.end(),
                     [](const SiteDocument* a, const SiteDocument* b) {
                       return a->relations.size() > b->relations.size();
                     });
    members.resize(kMaxOrganisationGraphDocuments);
  }
  graph::RelationGraph relation_graph = Build(site, members, root, nullptr, capped);
  if (relation_graph.edges.empty()) return std::nullopt;
  relation_graph.id_prefix = "organisation_graph";
  relation_graph.title =
      site.config().text.Format("listing.graph_title", {{"name", listing.name}});
  std::optional<std::string> svg = graph::RenderSvg(relation_graph, diags);
  if (!svg) return std::nullopt;
  return OrganisationGraph{
      .svg = std::move(*svg), .shown = members.size(), .documents = listing.documents.size()};
}

std::optional<std::string> DocumentGraphSvg(const SiteGraph& site, const SiteDocument& doc,
                                            Diagnostics& diags) {
  graph::RelationGraph relation_graph = Build(site, {&doc}, "../", &doc);
  if (relation_graph.edges.empty()) return std::nullopt;
  relation_graph.id_prefix = "document_graph";
  relation_graph.title = site.config().text.Format("document.graph_title", {{"name", doc.title}});
  return graph::RenderSvg(relation_graph, diags);
}

}  // namespace kansli::html
