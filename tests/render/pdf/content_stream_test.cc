#include "render/pdf/writer/content_stream.h"

#include <gtest/gtest.h>

#include <string>

namespace kansli::pdf {
namespace {

TEST(ContentStream, WritesOperandsThenTheOperatorOneToALine) {
  ContentStream out;
  out.Op({1, 0, 0, 1, 70.8661, 758.5}, "Tm");
  out.NamedOp("F1", {11}, "Tf");  // the name without its slash, as libharu gives it
  out.Raw("BT");
  EXPECT_EQ(out.bytes(), "1 0 0 1 70.866 758.5 Tm\n/F1 11 Tf\nBT\n");
}

TEST(ContentStream, JoinsRawPartsOnOneLine) {
  ContentStream out;
  const std::string glyphs = "<0003> -21.5 <0004>";
  out.RawParts({"[", glyphs, "] TJ"});
  out.RawParts({"<0005>", " Tj"});
  EXPECT_EQ(out.bytes(), "[<0003> -21.5 <0004>] TJ\n<0005> Tj\n");
}

TEST(AppendNumber, KeepsThreeDecimalsAndNeverAnExponent) {
  std::string out;
  for (double value : {0.0, -0.0004, 12.5, 1e-9, 123456789.0, -3.14159}) {
    AppendNumber(out, value);
    out += ' ';
  }
  EXPECT_EQ(out, "0 0 12.5 0 123456789 -3.142 ");
}

}  // namespace
}  // namespace kansli::pdf
