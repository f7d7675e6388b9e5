#pragma once

#include <optional>
#include <string_view>

namespace kansli {

// A document's status. The front matter writes it in Swedish whatever the site's language.
enum class Status {
  kDraft,       // utkast: not decided, never recorded as official
  kInForce,     // gällande
  kRepealed,    // upphävd
  kSuperseded,  // ersatt
};

std::optional<Status> ParseStatus(std::string_view text);
// "utkast", "gällande", "upphävd", "ersatt": the front-matter word, also the key of its text.
std::string_view StatusName(Status status);

// Decided once: in force now, or in force earlier and ended. Such a version is official.
inline bool IsDecided(Status status) { return status != Status::kDraft; }

}  // namespace kansli
