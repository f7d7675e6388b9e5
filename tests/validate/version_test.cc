#include "validate/version.h"

#include <gtest/gtest.h>

#include "validate/status.h"

namespace kansli {
namespace {

Version V(const char* text) { return *Version::Parse(text); }

TEST(Version, ComparesAsNumbersNotText) {
  EXPECT_LT(V("1.9"), V("1.10"));
  EXPECT_LT(V("9"), V("10"));
  EXPECT_LT(V("1.3"), V("2"));
  EXPECT_GT(V("2.1"), V("2"));
  EXPECT_EQ(V("2"), V("2.0"));
  EXPECT_EQ(V("2").text(), "2");
  EXPECT_EQ(V("2.0").text(), "2.0");
}

TEST(Version, RefusesWhatIsNotAVersion) {
  for (const char* text : {"", "0", "0.0", "-1", "1.", ".1", "1.2.3", "v2", "1,2", "1234567", " 1"}) {
    EXPECT_FALSE(Version::Parse(text)) << text;
  }
  EXPECT_TRUE(Version::Parse("0.1"));
  EXPECT_TRUE(Version::Parse("12.04"));
}

TEST(Status, ParsesTheFourFrontMatterWords) {
  EXPECT_EQ(ParseStatus("utkast"), Status::kDraft);
  EXPECT_EQ(ParseStatus("gällande"), Status::kInForce);
  EXPECT_EQ(ParseStatus("upphävd"), Status::kRepealed);
  EXPECT_EQ(ParseStatus("ersatt"), Status::kSuperseded);
  EXPECT_FALSE(ParseStatus("galande"));
  EXPECT_EQ(StatusName(Status::kInForce), "gällande");
  EXPECT_FALSE(IsDecided(Status::kDraft));
  EXPECT_TRUE(IsDecided(Status::kRepealed));
}

}  // namespace
}  // namespace kansli
