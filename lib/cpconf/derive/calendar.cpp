#include "cpconf/derive/calendar.hpp"

#include <algorithm>
#include <utility>

namespace cpconf {

namespace {

struct BankHoliday {
  Date date;
  std::string_view name;
};

// England and Wales, from the published lists: kept as data, not computed, because of
// one-off days (2020-05-08, 2022-06-03, 2022-09-19, 2023-05-08) and substitute days.
constexpr BankHoliday k_bank_holidays[] = {
    {{2020, 1, 1}, "New Year's Day"},
    {{2020, 4, 10}, "Good Friday"},
    {{2020, 4, 13}, "Easter Monday"},
    {{2020, 5, 8}, "Early May bank holiday (VE day)"},
    {{2020, 5, 25}, "Spring bank holiday"},
    {{2020, 8, 31}, "Summer bank holiday"},
    {{2020, 12, 25}, "Christmas Day"},
    {{2020, 12, 28}, "Boxing Day (substitute day)"},
    {{2021, 1, 1}, "New Year's Day"},
    {{2021, 4, 2}, "Good Friday"},
    {{2021, 4, 5}, "Easter Monday"},
    {{2021, 5, 3}, "Early May bank holiday"},
    {{2021, 5, 31}, "Spring bank holiday"},
    {{2021, 8, 30}, "Summer bank holiday"},
    {{2021, 12, 27}, "Christmas Day (substitute day)"},
    {{2021, 12, 28}, "Boxing Day (substitute day)"},
    {{2022, 1, 3}, "New Year's Day (substitute day)"},
    {{2022, 4, 15}, "Good Friday"},
    {{2022, 4, 18}, "Easter Monday"},
    {{2022, 5, 2}, "Early May bank holiday"},
    {{2022, 6, 2}, "Spring bank holiday"},
    {{2022, 6, 3}, "Platinum Jubilee bank holiday"},
    {{2022, 8, 29}, "Summer bank holiday"},
    {{2022, 9, 19}, "Bank holiday for the State Funeral of Queen Elizabeth II"},
    {{2022, 12, 26}, "Boxing Day"},
    {{2022, 12, 27}, "Christmas Day (substitute day)"},
    {{2023, 1, 2}, "New Year's Day (substitute day)"},
    {{2023, 4, 7}, "Good Friday"},
    {{2023, 4, 10}, "Easter Monday"},
    {{2023, 5, 1}, "Early May bank holiday"},
    {{2023, 5, 8}, "Bank holiday for the coronation of King Charles III"},
    {{2023, 5, 29}, "Spring bank holiday"},
    {{2023, 8, 28}, "Summer bank holiday"},
    {{2023, 12, 25}, "Christmas Day"},
    {{2023, 12, 26}, "Boxing Day"},
    {{2024, 1, 1}, "New Year's Day"},
    {{2024, 3, 29}, "Good Friday"},
    {{2024, 4, 1}, "Easter Monday"},
    {{2024, 5, 6}, "Early May bank holiday"},
    {{2024, 5, 27}, "Spring bank holiday"},
    {{2024, 8, 26}, "Summer bank holiday"},
    {{2024, 12, 25}, "Christmas Day"},
    {{2024, 12, 26}, "Boxing Day"},
    {{2025, 1, 1}, "New Year's Day"},
    {{2025, 4, 18}, "Good Friday"},
    {{2025, 4, 21}, "Easter Monday"},
    {{2025, 5, 5}, "Early May bank holiday"},
    {{2025, 5, 26}, "Spring bank holiday"},
    {{2025, 8, 25}, "Summer bank holiday"},
    {{2025, 12, 25}, "Christmas Day"},
    {{2025, 12, 26}, "Boxing Day"},
    {{2026, 1, 1}, "New Year's Day"},
    {{2026, 4, 3}, "Good Friday"},
    {{2026, 4, 6}, "Easter Monday"},
    {{2026, 5, 4}, "Early May bank holiday"},
    {{2026, 5, 25}, "Spring bank holiday"},
    {{2026, 8, 31}, "Summer bank holiday"},
    {{2026, 12, 25}, "Christmas Day"},
    {{2026, 12, 28}, "Boxing Day (substitute day)"},
    {{2027, 1, 1}, "New Year's Day"},
    {{2027, 3, 26}, "Good Friday"},
    {{2027, 3, 29}, "Easter Monday"},
    {{2027, 5, 3}, "Early May bank holiday"},
    {{2027, 5, 31}, "Spring bank holiday"},
    {{2027, 8, 30}, "Summer bank holiday"},
    {{2027, 12, 27}, "Christmas Day (substitute day)"},
    {{2027, 12, 28}, "Boxing Day (substitute day)"},
    {{2028, 1, 3}, "New Year's Day (substitute day)"},
    {{2028, 4, 14}, "Good Friday"},
    {{2028, 4, 17}, "Easter Monday"},
    {{2028, 5, 1}, "Early May bank holiday"},
    {{2028, 5, 29}, "Spring bank holiday"},
    {{2028, 8, 28}, "Summer bank holiday"},
    {{2028, 12, 25}, "Christmas Day"},
    {{2028, 12, 26}, "Boxing Day"},
    {{2029, 1, 1}, "New Year's Day"},
    {{2029, 3, 30}, "Good Friday"},
    {{2029, 4, 2}, "Easter Monday"},
    {{2029, 5, 7}, "Early May bank holiday"},
    {{2029, 5, 28}, "Spring bank holiday"},
    {{2029, 8, 27}, "Summer bank holiday"},
    {{2029, 12, 25}, "Christmas Day"},
    {{2029, 12, 26}, "Boxing Day"},
    {{2030, 1, 1}, "New Year's Day"},
    {{2030, 4, 19}, "Good Friday"},
    {{2030, 4, 22}, "Easter Monday"},
    {{2030, 5, 6}, "Early May bank holiday"},
    {{2030, 5, 27}, "Spring bank holiday"},
    {{2030, 8, 26}, "Summer bank holiday"},
    {{2030, 12, 25}, "Christmas Day"},
    {{2030, 12, 26}, "Boxing Day"},
};

}  // namespace

Calendar::Calendar(std::vector<Date> closure_days) : m_closures(std::move(closure_days)) {
  std::sort(m_closures.begin(), m_closures.end());
}

std::optional<std::string_view> Calendar::closure_name(Date date) const {
  auto it = std::lower_bound(std::begin(k_bank_holidays), std::end(k_bank_holidays), date,
                             [](const BankHoliday& h, Date d) { return h.date < d; });
  if (it != std::end(k_bank_holidays) && it->date == date) return it->name;
  if (std::binary_search(m_closures.begin(), m_closures.end(), date)) return "local closure day";
  return std::nullopt;
}

bool Calendar::is_working_day(Date date) const { return !date.is_weekend() && !closure_name(date); }

Date Calendar::add_working_days(Date anchor, int n) const {
  long serial = anchor.serial();
  int step = n < 0 ? -1 : 1;
  for (int counted = 0; counted != n;) {
    serial += step;
    if (is_working_day(Date::from_serial(serial))) counted += step;
  }
  return Date::from_serial(serial);
}

namespace {

long floor_div(long a, long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

// Weekdays among the days before serial s, counted from a fixed Monday: differences give the
// weekdays in a range in constant time, so far-apart dates cost nothing.
long weekdays_before(long s) {
  long days = s + 3;  // serial 0 (1970-01-01) is a Thursday, three days after a Monday
  long weeks = floor_div(days, 7);
  return weeks * 5 + std::min(days - weeks * 7, 5L);
}

}  // namespace

int Calendar::working_days_between(Date from, Date to) const {
  if (to < from) return -working_days_between(to, from);
  long count = weekdays_before(to.serial() + 1) - weekdays_before(from.serial() + 1);
  auto closed_in_range = [&](Date d) { return from < d && d <= to && !d.is_weekend(); };
  for (const auto& holiday : k_bank_holidays) {
    if (closed_in_range(holiday.date)) --count;
  }
  for (std::size_t i = 0; i < m_closures.size(); ++i) {
    Date d = m_closures[i];
    bool repeated = i > 0 && m_closures[i - 1] == d;
    bool bank_holiday = closure_name(d) != std::optional<std::string_view>("local closure day");
    if (closed_in_range(d) && !repeated && !bank_holiday) --count;
  }
  return static_cast<int>(count);
}

std::vector<Closure> Calendar::closures_between(Date from, Date to, std::size_t limit) const {
  std::vector<Closure> closures;
  auto first_holiday = std::upper_bound(std::begin(k_bank_holidays), std::end(k_bank_holidays), from,
                                        [](Date d, const BankHoliday& h) { return d < h.date; });
  for (auto it = first_holiday; it != std::end(k_bank_holidays) && it->date <= to; ++it) {
    if (!it->date.is_weekend()) closures.push_back({it->date, it->name});
  }
  for (auto it = std::upper_bound(m_closures.begin(), m_closures.end(), from); it != m_closures.end() && *it <= to;
       ++it) {
    bool listed = !closures.empty() &&
                  std::any_of(closures.begin(), closures.end(), [&](const Closure& c) { return c.date == *it; });
    if (!it->is_weekend() && !listed) closures.push_back({*it, "local closure day"});
  }
  std::stable_sort(closures.begin(), closures.end(),
                   [](const Closure& a, const Closure& b) { return a.date < b.date; });
  if (closures.size() > limit) closures.resize(limit);
  return closures;
}

Date Calendar::add_months(Date date, int months) {
  int index = date.year * 12 + (date.month - 1) + months;
  int year = index / 12;
  int month = index % 12 + 1;
  return {year, month, std::min(date.day, days_in_month(year, month))};
}

}  // namespace cpconf
