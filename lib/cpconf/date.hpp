#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace cpconf {

// A calendar date (proleptic Gregorian).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  auto operator<=>(const Date&) const = default;
  // Days since 1970-01-01; differences give calendar days.
  long serial() const;
  static Date from_serial(long serial);
  // 0 = Monday ... 6 = Sunday.
  int weekday() const;
  bool is_weekend() const { return weekday() >= 5; }
  std::string str() const;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

// A date with an optional time of day (minutes since midnight, local time).
struct DateTime {
  Date date;
  int minutes = -1;

  bool has_time() const { return minutes >= 0; }
  auto operator<=>(const DateTime&) const = default;
  // Minutes since 1970-01-01 00:00; a date without a time counts as its midnight.
  long long serial_minutes() const;
  std::string str() const;
};

// Strict "YYYY-MM-DD" with a real calendar date.
std::optional<Date> parse_date(std::string_view text);
// "YYYY-MM-DD HH:MM" or "YYYY-MM-DD".
std::optional<DateTime> parse_date_time(std::string_view text);

}  // namespace cpconf

namespace cpconf {

// Today's date on this machine's local clock.
Date local_today();

}  // namespace cpconf
