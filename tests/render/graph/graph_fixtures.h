#pragma once

// Graphs and SVG measurements shared by the relation graph tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "render/graph/relation_graph.h"
#include "render/graph/svg_document.h"

namespace kansli::testing {

// A policy, a plan carrying it out, the decision adopting both, and the policy it replaced.
inline graph::RelationGraph Ljungby() {
  using graph::RelationGraph;
  return RelationGraph{
      .id_prefix = "rel",
      .title = "Relationer mellan Ljungby kommuns styrdokument",
      .description = "Planen verkställer policyn; båda antogs av kommunfullmäktige.",
      .nodes = {{.id = "policy-int",
                 .label = "Policy för internationellt arbete",
                 .kind_label = "Policy",
                 .kind = "policy",
                 .focus = true},
                {.id = "plan-int",
                 .label = "Handlingsplan för internationellt arbete 2024–2027",
                 .kind_label = "Plan",
                 .kind = "plan",
                 .href = "../plan-int/index.html",
                 .level = 1},
                {.id = "kf-2024-12",
                 .label = "Kommunfullmäktige 2024-03-25 § 12",
                 .kind_label = "Beslut",
                 .kind = "beslut",
                 .href = "../kf-2024-12/index.html",
                 .level = 2},
                {.id = "policy-old",
                 .label = "Policy för EU-arbete",
                 .kind_label = "Policy",
                 .kind = "policy",
                 .href = "../policy-old/index.html",
                 .in_force = false}},
      .edges = {{.from = "plan-int", .to = "policy-int", .label = "verkställer"},
                {.from = "policy-int", .to = "kf-2024-12", .label = "antagen i"},
                {.from = "plan-int", .to = "kf-2024-12", .label = "antagen i"},
                {.from = "policy-int", .to = "policy-old", .label = "ersätter"}}};
}

// The points of a node's outline path ("M42,-36C42,-36 12,-36 ...").
inline std::vector<std::pair<double, double>> OutlinePoints(const SvgDocument& doc,
                                                            const std::string& id) {
  std::string d = doc.Strings("//s:g[@data-id='" + id + "']//s:path/@d").front();
  for (char& c : d) {
    if (std::isalpha(static_cast<unsigned char>(c))) c = ' ';
  }
  std::vector<std::pair<double, double>> points;
  std::istringstream in(d);
  for (std::string pair; in >> pair;) {
    const size_t comma = pair.find(',');
    points.emplace_back(std::stod(pair.substr(0, comma)), std::stod(pair.substr(comma + 1)));
  }
  EXPECT_FALSE(points.empty()) << d;
  return points;
}

inline double CentreY(const SvgDocument& doc, const std::string& id) {
  double low = 1e9, high = -1e9;
  for (const auto& [x, y] : OutlinePoints(doc, id))
    low = std::min(low, y), high = std::max(high, y);
  return (low + high) / 2;
}

inline double BoxWidth(const SvgDocument& doc, const std::string& id) {
  double low = 1e9, high = -1e9;
  for (const auto& [x, y] : OutlinePoints(doc, id))
    low = std::min(low, x), high = std::max(high, x);
  return high - low;
}

// Renders a graph that must draw without a diagnostic.
inline std::string Render(const graph::RelationGraph& graph) {
  Diagnostics diags;
  std::optional<std::string> svg = graph::RenderSvg(graph, diags);
  EXPECT_TRUE(diags.empty()) << diags.list().front().message;
  return svg.value_or("");
}

}  // namespace kansli::testing
