#include <cstdlib>
#include <ctime>
#include <string>

#include <doctest/doctest.h>

#include "cpconf/derive/uk_time.hpp"

// The clock changes below are the published ones: British Summer Time began on Sunday
// 29 March 2026 and 28 March 2027 at 01:00 GMT, and ended on Sunday 25 October 2026 and
// 31 October 2027 at 01:00 GMT (02:00 BST).
namespace {

using namespace cpconf;

DateTime dt(std::string_view text) {
  auto when = parse_date_time(text);
  REQUIRE_MESSAGE(when.has_value(), "bad test date-time " << text);
  return *when;
}

// A moment written as its GMT (UTC) wall-clock time, in minutes since 1970-01-01 00:00 GMT.
long long gmt(std::string_view text) { return dt(text).serial_minutes(); }

std::string local(long long utc) { return uk_local_time(utc).str(); }

}  // namespace

TEST_CASE("uk time: summer time runs from 01:00 GMT on the last Sunday of March to that of October") {
  CHECK_FALSE(is_british_summer_time(gmt("2026-03-29 00:59")));
  CHECK(is_british_summer_time(gmt("2026-03-29 01:00")));
  CHECK(is_british_summer_time(gmt("2026-10-25 00:59")));
  CHECK_FALSE(is_british_summer_time(gmt("2026-10-25 01:00")));
  // 2027: 28 March and 31 October (October's last day is itself a Sunday).
  CHECK_FALSE(is_british_summer_time(gmt("2027-03-28 00:59")));
  CHECK(is_british_summer_time(gmt("2027-03-28 01:00")));
  CHECK(is_british_summer_time(gmt("2027-10-31 00:59")));
  CHECK_FALSE(is_british_summer_time(gmt("2027-10-31 01:00")));
  // Midwinter and midsummer; a year before 1970 too.
  CHECK_FALSE(is_british_summer_time(gmt("2026-01-15 12:00")));
  CHECK(is_british_summer_time(gmt("2026-07-15 12:00")));
  CHECK(is_british_summer_time(gmt("1969-07-15 12:00")));
}

TEST_CASE("uk time: wall-clock times to GMT and back") {
  // Winter: UK time is GMT. Summer: UK time is GMT + 1.
  CHECK(utc_minutes(dt("2026-01-15 10:00")) == gmt("2026-01-15 10:00"));
  CHECK(utc_minutes(dt("2026-07-15 10:00")) == gmt("2026-07-15 09:00"));
  CHECK(local(gmt("2026-07-15 09:00")) == "2026-07-15 10:00");
  // A date alone is its midnight: in summer 23:00 GMT the day before.
  CHECK(utc_minutes(dt("2026-07-15")) == gmt("2026-07-14 23:00"));
  // March: the clocks go from 01:00 to 02:00; 00:59 is GMT, 02:00 is BST, and the hour between
  // does not exist: 01:30 is read as GMT, the same moment as 02:30 BST.
  CHECK(utc_minutes(dt("2026-03-29 00:59")) == gmt("2026-03-29 00:59"));
  CHECK(utc_minutes(dt("2026-03-29 02:00")) == gmt("2026-03-29 01:00"));
  CHECK(utc_minutes(dt("2026-03-29 01:30")) == gmt("2026-03-29 01:30"));
  CHECK(local(gmt("2026-03-29 01:30")) == "2026-03-29 02:30");
  // October: the clocks go from 02:00 back to 01:00; 01:30 happens twice and is taken the first
  // time, in summer time; both moments are shown as 01:30.
  CHECK(utc_minutes(dt("2026-10-25 01:30")) == gmt("2026-10-25 00:30"));
  CHECK(local(gmt("2026-10-25 00:30")) == "2026-10-25 01:30");
  CHECK(local(gmt("2026-10-25 01:30")) == "2026-10-25 01:30");
  CHECK(utc_minutes(dt("2026-10-25 02:00")) == gmt("2026-10-25 02:00"));
}

TEST_CASE("uk time: the machine's time zone plays no part") {
  const char* before = std::getenv("TZ");
  std::string saved = before != nullptr ? before : "";
  for (const char* zone : {"America/New_York", "Asia/Tokyo", "UTC", "Europe/London"}) {
    CAPTURE(zone);
    setenv("TZ", zone, 1);
    tzset();
    CHECK(utc_minutes(dt("2026-07-15 10:00")) == gmt("2026-07-15 09:00"));
    CHECK(local(gmt("2026-10-25 01:30")) == "2026-10-25 01:30");
  }
  if (before != nullptr) {
    setenv("TZ", saved.c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
}
