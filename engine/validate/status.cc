#include "validate/status.h"

#include <utility>

namespace kansli {

namespace {
constexpr std::pair<Status, std::string_view> kNames[] = {{Status::kDraft, "utkast"},
                                                          {Status::kInForce, "gällande"},
                                                          {Status::kRepealed, "upphävd"},
                                                          {Status::kSuperseded, "ersatt"}};
}  // namespace

std::optional<Status> ParseStatus(std::string_view text) {
  for (const auto& [status, name] : kNames) {
    if (name == text) return status;
  }
  return std::nullopt;
}

std::string_view StatusName(Status status) {
  for (const auto& [value, name] : kNames) {
    if (value == status) return name;
  }
  return "utkast";
}

}  // namespace kansli
