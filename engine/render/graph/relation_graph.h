#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"

namespace kansli::graph {

// One document in a relation graph. Every string is plain text (never markup) and may hold
// anything: it is cleaned and escaped here.
struct GraphNode {
  std::string id;          // unique within the graph; edges refer to it
  std::string label;       // the title, wrapped at about 28 characters, cut after 5 lines
  std::string kind_label;  // shown small above the title: "Policy"
  std::string kind;        // the document type: colour and CSS class "kind-policy"
  std::string href;        // relative link to the node's page; empty draws no link
  bool focus = false;      // the page's own document: thick border, never a link
  bool in_force = true;    // false: grey and dashed
  int level = 0;           // rows from the top, e.g. policy 0, plan 1, beslut 2 (see below)
};

// from → to, drawn as an arrow pointing at `to`. Layout puts an edge's nodes in the order of
// their levels (a lower level above, as many rows apart as the levels differ), whichever way
// the arrow points; between nodes of one level the arrow points down, `to` one row lower,
// unless that would close a cycle.
struct GraphEdge {
  std::string from;
  std::string to;
  std::string label;  // "verkställer", "antagen i", "ersätter"
};

struct RelationGraph {
  std::string id_prefix = "graph";  // makes element ids unique on a page with several graphs
  std::string title;                // the SVG's accessible name
  std::string description;          // optional longer text, the SVG's <desc>
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
};

// Lays the graph out with Graphviz's dot engine and returns SVG markup to put inside an HTML
// <figure>: one <svg> element with no XML declaration, DOCTYPE or comment, a viewBox, and
// width and height in CSS pixels (style it max-width: 100%; height: auto). The same graph
// always gives the same bytes. Safe to call from several threads; Graphviz runs one at a time.
//
// A graph with no nodes gives an empty string (nothing to draw, no diagnostic). Caller
// mistakes are skipped, not reported: a node whose id was already used, an edge naming an
// unknown node, an exact duplicate edge, and an href with a scheme other than http, https or
// mailto (the node is drawn without a link). Returns nullopt with an internal-error diagnostic
// when Graphviz fails, e.g. when its plugin list is missing.
std::optional<std::string> RenderSvg(const RelationGraph& graph, Diagnostics& diags);

// The version of the library this wraps, for `kansli --version`.
std::string GraphvizVersion();

}  // namespace kansli::graph
