#include <doctest/doctest.h>

#include "cpconf/date.hpp"

using namespace cpconf;

TEST_CASE("date: parses only real calendar dates written YYYY-MM-DD") {
  CHECK(parse_date("2024-02-29") == Date{2024, 2, 29});
  CHECK_FALSE(parse_date("2023-02-29"));
  CHECK_FALSE(parse_date("2026-13-01"));
  CHECK_FALSE(parse_date("12/03/2026"));
  CHECK_FALSE(parse_date("2026-3-1"));
  CHECK_FALSE(parse_date("1900-02-29"));
  CHECK(parse_date("2000-02-29") == Date{2000, 2, 29});
}

TEST_CASE("date: date-times carry an optional time of day") {
  auto with_time = parse_date_time("2026-03-20 09:05");
  REQUIRE(with_time);
  CHECK(with_time->minutes == 9 * 60 + 5);
  CHECK(with_time->str() == "2026-03-20 09:05");
  auto date_only = parse_date_time("2026-03-20");
  REQUIRE(date_only);
  CHECK_FALSE(date_only->has_time());
  CHECK_FALSE(parse_date_time("2026-03-20 24:00"));
  CHECK_FALSE(parse_date_time("2026-03-20T10:00"));
}

TEST_CASE("date: serial days and weekdays round-trip") {
  CHECK(Date{1970, 1, 1}.serial() == 0);
  CHECK(Date::from_serial(Date{2028, 2, 29}.serial()) == Date{2028, 2, 29});
  CHECK(Date{2026, 11, 22}.weekday() == 6);  // a Sunday
  CHECK(Date{2026, 12, 28}.weekday() == 0);  // a Monday
  CHECK(Date{2026, 11, 22}.is_weekend());
}
