#include "site/collation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace kansli {
namespace {

std::vector<std::string> Sorted(std::vector<std::string> names) {
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return CollationKey(a) < CollationKey(b);
  });
  return names;
}

TEST(Collation, PutsÅÄÖAfterZInSwedishOrder) {
  EXPECT_EQ(Sorted({"Ödeshög", "Älmhult", "Ånge", "Ystad", "Arvika"}),
            (std::vector<std::string>{"Arvika", "Ystad", "Ånge", "Älmhult", "Ödeshög"}));
}

TEST(Collation, IgnoresCase) {
  EXPECT_EQ(Sorted({"osby kommun", "Ljungby kommun", "Tranås kommun"}),
            (std::vector<std::string>{"Ljungby kommun", "osby kommun", "Tranås kommun"}));
  EXPECT_EQ(CollationKey("ÅÄÖ"), CollationKey("åäö"));
}

TEST(Collation, KeepsOtherTextAsItIs) {
  EXPECT_EQ(CollationKey("Ks § 127"), "ks § 127");
  EXPECT_EQ(CollationKey(""), "");
  EXPECT_EQ(CollationKey("\xC3"), "\xC3");  // a lone lead byte at the end stays
}

}  // namespace
}  // namespace kansli
