#include "render/graph/relation_graph.h"

#include <graphviz/graphviz_version.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "render/graph/graphviz.h"
#include "render/graph/graphviz_session.h"
#include "render/graph/label_text.h"
#include "render/graph/prepared_graph.h"
#include "render/graph/svg_rewrite.h"

namespace kansli::graph {
namespace {

// Graphviz needs a font name for its metrics; the text layout plugin in graphviz_session.cc
// measures every name with Helvetica widths, and RewriteSvg gives the SVG a font list.
constexpr const char* kFontName = "Liberation Sans";
constexpr double kTitleSize = 13;
constexpr double kEdgeLabelSize = 10;

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

// Lines of a plain label; "\\n" is Graphviz's centred line break. The node's first line is its
// kind label, which RewriteSvg draws smaller (Graphviz's HTML-like labels could size it, but
// Graphviz 2.42 leaks about 600 bytes per HTML label).
std::string Label(const std::vector<std::string>& lines) {
  std::string label;
  for (const std::string& line : lines) {
    if (!label.empty()) label += "\\n";
    label += EscapeGraphvizLabel(line);
  }
  return label;
}

std::string NodeLabel(const PreparedNode& node) {
  std::vector<std::string> lines;
  if (!node.kind_label.empty()) lines.push_back(node.kind_label);
  lines.insert(lines.end(), node.lines.begin(), node.lines.end());
  return Label(lines);
}

void SetDefaults(Agraph_t* g) {
  const auto graph_attr = [g](const char* name, const std::string& value) {
    agattr(g, AGRAPH, CgraphText(name), CgraphText(value.c_str()));
  };
  const auto node_attr = [g](const char* name, const std::string& value) {
    agattr(g, AGNODE, CgraphText(name), CgraphText(value.c_str()));
  };
  const auto edge_attr = [g](const char* name, const std::string& value) {
    agattr(g, AGEDGE, CgraphText(name), CgraphText(value.c_str()));
  };
  graph_attr("rankdir", "TB");
  graph_attr("nodesep", "0.3");
  graph_attr("ranksep", "0.45");
  graph_attr("bgcolor", "transparent");
  graph_attr("pad", "0.05");
  graph_attr("outputorder", "edgesfirst");
  graph_attr("fontname", kFontName);
  node_attr("shape", "box");
  node_attr("style", "rounded,filled");
  node_attr("fontname", kFontName);
  node_attr("fontsize", Number(kTitleSize));
  node_attr("margin", "0.14,0.08");
  node_attr("penwidth", "1.2");
  node_attr("color", "#5b6675");
  node_attr("fillcolor", "#eceff3");
  node_attr("fontcolor", "#1d232b");
  edge_attr("fontname", kFontName);
  edge_attr("fontsize", Number(kEdgeLabelSize));
  edge_attr("fontcolor", "#30363d");
  edge_attr("color", "#66707c");
  edge_attr("arrowsize", "0.7");
  edge_attr("penwidth", "1.1");
  edge_attr("dir", "forward");
}

// Builds the graph with cgraph's API, so no caller text is ever parsed as DOT. Node i is named
// and has id "n<i>", edge j has id "e<j>": RewriteSvg finds them by these ids.
Agraph BuildGraph(const PreparedGraph& prepared) {
  Agraph graph(agopen(CgraphText("G"), Agdirected, nullptr));
  Agraph_t* g = graph.get();
  SetDefaults(g);
  std::vector<Agnode_t*> nodes;
  for (size_t i = 0; i < prepared.nodes.size(); ++i) {
    const PreparedNode& node = prepared.nodes[i];
    const std::string name = "n" + std::to_string(i);
    Agnode_t* n = agnode(g, CgraphText(name.c_str()), 1);
    SetAttr(n, "id", name);
    SetAttr(n, "label", NodeLabel(node));
    SetAttr(n, "style", node.style.style);
    SetAttr(n, "fillcolor", node.style.fill);
    SetAttr(n, "color", node.style.stroke);
    SetAttr(n, "fontcolor", node.style.text);
    SetAttr(n, "penwidth", Number(node.style.pen_width));
    nodes.push_back(n);
  }
  for (size_t j = 0; j < prepared.edges.size(); ++j) {
    const PreparedEdge& edge = prepared.edges[j];
    // dot ranks an edge's tail above its head, at least minlen ranks apart: minlen is the
    // level difference, so levels stay apart. An edge laid out from `to` to `from` is drawn
    // with its arrow at the tail, so it still points at `to`. minlen is never 0: dot 2.42
    // crashes freeing some layouts whose same-rank ("flat") edges carry labels.
    Agnode_t* tail = nodes[edge.from_above ? edge.from : edge.to];
    Agnode_t* head = nodes[edge.from_above ? edge.to : edge.from];
    const std::string name = "e" + std::to_string(j);
    Agedge_t* e = agedge(g, tail, head, CgraphText(name.c_str()), 1);
    SetAttr(e, "id", name);
    if (!edge.from_above) SetAttr(e, "dir", "back");
    const long long levels =  // no overflow on INT_MIN
        std::llabs(static_cast<long long>(prepared.nodes[edge.from].level) -
                   prepared.nodes[edge.to].level);
    SetAttr(e, "minlen", std::to_string(std::clamp(levels, 1LL, 10LL)));
    if (!edge.lines.empty()) SetAttr(e, "label", Label(edge.lines));
  }
  return graph;
}

std::optional<std::string> LayOutAndRender(const PreparedGraph& prepared, std::string& problem) {
  GraphvizSession session;
  if (session.context() == nullptr) {
    problem = "graphviz could not make a context";
    return std::nullopt;
  }
  Agraph graph = BuildGraph(prepared);
  GvLayout layout(session.context(), graph.get(), "dot");
  if (!layout.ok()) {
    problem = "graphviz could not lay out the relation graph: " + session.messages();
    return std::nullopt;
  }
  char* data = nullptr;
  unsigned int length = 0;
  const int rendered = gvRenderData(session.context(), graph.get(), "svg", &data, &length);
  GvRenderData owned(data);
  if (rendered != 0 || data == nullptr) {
    problem = "graphviz could not draw the relation graph as SVG: " + session.messages();
    return std::nullopt;
  }
  return std::string(data, length);
}

SvgParts PartsOf(const PreparedGraph& prepared) {
  SvgParts parts{.id_prefix = prepared.id_prefix,
                 .title = prepared.title,
                 .description = prepared.description};
  for (const PreparedNode& node : prepared.nodes) {
    parts.nodes.push_back(
        SvgNodePart{.classes = node.classes,
                    .name = node.name,
                    .href = node.href,
                    .data_id = node.id,
                    .kind_colour = node.kind_label.empty() ? "" : node.style.kind_text});
  }
  for (const PreparedEdge& edge : prepared.edges) parts.edges.push_back({.name = edge.name});
  return parts;
}

}  // namespace

std::optional<std::string> RenderSvg(const RelationGraph& graph, Diagnostics& diags) {
  const PreparedGraph prepared = Prepare(graph);
  if (prepared.nodes.empty()) return std::string();
  std::string problem;
  const std::optional<std::string> drawn = LayOutAndRender(prepared, problem);
  if (!drawn) {
    while (!problem.empty() && (problem.back() == '\n' || problem.back() == ' '))
      problem.pop_back();
    std::vector<std::string> hints;
    if (problem.find("not recognized") != std::string::npos) {
      hints.push_back(
          "Graphviz finds its dot layout and SVG renderer through its plugin list config6a "
          "beside libgvplugin_core.so; on Debian 'libgvc6-config-update -c' writes it");
    }
    diags.Error({}, Code::kInternalError, problem, std::move(hints));
    return std::nullopt;
  }
  std::optional<std::string> svg = RewriteSvg(*drawn, PartsOf(prepared));
  if (!svg) {
    diags.Error({}, Code::kInternalError,
                "graphviz wrote SVG in a shape kansli does not recognise");
  }
  return svg;
}

std::string GraphvizVersion() { return PACKAGE_VERSION; }

}  // namespace kansli::graph
