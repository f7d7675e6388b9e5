#pragma once

#include <string>
#include <string_view>

namespace kansli {

// The id `kansli new` gives a document from its title: lower case, å and ä as a, ö as o (and
// the other Latin letters with accents as their base letter), every other run of characters
// as one '-', at most kMaxIdLength characters, cut at a '-'. Empty when the title has no
// letter or digit.
std::string IdFromTitle(std::string_view title);

inline constexpr size_t kMaxIdLength = 100;

}  // namespace kansli
