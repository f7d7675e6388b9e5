#include "script/relations.h"

#include <optional>

namespace kansli {
namespace {

constexpr std::pair<RelationKind, std::string_view> kKinds[] = {
    {RelationKind::kImplements, "implements"},
    {RelationKind::kAdoptedIn, "adopted_in"},
    {RelationKind::kSupersedes, "supersedes"},
    {RelationKind::kReferences, "references"},
};

}  // namespace

std::string_view RelationKindName(RelationKind kind) {
  for (const auto& [k, name] : kKinds) {
    if (k == kind) return name;
  }
  return "references";
}

std::optional<RelationKind> ParseRelationKind(std::string_view name) {
  for (const auto& [k, n] : kKinds) {
    if (n == name) return k;
  }
  return std::nullopt;
}

}  // namespace kansli
