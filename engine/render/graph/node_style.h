#pragma once

#include <string>
#include <string_view>

namespace kansli::graph {

// How a node is painted. Colours are calm tints with dark text; every text colour has a
// contrast of at least 7:1 on its fill (WCAG AAA for small text), so the graph passes AA even
// when it is scaled down.
struct NodeStyle {
  std::string fill;
  std::string stroke;
  std::string text;       // the title
  std::string kind_text;  // the smaller kind label above the title
  std::string style;      // Graphviz style: "rounded,filled" or "rounded,filled,dashed"
  double pen_width = 1.2;
};

// kind is a document type ("policy", "plan", "beslut", ...); other kinds get a neutral grey.
// A node no longer in force is grey and dashed whatever its kind; the page's own node has a
// thick border.
NodeStyle StyleFor(std::string_view kind, bool in_force, bool focus);

// kind reduced to a CSS class name part: lower-case a-z, 0-9 and '-'; empty when nothing is left.
std::string KindClass(std::string_view kind);

}  // namespace kansli::graph
