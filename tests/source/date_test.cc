#include "source/date.h"

#include <gtest/gtest.h>

#include <string>

namespace kansli {
namespace {

int Day(const char* text) {
  std::optional<Date> date = Date::Parse(text);
  EXPECT_TRUE(date.has_value()) << text;
  return date ? date->DayNumber() : 0;
}

TEST(DateDayNumber, CountsFromTheUnixEpoch) {
  EXPECT_EQ(Day("1970-01-01"), 0);
  EXPECT_EQ(Day("1970-01-02"), 1);
  EXPECT_EQ(Day("1969-12-31"), -1);
  EXPECT_EQ(Day("2000-01-01"), 10957);
  EXPECT_EQ(Day("2026-11-23"), 20780);
}

TEST(DateDayNumber, CrossesMonthEnds) {
  EXPECT_EQ(Day("2025-02-01") - Day("2025-01-31"), 1);
  EXPECT_EQ(Day("2025-05-01") - Day("2025-04-30"), 1);
  EXPECT_EQ(Day("2026-01-01") - Day("2025-12-31"), 1);
  EXPECT_EQ(Day("2025-03-31") - Day("2025-01-31"), 59);
}

TEST(DateDayNumber, CountsTheLeapDay) {
  EXPECT_EQ(Day("2024-03-01") - Day("2024-02-28"), 2);  // 2024-02-29 exists
  EXPECT_EQ(Day("2025-03-01") - Day("2025-02-28"), 1);
  EXPECT_EQ(Day("2024-12-31") - Day("2024-01-01"), 365);
  EXPECT_EQ(Day("2025-12-31") - Day("2025-01-01"), 364);
  // Century rules: 1900 and 2100 are not leap years, 2000 is.
  EXPECT_EQ(Day("2000-03-01") - Day("2000-02-28"), 2);
  EXPECT_EQ(Day("2100-03-01") - Day("2100-02-28"), 1);
  EXPECT_EQ(Day("1900-03-01") - Day("1900-02-28"), 1);
}

TEST(DateDayNumber, AgreesWithParseAndToStringForEveryDayOfFourCenturies) {
  // Walking day by day from 1900 to 2300 must step the day number by exactly one.
  const int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int previous = Date{1899, 12, 31}.DayNumber();
  for (int year = 1900; year < 2300; ++year) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    for (int month = 1; month <= 12; ++month) {
      const int days = days_in_month[month - 1] + (month == 2 && leap ? 1 : 0);
      for (int day = 1; day <= days; ++day) {
        const Date date{year, month, day};
        const int number = date.DayNumber();
        ASSERT_EQ(number, previous + 1) << date.ToString();
        ASSERT_EQ(Date::Parse(date.ToString()), date);
        previous = number;
      }
    }
  }
}

TEST(DateDayNumber, RejectsDaysThatDoNotExist) {
  EXPECT_FALSE(Date::Parse("2025-02-29"));
  EXPECT_FALSE(Date::Parse("2100-02-29"));
  EXPECT_TRUE(Date::Parse("2000-02-29"));
  EXPECT_FALSE(Date::Parse("2025-04-31"));
}

}  // namespace
}  // namespace kansli
