// script/ owns running the site's Lua scripts in a sandbox, and what they produce:
// relations between documents, links for [[id]] and emphasised titles in bodies, and links
// around words of the running text (the Str hook).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "markdown/text_runs.h"

namespace kansli {

enum class RelationKind {
  kImplements,  // from puts `to` into effect (the plan implements the policy)
  kAdoptedIn,   // from was adopted by decision `to`
  kSupersedes,  // from replaces `to`
  kReferences,  // from's body links to `to`
};

// "implements", "adopted_in", "supersedes", "references": the names scripts use.
std::string_view RelationKindName(RelationKind kind);
std::optional<RelationKind> ParseRelationKind(std::string_view name);

struct Relation {
  std::string from;
  std::string to;
  RelationKind kind = RelationKind::kReferences;

  friend auto operator<=>(const Relation&, const Relation&) = default;
};

// What the scripts decided. `links` maps (document id, body slot) to the target document
// id, for markdown::Inline elements of kind kWikiLink and kEmph that carry that slot.
// `text_links` maps (document id, run index of markdown::TextRuns) to the pieces a Str hook
// split that run into; only runs with at least one link are kept.
using TextLinks = std::map<std::pair<std::string, int>, std::vector<markdown::TextPiece>>;
struct Relations {
  std::vector<Relation> relations;  // sorted, no duplicates
  std::map<std::pair<std::string, int>, std::string> links;
  TextLinks text_links;
};

}  // namespace kansli
