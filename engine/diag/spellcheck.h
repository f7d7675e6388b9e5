#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kansli {

// The candidate closest to `word` by edit distance, if it is close enough to be a likely
// typo (ninja's SpellcheckString). Used for "did you mean 'plan-2024'?" hints.
std::optional<std::string> ClosestMatch(std::string_view word,
                                        const std::vector<std::string>& candidates);

// "plan, policy, rutin": the names a hint lists after "did you mean", as one line.
std::string JoinNames(const std::vector<std::string>& names);

}  // namespace kansli
