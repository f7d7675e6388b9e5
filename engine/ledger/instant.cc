#include "ledger/instant.h"

#include <chrono>
#include <cstdio>

namespace kansli {
namespace {

bool Digits(std::string_view text, size_t at, size_t count, int& value) {
  if (at + count > text.size()) return false;
  value = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<Instant> Instant::Parse(std::string_view text) {
  if (text.ends_with('Z')) text.remove_suffix(1);
  if (text.size() != 16 && text.size() != 19) return std::nullopt;
  std::optional<Date> date = Date::Parse(text.substr(0, 10));
  int hour = 0, minute = 0, second = 0;
  if (!date || text[10] != 'T' || !Digits(text, 11, 2, hour) || text[13] != ':' ||
      !Digits(text, 14, 2, minute) || hour > 23 || minute > 59) {
    return std::nullopt;
  }
  if (text.size() == 19 && (text[16] != ':' || !Digits(text, 17, 2, second) || second > 59)) {
    return std::nullopt;
  }
  return Instant{int64_t{date->DayNumber()} * 86400 + hour * 3600 + minute * 60 + second};
}

Instant Instant::Now() {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return Instant{std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count()};
}

Date Instant::date() const {
  using std::chrono::days, std::chrono::sys_days, std::chrono::year_month_day;
  const year_month_day ymd{sys_days{days{seconds / 86400 - (seconds % 86400 < 0 ? 1 : 0)}}};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
              static_cast<int>(unsigned(ymd.day()))};
}

std::string Instant::ToString() const {
  const int64_t in_day = ((seconds % 86400) + 86400) % 86400;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02dZ", date().ToString().c_str(),
                static_cast<int>(in_day / 3600), static_cast<int>(in_day / 60 % 60),
                static_cast<int>(in_day % 60));
  return buffer;
}

std::string Instant::Display() const {
  const std::string text = ToString();
  return text.substr(0, 10) + " " + text.substr(11, 5) + " UTC";
}

}  // namespace kansli
