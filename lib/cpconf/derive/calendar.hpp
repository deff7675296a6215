#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "cpconf/date.hpp"
#include "cpconf/load/profile.hpp"

namespace cpconf {

// A day that is not worked although it falls on a weekday: a bank holiday or a closure day.
struct Closure {
  Date date;
  std::string_view name;
};

// Working days in England and Wales: weekends and bank holidays excluded, plus any local
// closure days a profile adds. Every timescale in cpconf is counted here. Bank holidays are
// worked out for any year from the rules that set them, with the days announced for one year
// only (2020's VE day, 2022's jubilee and state funeral, 2023's coronation, ...) kept as data;
// a profile may add bank holidays announced after this build and remove regular ones moved.
class Calendar {
 public:
  explicit Calendar(std::vector<Date> closure_days = {}, std::vector<Date> bank_holidays_added = {},
                    std::vector<Date> bank_holidays_removed = {});

  bool is_working_day(Date date) const;
  // The bank holiday's name, "bank holiday (profile)" for one the profile adds, "local closure
  // day", or nothing.
  std::optional<std::string_view> closure_name(Date date) const;

  // The date n working days after anchor (the next working day after anchor is day 1);
  // n < 0 counts backwards, the working day before anchor being day -1.
  Date add_working_days(Date anchor, int n) const;
  // Working days in (from, to]; negative when to is before from.
  int working_days_between(Date from, Date to) const;

  // Closures on weekdays in (from, to], in date order, at most limit of them. Looked up in the
  // lists rather than found by walking the days, so a long range costs little.
  std::vector<Closure> closures_between(Date from, Date to, std::size_t limit = SIZE_MAX) const;

  // The same day n calendar months later, clamped to the end of a shorter month.
  static Date add_months(Date date, int months);

 private:
  bool is_regular_holiday(Date date) const;  // a bank holiday worked out here and not removed

  std::vector<Closure> m_extra;  // the profile's bank holidays, then its closure days; by date
  std::vector<Date> m_removed;   // sorted
};

// The calendar a profile's timescales are counted in: its closure days and bank holidays.
Calendar calendar_of(const Profile& profile);

}  // namespace cpconf
