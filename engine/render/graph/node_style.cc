#include "render/graph/node_style.h"

namespace kansli::graph {
namespace {

struct Palette {
  std::string_view kind;
  std::string_view fill, stroke, text, kind_text;
};

// One hue per kansli document type: blues for what steers, greens for what carries it out,
// browns for instructions and decisions.
constexpr Palette kPalettes[] = {
    {"policy", "#e3edf9", "#2f5f98", "#13243a", "#234a78"},
    {"strategi", "#ebe7f6", "#5a4a9a", "#1f1838", "#46397a"},
    {"program", "#e0f1ef", "#23716a", "#0f2e2b", "#1b5751"},
    {"plan", "#e4f2e4", "#357a3a", "#142e16", "#285c2c"},
    {"riktlinje", "#f5eedc", "#86651a", "#2f230a", "#654b12"},
    {"rutin", "#f3ebe4", "#7d5a3c", "#2e2016", "#5e432c"},
    {"beslut", "#fbebe3", "#a4502a", "#3a1a0c", "#7d3b1d"},
};
constexpr Palette kOther = {"", "#eceff3", "#5b6675", "#1d232b", "#434b57"};
constexpr Palette kNotInForce = {"", "#f1f1f1", "#7a7a7a", "#3b3b3b", "#4f4f4f"};

}  // namespace

NodeStyle StyleFor(std::string_view kind, bool in_force, bool focus) {
  const std::string key = KindClass(kind);
  Palette palette = kOther;
  for (const Palette& p : kPalettes) {
    if (p.kind == key) palette = p;
  }
  if (!in_force) palette = kNotInForce;
  return NodeStyle{.fill = std::string(palette.fill),
                   .stroke = std::string(palette.stroke),
                   .text = std::string(palette.text),
                   .kind_text = std::string(palette.kind_text),
                   .style = in_force ? "rounded,filled" : "rounded,filled,dashed",
                   .pen_width = focus ? 3.0 : 1.2};
}

std::string KindClass(std::string_view kind) {
  std::string out;
  for (char c : kind) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') out.push_back(c);
  }
  return out;
}

}  // namespace kansli::graph
