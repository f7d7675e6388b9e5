#include "render/pdf/layout/hyphenator.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace kansli::pdf {
namespace {

std::vector<size_t> Points(std::string_view word) {
  std::vector<size_t> points{99};  // filled anew, whatever it held
  HyphenationPoints(word, points);
  return points;
}

// The word with "-" at every hyphenation point.
std::string Hyphenated(std::string_view word) {
  std::string out;
  size_t from = 0;
  for (size_t at : Points(word)) {
    out += std::string(word.substr(from, at - from)) + "-";
    from = at;
  }
  return out + std::string(word.substr(from));
}

TEST(Hyphenator, LoadsTheSwedishPatterns) { EXPECT_TRUE(HyphenationAvailable()); }

TEST(Hyphenator, SplitsCompoundsAtSyllables) {
  EXPECT_EQ(Hyphenated("verksamhetsutveckling"), "verk-sam-hets-ut-veck-ling");
  // What hyph_sv_SE gives: no point between "mun" and "över"; "pan-de" would leave only two
  // letters after the point.
  EXPECT_EQ(Hyphenated("kommunövergripande"), "kom-munöver-gri-pande");
}

TEST(Hyphenator, NeverSplitsCkOrNg) {
  for (std::string_view word : {"verksamhetsutveckling", "utvecklingen", "styrningen"}) {
    std::string text(word);
    for (size_t at : Points(word)) {
      EXPECT_FALSE(text.substr(at - 1, 2) == "ck" || text.substr(at - 1, 2) == "ng") << word;
    }
  }
}

TEST(Hyphenator, LowerCasesSwedishCapitals) {
  EXPECT_EQ(Hyphenated("KOMMUNÖVERGRIPANDE"), "KOM-MUNÖVER-GRI-PANDE");
  EXPECT_EQ(Hyphenated("Kommunövergripande"), "Kom-munöver-gri-pande");
}

TEST(Hyphenator, KeepsTwoLettersBeforeAndThreeAfter) {
  for (std::string_view word : {"verksamhetsutveckling", "avdelningarna", "ansvarsområde"}) {
    std::vector<size_t> points = Points(word);
    for (size_t at : points) {
      EXPECT_GE(at, 2u) << word;
      EXPECT_GE(word.size() - at, 3u) << word;
    }
  }
}

TEST(Hyphenator, LeavesShortAndForeignWordsWhole) {
  EXPECT_TRUE(Points("ordet").size() <= 1);
  EXPECT_TRUE(Points("ord").empty());
  EXPECT_TRUE(Points("").empty());
  EXPECT_TRUE(Points("ωμέγαλεξικό").empty());  // not Latin-1
  EXPECT_TRUE(Points("\xff\xfe\xfd\xfc\xfb\xfa").empty());
  EXPECT_TRUE(Points(std::string(100000, 'a')).empty());
}

TEST(Hyphenator, RemembersAWordWithoutMixingItUpWithOthers) {
  // Words differing in case or by one letter are remembered apart; the points are offsets
  // into each word's own bytes.
  EXPECT_EQ(Hyphenated("Verksamhetsutveckling"), "Verk-sam-hets-ut-veck-ling");
  EXPECT_EQ(Hyphenated("verksamhetsutveckling"), "verk-sam-hets-ut-veck-ling");
  EXPECT_EQ(Hyphenated("ÖVERSIKTSPLANERING"), Hyphenated("ÖVERSIKTSPLANERING"));
  EXPECT_EQ(Hyphenated("översiktsplanering"), "över-sikts-pla-ne-ring");
  // Many distinct words keep answering correctly past the bound on what is remembered.
  for (int i = 0; i < 120000; ++i) Points("ord" + std::to_string(i) + "abcdef");
  EXPECT_EQ(Hyphenated("verksamhetsutveckling"), "verk-sam-hets-ut-veck-ling");
}

TEST(Hyphenator, GivesTheSameAnswerOnSeveralThreads) {
  const std::string expected = Hyphenated("verksamhetsutveckling");
  std::vector<std::string> results(8);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&results, t] {
      for (int i = 0; i < 200; ++i) results[t] = Hyphenated("verksamhetsutveckling");
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& result : results) EXPECT_EQ(result, expected);
}

}  // namespace
}  // namespace kansli::pdf
