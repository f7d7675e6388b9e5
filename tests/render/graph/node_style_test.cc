#include "render/graph/node_style.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace kansli::testing {
namespace {

using graph::KindClass;
using graph::StyleFor;

// WCAG 2.x relative luminance and contrast ratio of two "#rrggbb" colours. axe-core cannot
// check text drawn over SVG shapes (it reports it as incomplete), so the palette is checked here.
double Luminance(const std::string& hex) {
  double rgb[3];
  for (int i = 0; i < 3; ++i) {
    const double c = std::stoi(hex.substr(1 + 2 * i, 2), nullptr, 16) / 255.0;
    rgb[i] = c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  }
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

double Contrast(const std::string& a, const std::string& b) {
  const double la = Luminance(a);
  const double lb = Luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

TEST(GraphNodeStyle, EveryTextColourPassesAaOnItsFill) {
  for (const char* kind :
       {"policy", "strategi", "program", "plan", "riktlinje", "rutin", "beslut", "okänd", ""}) {
    for (bool in_force : {true, false}) {
      const graph::NodeStyle style = StyleFor(kind, in_force, false);
      SCOPED_TRACE(std::string(kind) + (in_force ? "" : " not in force"));
      EXPECT_GE(Contrast(style.text, style.fill), 7.0);
      EXPECT_GE(Contrast(style.kind_text, style.fill), 4.5);
      EXPECT_GE(Contrast(style.stroke, "#ffffff"), 3.0);  // the box edge on a white page
    }
  }
}

TEST(GraphNodeStyle, GivesEachKindItsOwnColourAndGreysWhatIsNotInForce) {
  EXPECT_NE(StyleFor("policy", true, false).fill, StyleFor("plan", true, false).fill);
  EXPECT_EQ(StyleFor("Policy", true, false).fill, StyleFor("policy", true, false).fill);
  EXPECT_EQ(StyleFor("policy", false, false).fill, StyleFor("plan", false, false).fill);
  EXPECT_EQ(StyleFor("policy", false, false).style, "rounded,filled,dashed");
  EXPECT_EQ(StyleFor("policy", true, false).style, "rounded,filled");
  EXPECT_GT(StyleFor("policy", true, true).pen_width, StyleFor("policy", true, false).pen_width);
}

TEST(GraphNodeStyle, KindClassKeepsOnlyClassCharacters) {
  EXPECT_EQ(KindClass("Policy"), "policy");
  EXPECT_EQ(KindClass("x\" onload=\"y"), "xonloady");
  EXPECT_EQ(KindClass("åäö"), "");
}

}  // namespace
}  // namespace kansli::testing
