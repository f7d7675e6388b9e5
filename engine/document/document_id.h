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

// True for a well-formed id: a-z, 0-9 and single '-', not at either end, at most
// kMaxIdLength characters. What check requires and what kansli new gives.
bool IsDocumentId(std::string_view id);

}  // namespace kansli
