#include "cpconf/date.hpp"

#include <fmt/format.h>

namespace cpconf {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : k_days[month - 1];
}

// Howard Hinnant's days_from_civil.
long Date::serial() const {
  long y = year - (month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_serial(long serial) {
  serial += 719468;
  long era = (serial >= 0 ? serial : serial - 146096) / 146097;
  long doe = serial - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

int Date::weekday() const {
  long s = serial();  // 1970-01-01 was a Thursday (3 when Monday is 0)
  return static_cast<int>(((s % 7) + 7 + 3) % 7);
}

std::string Date::str() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

long long DateTime::serial_minutes() const {
  return static_cast<long long>(date.serial()) * 1440 + (has_time() ? minutes : 0);
}

std::string DateTime::str() const {
  return has_time() ? fmt::format("{} {:02}:{:02}", date.str(), minutes / 60, minutes % 60) : date.str();
}

namespace {

std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto year = digits(text, 0, 4);
  auto month = digits(text, 5, 2);
  auto day = digits(text, 8, 2);
  if (!year || !month || !day || *year < 1900 || *month < 1 || *month > 12 || *day < 1 ||
      *day > days_in_month(*year, *month)) {
    return std::nullopt;
  }
  return Date{*year, *month, *day};
}

std::optional<DateTime> parse_date_time(std::string_view text) {
  if (text.size() == 10) {
    if (auto date = parse_date(text)) return DateTime{*date, -1};
    return std::nullopt;
  }
  if (text.size() != 16 || text[10] != ' ' || text[13] != ':') return std::nullopt;
  auto date = parse_date(text.substr(0, 10));
  auto hour = digits(text, 11, 2);
  auto minute = digits(text, 14, 2);
  if (!date || !hour || !minute || *hour > 23 || *minute > 59) return std::nullopt;
  return DateTime{*date, *hour * 60 + *minute};
}

}  // namespace cpconf

#include <ctime>

namespace cpconf {

Date local_today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace cpconf
