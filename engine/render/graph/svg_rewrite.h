#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kansli::graph {

// What the inline SVG adds to each node and edge group Graphviz drew. Plain text: escaped here.
struct SvgNodePart {
  std::string classes;  // after "node": "kind-policy focus"
  std::string name;     // accessible name and tooltip: "Policy: Policy för internationellt arbete"
  std::string href;     // already checked; empty for no link
  std::string data_id;  // the caller's node id, as data-id
  // Not empty: the node's first text line is its kind label, drawn in this colour at
  // kKindFontSize with class "kind".
  std::string kind_colour;
};

struct SvgEdgePart {
  std::string name;  // tooltip: "Plan X verkställer Policy Y"
};

struct SvgParts {
  std::string id_prefix;  // already a valid id
  std::string title;
  std::string description;
  std::vector<SvgNodePart> nodes;  // Graphviz node i has id "n<i>"
  std::vector<SvgEdgePart> edges;  // Graphviz edge j has id "e<j>"
};

// Turns Graphviz's standalone SVG document into markup for inline HTML: drops the XML
// declaration, DOCTYPE, comments and background, gives the <svg> a title, role and pixel size,
// prefixes every id, names each node and wraps linked nodes in <a href>. Graphviz writes one
// element per line and escapes every '<' in text, so a line that starts with '<g id="n' can
// only be its own node group. Returns nullopt when the input is not shaped that way.
std::optional<std::string> RewriteSvg(std::string_view graphviz_svg, const SvgParts& parts);

inline constexpr std::string_view kKindFontSize = "10.00";

// The font names the SVG asks for: those whose widths TextWidth uses, then any sans-serif.
inline constexpr std::string_view kFontFamily = "'Liberation Sans', Arial, Helvetica, sans-serif";

}  // namespace kansli::graph
