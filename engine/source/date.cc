#include "source/date.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace kansli {
namespace chr = std::chrono;

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](size_t from, size_t count) -> int {
    int value = 0;
    for (size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (y < 1 || m < 1 || d < 1) return std::nullopt;
  chr::year_month_day ymd{chr::year(y), chr::month(m), chr::day(d)};
  if (!ymd.ok()) return std::nullopt;
  return Date{y, m, d};
}

std::string Date::ToString() const {
  char buffer[16];
  snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

// The local calendar date: a revision due "today" in Sweden is due from local midnight, not
// from 01:00 or 02:00 when the UTC date changes.
Clock Clock::System() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Clock(Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday});
}

// Howard Hinnant's days_from_civil: exact for every proleptic Gregorian date.
int Date::DayNumber() const {
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace kansli
