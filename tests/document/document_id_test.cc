#include "document/document_id.h"

#include <gtest/gtest.h>

namespace kansli {
namespace {

TEST(IdFromTitle, SwedishLettersBecomeTheirBaseLetters) {
  EXPECT_EQ(IdFromTitle("Plan för kultur: 2027–2030"), "plan-for-kultur-2027-2030");
  EXPECT_EQ(IdFromTitle("Riktlinje för ÅÄÖ och åäö"), "riktlinje-for-aao-och-aao");
  EXPECT_EQ(IdFromTitle("Café, naïve ÉLÈVE; Ærø Øresund Straße"), "cafe-naive-eleve-aero-oresund-strase");
}

TEST(IdFromTitle, RunsOfOtherCharactersAreOneHyphenNeverAtTheEnds) {
  EXPECT_EQ(IdFromTitle("  -- Ks § 127 / 2018 --  "), "ks-127-2018");
  EXPECT_EQ(IdFromTitle("Emoji 😀 mitt i"), "emoji-mitt-i");
  EXPECT_EQ(IdFromTitle("§ – ×÷"), "");
}

TEST(IdFromTitle, ALongTitleIsCutAtAHyphen) {
  std::string title;
  for (int i = 0; i < 30; ++i) title += "internationellt ";
  const std::string id = IdFromTitle(title);
  EXPECT_LE(id.size(), kMaxIdLength);
  EXPECT_TRUE(id.ends_with("internationellt")) << id;
}

}  // namespace
}  // namespace kansli
