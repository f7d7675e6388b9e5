#pragma once

#include <map>
#include <string>
#include <string_view>

namespace kansli::markdown {

// Stable anchors for headings: lower case ASCII, Swedish letters folded (å, ä → a; ö → o),
// spaces to '-', other punctuation dropped. A repeated heading gets "-2", "-3", so the
// same text always yields the same anchors, and links keep working across builds.
class HeadingIds {
 public:
  std::string Assign(std::string_view heading_text);

 private:
  std::map<std::string, int> used_;
};

std::string Slugify(std::string_view text);

}  // namespace kansli::markdown
