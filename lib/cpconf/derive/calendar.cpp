#include "cpconf/derive/calendar.hpp"

#include <algorithm>
#include <utility>

namespace cpconf {

namespace {

struct BankHoliday {
  Date date;
  std::string_view name;
};

// Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, as in Meeus).
Date easter_sunday(int year) {
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;
  return {year, month, day};
}

Date plus_days(Date date, long days) { return Date::from_serial(date.serial() + days); }
Date first_monday(int year, int month) {
  Date first{year, month, 1};
  return plus_days(first, (7 - first.weekday()) % 7);
}
Date last_monday(int year, int month) {
  Date last{year, month, days_in_month(year, month)};
  return plus_days(last, -last.weekday());
}

// Days announced for one year only, on top of (or instead of) the regular ones.
struct OneOff {
  Date date;
  std::string_view name;
};
constexpr OneOff k_one_off_days[] = {
    {{1999, 12, 31}, "Millennium Day"},
    {{2002, 6, 3}, "Golden Jubilee bank holiday"},
    {{2011, 4, 29}, "Bank holiday for the wedding of Prince William and Catherine Middleton"},
    {{2012, 6, 5}, "Diamond Jubilee bank holiday"},
    {{2022, 6, 3}, "Platinum Jubilee bank holiday"},
    {{2022, 9, 19}, "Bank holiday for the State Funeral of Queen Elizabeth II"},
    {{2023, 5, 8}, "Bank holiday for the coronation of King Charles III"},
};
// Regular days moved in a year: the early May holiday to VE day's anniversary, the spring
// holiday beside a jubilee.
struct Moved {
  int year;
  std::string_view regular;  // the regular holiday's name
  Date date;
  std::string_view name;
};
constexpr Moved k_moved_days[] = {
    {1995, "Early May bank holiday", {1995, 5, 8}, "Early May bank holiday (VE day)"},
    {2002, "Spring bank holiday", {2002, 6, 4}, "Spring bank holiday"},
    {2012, "Spring bank holiday", {2012, 6, 4}, "Spring bank holiday"},
    {2020, "Early May bank holiday", {2020, 5, 8}, "Early May bank holiday (VE day)"},
    {2022, "Spring bank holiday", {2022, 6, 2}, "Spring bank holiday"},
};

// The bank holidays of England and Wales in one year that fall on weekdays, in date order: the
// regular days of the Banking and Financial Dealings Act 1971 and of royal proclamation (New
// Year's Day, Good Friday, Easter Monday, the first Monday of May, the last Mondays of May and
// August, Christmas Day and Boxing Day, each moved to the next free weekday when it falls at a
// weekend), then the days moved or added by announcement for that year.
std::vector<BankHoliday> holidays_of(int year) {
  std::vector<BankHoliday> days;
  auto add_regular = [&](Date date, std::string_view name) {
    for (const Moved& moved : k_moved_days) {
      if (moved.year == year && moved.regular == name) {
        date = moved.date;
        name = moved.name;
      }
    }
    days.push_back({date, name});
  };
  Date new_year{year, 1, 1};
  if (new_year.is_weekend()) {
    days.push_back({plus_days(new_year, 7 - new_year.weekday()), "New Year's Day (substitute day)"});
  } else {
    days.push_back({new_year, "New Year's Day"});
  }
  Date easter = easter_sunday(year);
  days.push_back({plus_days(easter, -2), "Good Friday"});
  days.push_back({plus_days(easter, 1), "Easter Monday"});
  add_regular(first_monday(year, 5), "Early May bank holiday");
  add_regular(last_monday(year, 5), "Spring bank holiday");
  add_regular(last_monday(year, 8), "Summer bank holiday");
  Date christmas{year, 12, 25};
  switch (christmas.weekday()) {
    case 4:  // Friday: Boxing Day is a Saturday, taken on Monday 28
      days.push_back({christmas, "Christmas Day"});
      days.push_back({{year, 12, 28}, "Boxing Day (substitute day)"});
      break;
    case 5:  // Saturday: both days move to Monday 27 and Tuesday 28
      days.push_back({{year, 12, 27}, "Christmas Day (substitute day)"});
      days.push_back({{year, 12, 28}, "Boxing Day (substitute day)"});
      break;
    case 6:  // Sunday: Boxing Day on Monday 26, Christmas Day taken on Tuesday 27
      days.push_back({{year, 12, 26}, "Boxing Day"});
      days.push_back({{year, 12, 27}, "Christmas Day (substitute day)"});
      break;
    default: days.push_back({christmas, "Christmas Day"}); days.push_back({{year, 12, 26}, "Boxing Day"});
  }
  for (const OneOff& day : k_one_off_days) {
    if (day.date.year == year) days.push_back({day.date, day.name});
  }
  std::sort(days.begin(), days.end(), [](const BankHoliday& a, const BankHoliday& b) { return a.date < b.date; });
  return days;
}

// Years whose bank holidays are worked out, once, and kept, sorted. Dates outside them are no
// real record's (a hostile one may hold 9999-12-31): they count no bank holiday, so that a
// count across thousands of years stays as cheap as one across a few.
constexpr int k_first_kept_year = 1950;
constexpr int k_last_kept_year = 2150;

const std::vector<BankHoliday>& kept_holidays() {
  static const std::vector<BankHoliday> k_kept = [] {
    std::vector<BankHoliday> all;
    for (int year = k_first_kept_year; year <= k_last_kept_year; ++year) {
      auto days = holidays_of(year);
      all.insert(all.end(), days.begin(), days.end());
    }
    return all;
  }();
  return k_kept;
}

// Calls use(holiday) for every bank holiday in [from, to] but the removed ones (sorted), in date
// order, until it returns false.
template <class Use>
void for_each_holiday(Date from, Date to, const std::vector<Date>& removed, Use use) {
  const auto& kept = kept_holidays();
  auto first = std::lower_bound(kept.begin(), kept.end(), from,
                                [](const BankHoliday& h, Date d) { return h.date < d; });
  for (auto it = first; it != kept.end() && it->date <= to; ++it) {
    if (!removed.empty() && std::binary_search(removed.begin(), removed.end(), it->date)) continue;
    if (!use(*it)) return;
  }
}

bool by_date(const Closure& a, const Closure& b) { return a.date < b.date; }

}  // namespace

Calendar::Calendar(std::vector<Date> closure_days, std::vector<Date> bank_holidays_added,
                   std::vector<Date> bank_holidays_removed)
    : m_removed(std::move(bank_holidays_removed)) {
  for (Date date : bank_holidays_added) m_extra.push_back({date, "bank holiday (profile)"});
  for (Date date : closure_days) m_extra.push_back({date, "local closure day"});
  std::stable_sort(m_extra.begin(), m_extra.end(), by_date);
  std::sort(m_removed.begin(), m_removed.end());
}

Calendar calendar_of(const Profile& profile) {
  return Calendar(profile.closure_days, profile.bank_holidays_added, profile.bank_holidays_removed);
}

bool Calendar::is_regular_holiday(Date date) const {
  bool found = false;
  for_each_holiday(date, date, m_removed, [&](const BankHoliday&) { return !(found = true); });
  return found;
}

std::optional<std::string_view> Calendar::closure_name(Date date) const {
  std::optional<std::string_view> name;
  for_each_holiday(date, date, m_removed, [&](const BankHoliday& holiday) {
    name = holiday.name;
    return false;
  });
  if (name) return name;
  auto extra = std::lower_bound(m_extra.begin(), m_extra.end(), Closure{date, {}}, by_date);
  if (extra != m_extra.end() && extra->date == date) return extra->name;
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
  for_each_holiday(from, to, m_removed, [&](const BankHoliday& holiday) {
    if (closed_in_range(holiday.date)) --count;
    return true;
  });
  for (std::size_t i = 0; i < m_extra.size(); ++i) {
    Date d = m_extra[i].date;
    bool repeated = i > 0 && m_extra[i - 1].date == d;
    if (closed_in_range(d) && !repeated && !is_regular_holiday(d)) --count;
  }
  return static_cast<int>(count);
}

std::vector<Closure> Calendar::closures_between(Date from, Date to, std::size_t limit) const {
  std::vector<Closure> closures;
  for_each_holiday(from, to, m_removed, [&](const BankHoliday& holiday) {
    if (from < holiday.date && !holiday.date.is_weekend()) closures.push_back({holiday.date, holiday.name});
    return closures.size() <= limit;
  });
  for (auto it = std::upper_bound(m_extra.begin(), m_extra.end(), Closure{from, {}}, by_date);
       it != m_extra.end() && it->date <= to; ++it) {
    bool listed = std::any_of(closures.begin(), closures.end(), [&](const Closure& c) { return c.date == it->date; });
    if (!it->date.is_weekend() && !listed) closures.push_back(*it);
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
