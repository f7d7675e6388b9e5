#pragma once

#include <string>
#include <vector>

#include "render/graph/node_style.h"
#include "render/graph/relation_graph.h"

namespace kansli::graph {

// A RelationGraph checked and cleaned for drawing: no duplicate node, no dangling or
// duplicate edge, every text cleaned (CleanText) and wrapped, every href safe. Text is still
// plain; each consumer escapes it for its own syntax.
struct PreparedNode {
  std::string id;                  // cleaned caller id, for data-id
  std::string title;               // the whole cleaned title (the id when there is none)
  std::vector<std::string> lines;  // the title wrapped and cut; never empty
  std::string kind_label;
  std::string name;     // "Policy: full title", the accessible name
  std::string classes;  // "kind-policy focus not-in-force"
  std::string href;     // empty: no link
  int level = 0;
  NodeStyle style;
};

struct PreparedEdge {
  size_t from = 0;  // index into PreparedGraph::nodes
  size_t to = 0;
  std::vector<std::string> lines;  // the wrapped label; may be empty
  std::string name;                // "<from title> <label> <to title>"
  // Whether layout puts `from` above `to` (see Orient); the arrow points at `to` either way.
  bool from_above = true;
};

struct PreparedGraph {
  std::string id_prefix;
  std::string title;
  std::string description;
  std::vector<PreparedNode> nodes;
  std::vector<PreparedEdge> edges;
};

inline constexpr size_t kTitleLineChars = 28;
inline constexpr size_t kTitleMaxLines = 5;
inline constexpr size_t kEdgeLineChars = 24;
inline constexpr size_t kEdgeMaxLines = 2;

// Cleans the graph, then orients its edges (Orient).
PreparedGraph Prepare(const RelationGraph& graph);

// Decides which end of each edge dot ranks higher: the node of the lower level, and between
// nodes of one level `from`, except where that would close a cycle (a back edge of a
// depth-first search in node order), which is turned round. dot gets an acyclic graph: its own
// cycle breaking in Graphviz 2.42 leaks memory on some graphs.
void Orient(PreparedGraph& graph);

// The href when it is relative or uses http, https or mailto; otherwise empty (no link), so a
// "javascript:" URL never becomes clickable.
std::string SafeHref(std::string_view href);

// An id prefix valid in HTML and XML: a-z, A-Z, 0-9, '-' and '_', starting with a letter.
std::string IdPrefix(std::string_view wanted);

}  // namespace kansli::graph
