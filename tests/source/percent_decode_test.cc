#include "source/percent_decode.h"

#include <gtest/gtest.h>

namespace kansli {
namespace {

TEST(PercentDecode, DecodesEscapesAndKeepsAStrayPercent) {
  EXPECT_EQ(PercentDecode("min%20bild.png"), "min bild.png");
  EXPECT_EQ(PercentDecode("%C3%A5r%c3%a5"), "\xC3\xA5r\xC3\xA5");  // both cases of hex digits
  EXPECT_EQ(PercentDecode("100%"), "100%");
  EXPECT_EQ(PercentDecode("%2"), "%2");
  EXPECT_EQ(PercentDecode("%zz%41"), "%zzA");
}

}  // namespace
}  // namespace kansli
