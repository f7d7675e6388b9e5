#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "source/date.h"

namespace kansli {

// A moment in UTC, to the second: when a version was published. The ledger writes it as
// "2026-01-10T09:00:00Z" (RFC 3339); readers see "2026-01-10 09:00 UTC".
struct Instant {
  int64_t seconds = 0;  // since 1970-01-01T00:00:00Z

  // "2026-01-10T09:00:00Z", "2026-01-10T09:00Z", or without the Z (read as UTC).
  static std::optional<Instant> Parse(std::string_view text);
  static Instant Now();

  std::string ToString() const;  // "2026-01-10T09:00:00Z"
  std::string Display() const;   // "2026-01-10 09:00 UTC"
  Date date() const;

  friend auto operator<=>(const Instant&, const Instant&) = default;
};

}  // namespace kansli
