#include "render/graph/prepared_graph.h"

#include <map>
#include <set>
#include <tuple>

#include "render/graph/label_text.h"

namespace kansli::graph {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

PreparedNode PrepareNode(const GraphNode& node) {
  PreparedNode out;
  out.id = CleanText(node.id);
  out.title = CleanText(node.label).empty() ? out.id : CleanText(node.label);
  out.lines = WrapText(out.title, kTitleLineChars, kTitleMaxLines);
  if (out.lines.empty()) out.lines.push_back("?");
  out.kind_label = CleanText(node.kind_label);
  out.name = out.kind_label.empty() ? out.title : out.kind_label + ": " + out.title;
  const std::string kind = KindClass(node.kind);
  if (!kind.empty()) out.classes = "kind-" + kind;
  if (node.focus) out.classes += " focus";
  if (!node.in_force) out.classes += " not-in-force";
  if (!node.focus) out.href = SafeHref(node.href);
  if (!out.href.empty()) out.classes += " linked";
  if (!out.classes.empty() && out.classes.front() == ' ') out.classes.erase(0, 1);
  out.level = node.level;
  out.style = StyleFor(node.kind, node.in_force, node.focus);
  return out;
}

}  // namespace

void Orient(PreparedGraph& graph) {
  std::vector<std::vector<size_t>> out(graph.nodes.size());  // node → edges laid out of it
  for (size_t j = 0; j < graph.edges.size(); ++j) {
    PreparedEdge& edge = graph.edges[j];
    edge.from_above = graph.nodes[edge.from].level <= graph.nodes[edge.to].level;
    if (edge.from != edge.to) out[edge.from_above ? edge.from : edge.to].push_back(j);
  }
  // Iterative depth-first search; an edge to a node still on the path is a back edge.
  enum class Mark { kNew, kOnPath, kDone };
  std::vector<Mark> mark(graph.nodes.size(), Mark::kNew);
  std::vector<std::pair<size_t, size_t>> path;  // (node, next index into out[node])
  for (size_t root = 0; root < graph.nodes.size(); ++root) {
    if (mark[root] != Mark::kNew) continue;
    mark[root] = Mark::kOnPath;
    path.emplace_back(root, 0);
    while (!path.empty()) {
      auto& [node, next] = path.back();
      if (next == out[node].size()) {
        mark[node] = Mark::kDone;
        path.pop_back();
        continue;
      }
      PreparedEdge& edge = graph.edges[out[node][next++]];
      const size_t head = edge.from_above ? edge.to : edge.from;
      if (mark[head] == Mark::kOnPath) {
        edge.from_above = !edge.from_above;
      } else if (mark[head] == Mark::kNew) {
        mark[head] = Mark::kOnPath;
        path.emplace_back(head, 0);
      }
    }
  }
}

std::string SafeHref(std::string_view href) {
  const std::string clean = CleanText(href);
  if (clean.find(' ') != std::string::npos) return "";
  const size_t colon = clean.find(':');
  const size_t first_path_char = clean.find_first_of("/?#");
  if (colon == std::string::npos || colon > first_path_char) return clean;  // relative
  std::string scheme;
  for (char c : clean.substr(0, colon)) scheme.push_back(Lower(c));
  return (scheme == "http" || scheme == "https" || scheme == "mailto") ? clean : "";
}

std::string IdPrefix(std::string_view wanted) {
  std::string out;
  for (char c : wanted) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_') {
      out.push_back(c);
    }
  }
  if (out.empty() || !((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= 'A' && out[0] <= 'Z'))) {
    out.insert(0, "graph");
  }
  return out;
}

PreparedGraph Prepare(const RelationGraph& graph) {
  PreparedGraph out{.id_prefix = IdPrefix(graph.id_prefix),
                    .title = CleanText(graph.title),
                    .description = CleanText(graph.description)};
  std::map<std::string, size_t, std::less<>> index;  // caller id → node index; first one wins
  for (const GraphNode& node : graph.nodes) {
    if (!index.emplace(node.id, out.nodes.size()).second) continue;
    out.nodes.push_back(PrepareNode(node));
  }
  std::set<std::tuple<size_t, size_t, std::string>> seen;
  for (const GraphEdge& edge : graph.edges) {
    const auto from = index.find(edge.from);
    const auto to = index.find(edge.to);
    if (from == index.end() || to == index.end()) continue;
    const std::string label = CleanText(edge.label);
    if (!seen.emplace(from->second, to->second, label).second) continue;
    std::string name = out.nodes[from->second].title;
    if (!label.empty()) name += " " + label;
    name += " " + out.nodes[to->second].title;
    out.edges.push_back(PreparedEdge{.from = from->second,
                                     .to = to->second,
                                     .lines = WrapText(label, kEdgeLineChars, kEdgeMaxLines),
                                     .name = std::move(name)});
  }
  Orient(out);
  return out;
}

}  // namespace kansli::graph
