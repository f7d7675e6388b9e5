#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace kansli {

// A calendar date. Parse accepts only real dates written YYYY-MM-DD (2018-02-30 is not one).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  static std::optional<Date> Parse(std::string_view text);
  std::string ToString() const;  // "2018-06-01"
  // Days since 1970-01-01, so that the days between two dates is a subtraction.
  int DayNumber() const;

  friend auto operator<=>(const Date&, const Date&) = default;
};

// Today's date, fixed by --today for reproducible runs (Typst's World::today).
class Clock {
 public:
  static Clock System();
  static Clock Fixed(Date today) { return Clock(today); }
  Date today() const { return today_; }

 private:
  explicit Clock(Date today) : today_(today) {}
  Date today_;
};

}  // namespace kansli
