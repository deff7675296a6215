#include "cpconf/derive/uk_time.hpp"

namespace cpconf {

namespace {

constexpr long long k_day = 24 * 60;

long long floor_div(long long a, long long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

// 01:00 GMT on the last Sunday of a month, in minutes since 1970-01-01 00:00 GMT.
long long last_sunday_1am(int year, int month) {
  Date last{year, month, days_in_month(year, month)};
  long sunday = last.serial() - (last.weekday() + 1) % 7;
  return sunday * k_day + 60;
}

}  // namespace

bool is_british_summer_time(long long utc_minutes) {
  int year = Date::from_serial(static_cast<long>(floor_div(utc_minutes, k_day))).year;
  return last_sunday_1am(year, 3) <= utc_minutes && utc_minutes < last_sunday_1am(year, 10);
}

long long utc_minutes(const DateTime& local) {
  long long wall = local.serial_minutes();
  if (is_british_summer_time(wall - 60)) return wall - 60;
  return wall;
}

DateTime uk_local_time(long long utc_minutes) {
  long long wall = utc_minutes + (is_british_summer_time(utc_minutes) ? 60 : 0);
  long long day = floor_div(wall, k_day);
  return {Date::from_serial(static_cast<long>(day)), static_cast<int>(wall - day * k_day)};
}

}  // namespace cpconf
