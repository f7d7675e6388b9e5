#include "render/graph/prepared_graph.h"

#include <gtest/gtest.h>

#include <random>

namespace kansli::testing {
namespace {

using graph::GraphEdge;
using graph::GraphNode;
using graph::IdPrefix;
using graph::Prepare;
using graph::PreparedGraph;
using graph::RelationGraph;
using graph::SafeHref;

RelationGraph Nodes(const std::vector<int>& levels) {
  RelationGraph graph;
  for (size_t i = 0; i < levels.size(); ++i) {
    graph.nodes.push_back(
        {.id = std::to_string(i), .label = "N" + std::to_string(i), .level = levels[i]});
  }
  return graph;
}

// Kahn's algorithm over the edges as laid out (tail above head), loops left out.
bool LaidOutAcyclic(const PreparedGraph& graph) {
  std::vector<int> incoming(graph.nodes.size(), 0);
  for (const auto& edge : graph.edges) {
    if (edge.from != edge.to) ++incoming[edge.from_above ? edge.to : edge.from];
  }
  std::vector<size_t> ready;
  for (size_t i = 0; i < incoming.size(); ++i) {
    if (incoming[i] == 0) ready.push_back(i);
  }
  size_t done = 0;
  while (!ready.empty()) {
    const size_t node = ready.back();
    ready.pop_back();
    ++done;
    for (const auto& edge : graph.edges) {
      const size_t tail = edge.from_above ? edge.from : edge.to;
      const size_t head = edge.from_above ? edge.to : edge.from;
      if (edge.from != edge.to && tail == node && --incoming[head] == 0) ready.push_back(head);
    }
  }
  return done == graph.nodes.size();
}

TEST(GraphPrepare, LaysTheLowerLevelAbove) {
  RelationGraph graph = Nodes({0, 1, 2});
  graph.edges = {{.from = "1", .to = "0"}, {.from = "0", .to = "2"}, {.from = "2", .to = "1"}};
  const PreparedGraph prepared = Prepare(graph);
  ASSERT_EQ(prepared.edges.size(), 3u);
  EXPECT_FALSE(prepared.edges[0].from_above);  // plan → policy points up
  EXPECT_TRUE(prepared.edges[1].from_above);
  EXPECT_FALSE(prepared.edges[2].from_above);
}

TEST(GraphPrepare, TurnsRoundEdgesThatCloseACycle) {
  RelationGraph graph = Nodes({0, 0, 0, 0});
  graph.edges = {{.from = "0", .to = "1"}, {.from = "1", .to = "0", .label = "tillbaka"},
                 {.from = "1", .to = "2"}, {.from = "2", .to = "3"},
                 {.from = "3", .to = "1"}, {.from = "2", .to = "2"}};
  const PreparedGraph prepared = Prepare(graph);
  EXPECT_TRUE(prepared.edges[0].from_above);
  EXPECT_FALSE(prepared.edges[1].from_above);
  EXPECT_FALSE(prepared.edges[4].from_above);
  EXPECT_TRUE(prepared.edges[5].from_above);  // a loop is left alone
  EXPECT_TRUE(LaidOutAcyclic(prepared));
}

TEST(GraphPrepare, LeavesNoCycleInRandomGraphs) {
  std::mt19937 random(7);
  for (int round = 0; round < 200; ++round) {
    const int count = std::uniform_int_distribution<int>(1, 15)(random);
    std::vector<int> levels;
    for (int i = 0; i < count; ++i)
      levels.push_back(std::uniform_int_distribution<int>(0, 2)(random));
    RelationGraph graph = Nodes(levels);
    std::uniform_int_distribution<int> node(0, count - 1);
    for (int j = 0; j < 3 * count; ++j) {
      graph.edges.push_back({.from = std::to_string(node(random)),
                             .to = std::to_string(node(random)),
                             .label = std::to_string(j)});
    }
    EXPECT_TRUE(LaidOutAcyclic(Prepare(graph))) << "round " << round;
  }
}

TEST(GraphPrepare, KeepsTheFirstOfDuplicateIdsAndDropsDanglingEdges) {
  RelationGraph graph = Nodes({0, 1});
  graph.nodes.push_back({.id = "0", .label = "Dubblett"});
  graph.edges = {{.from = "0", .to = "1", .label = "a"},
                 {.from = "0", .to = "x"},
                 {.from = "0", .to = "1", .label = "a"},
                 {.from = "0", .to = "1", .label = "b"}};
  const PreparedGraph prepared = Prepare(graph);
  ASSERT_EQ(prepared.nodes.size(), 2u);
  EXPECT_EQ(prepared.nodes[0].title, "N0");
  ASSERT_EQ(prepared.edges.size(), 2u);
  EXPECT_EQ(prepared.edges[1].lines, std::vector<std::string>{"b"});
  EXPECT_EQ(prepared.edges[0].name, "N0 a N1");
}

TEST(GraphPrepare, FallsBackToTheIdForATitle) {
  RelationGraph graph;
  graph.nodes.push_back({.id = "plan-2024", .label = " \n "});
  graph.nodes.push_back({.id = "", .label = ""});
  const PreparedGraph prepared = Prepare(graph);
  EXPECT_EQ(prepared.nodes[0].lines, std::vector<std::string>{"plan-2024"});
  EXPECT_EQ(prepared.nodes[1].lines, std::vector<std::string>{"?"});
}

TEST(GraphPrepare, AcceptsOnlySafeHrefs) {
  EXPECT_EQ(SafeHref("../plan/index.html#x"), "../plan/index.html#x");
  EXPECT_EQ(SafeHref("plan/a:b"), "plan/a:b");
  EXPECT_EQ(SafeHref("HTTPS://example.se/"), "HTTPS://example.se/");
  EXPECT_EQ(SafeHref("mailto:kansli@example.se"), "mailto:kansli@example.se");
  EXPECT_EQ(SafeHref("javascript:alert(1)"), "");
  EXPECT_EQ(SafeHref("java\nscript:alert(1)"), "");
  EXPECT_EQ(SafeHref("vbscript:x"), "");
  EXPECT_EQ(SafeHref("a b"), "");
}

TEST(GraphPrepare, MakesValidIdPrefixes) {
  EXPECT_EQ(IdPrefix("rel"), "rel");
  EXPECT_EQ(IdPrefix("rel-graf_2"), "rel-graf_2");
  EXPECT_EQ(IdPrefix(""), "graph");
  EXPECT_EQ(IdPrefix("2x"), "graph2x");
  EXPECT_EQ(IdPrefix("å\"<"), "graph");
}

}  // namespace
}  // namespace kansli::testing
