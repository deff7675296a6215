#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "cpconf/derive/calendar.hpp"

// Every expected date below was counted by hand on a printed calendar of England and Wales.
namespace {

using cpconf::Calendar;
using cpconf::Date;

Date d(std::string_view text) {
  auto date = cpconf::parse_date(text);
  REQUIRE_MESSAGE(date.has_value(), "bad test date " << text);
  return *date;
}

std::string add(const Calendar& calendar, std::string_view anchor, int n) {
  return calendar.add_working_days(d(anchor), n).str();
}

// The lists GOV.UK publishes for England and Wales (www.gov.uk/bank-holidays), 2019 to 2027, and
// the regular days announced to 2030: every weekday holiday with its name.
const std::pair<std::string_view, std::string_view> k_published[] = {
    {"2019-01-01", "New Year's Day"},
    {"2019-04-19", "Good Friday"},
    {"2019-04-22", "Easter Monday"},
    {"2019-05-06", "Early May bank holiday"},
    {"2019-05-27", "Spring bank holiday"},
    {"2019-08-26", "Summer bank holiday"},
    {"2019-12-25", "Christmas Day"},
    {"2019-12-26", "Boxing Day"},
    {"2020-01-01", "New Year's Day"},
    {"2020-04-10", "Good Friday"},
    {"2020-04-13", "Easter Monday"},
    {"2020-05-08", "Early May bank holiday (VE day)"},
    {"2020-05-25", "Spring bank holiday"},
    {"2020-08-31", "Summer bank holiday"},
    {"2020-12-25", "Christmas Day"},
    {"2020-12-28", "Boxing Day (substitute day)"},
    {"2021-01-01", "New Year's Day"},
    {"2021-04-02", "Good Friday"},
    {"2021-04-05", "Easter Monday"},
    {"2021-05-03", "Early May bank holiday"},
    {"2021-05-31", "Spring bank holiday"},
    {"2021-08-30", "Summer bank holiday"},
    {"2021-12-27", "Christmas Day (substitute day)"},
    {"2021-12-28", "Boxing Day (substitute day)"},
    {"2022-01-03", "New Year's Day (substitute day)"},
    {"2022-04-15", "Good Friday"},
    {"2022-04-18", "Easter Monday"},
    {"2022-05-02", "Early May bank holiday"},
    {"2022-06-02", "Spring bank holiday"},
    {"2022-06-03", "Platinum Jubilee bank holiday"},
    {"2022-08-29", "Summer bank holiday"},
    {"2022-09-19", "Bank holiday for the State Funeral of Queen Elizabeth II"},
    {"2022-12-26", "Boxing Day"},
    {"2022-12-27", "Christmas Day (substitute day)"},
    {"2023-01-02", "New Year's Day (substitute day)"},
    {"2023-04-07", "Good Friday"},
    {"2023-04-10", "Easter Monday"},
    {"2023-05-01", "Early May bank holiday"},
    {"2023-05-08", "Bank holiday for the coronation of King Charles III"},
    {"2023-05-29", "Spring bank holiday"},
    {"2023-08-28", "Summer bank holiday"},
    {"2023-12-25", "Christmas Day"},
    {"2023-12-26", "Boxing Day"},
    {"2024-01-01", "New Year's Day"},
    {"2024-03-29", "Good Friday"},
    {"2024-04-01", "Easter Monday"},
    {"2024-05-06", "Early May bank holiday"},
    {"2024-05-27", "Spring bank holiday"},
    {"2024-08-26", "Summer bank holiday"},
    {"2024-12-25", "Christmas Day"},
    {"2024-12-26", "Boxing Day"},
    {"2025-01-01", "New Year's Day"},
    {"2025-04-18", "Good Friday"},
    {"2025-04-21", "Easter Monday"},
    {"2025-05-05", "Early May bank holiday"},
    {"2025-05-26", "Spring bank holiday"},
    {"2025-08-25", "Summer bank holiday"},
    {"2025-12-25", "Christmas Day"},
    {"2025-12-26", "Boxing Day"},
    {"2026-01-01", "New Year's Day"},
    {"2026-04-03", "Good Friday"},
    {"2026-04-06", "Easter Monday"},
    {"2026-05-04", "Early May bank holiday"},
    {"2026-05-25", "Spring bank holiday"},
    {"2026-08-31", "Summer bank holiday"},
    {"2026-12-25", "Christmas Day"},
    {"2026-12-28", "Boxing Day (substitute day)"},
    {"2027-01-01", "New Year's Day"},
    {"2027-03-26", "Good Friday"},
    {"2027-03-29", "Easter Monday"},
    {"2027-05-03", "Early May bank holiday"},
    {"2027-05-31", "Spring bank holiday"},
    {"2027-08-30", "Summer bank holiday"},
    {"2027-12-27", "Christmas Day (substitute day)"},
    {"2027-12-28", "Boxing Day (substitute day)"},
    {"2028-01-03", "New Year's Day (substitute day)"},
    {"2028-04-14", "Good Friday"},
    {"2028-04-17", "Easter Monday"},
    {"2028-05-01", "Early May bank holiday"},
    {"2028-05-29", "Spring bank holiday"},
    {"2028-08-28", "Summer bank holiday"},
    {"2028-12-25", "Christmas Day"},
    {"2028-12-26", "Boxing Day"},
    {"2029-01-01", "New Year's Day"},
    {"2029-03-30", "Good Friday"},
    {"2029-04-02", "Easter Monday"},
    {"2029-05-07", "Early May bank holiday"},
    {"2029-05-28", "Spring bank holiday"},
    {"2029-08-27", "Summer bank holiday"},
    {"2029-12-25", "Christmas Day"},
    {"2029-12-26", "Boxing Day"},
    {"2030-01-01", "New Year's Day"},
    {"2030-04-19", "Good Friday"},
    {"2030-04-22", "Easter Monday"},
    {"2030-05-06", "Early May bank holiday"},
    {"2030-05-27", "Spring bank holiday"},
    {"2030-08-26", "Summer bank holiday"},
    {"2030-12-25", "Christmas Day"},
    {"2030-12-26", "Boxing Day"},
};

std::vector<std::pair<std::string, std::string>> holidays_in(const Calendar& calendar, int first_year, int last_year) {
  std::vector<std::pair<std::string, std::string>> found;
  for (const auto& closure : calendar.closures_between(Date{first_year - 1, 12, 31}, Date{last_year, 12, 31})) {
    found.emplace_back(closure.date.str(), std::string(closure.name));
  }
  return found;
}

}  // namespace

TEST_CASE("calendar: bank holidays match the published lists, 2019 to 2030") {
  Calendar calendar;
  std::vector<std::pair<std::string, std::string>> expected;
  for (const auto& [date, name] : k_published) expected.emplace_back(date, name);
  CHECK(holidays_in(calendar, 2019, 2030) == expected);
}

TEST_CASE("calendar: bank holidays are worked out for years no list covers") {
  Calendar calendar;
  // Each year has its eight regular holidays on weekdays, substitutes included.
  for (int year = 2031; year <= 2040; ++year) {
    CAPTURE(year);
    auto days = holidays_in(calendar, year, year);
    CHECK(days.size() == 8);
  }
  // Easter moves: 2031-04-13, 2035-03-25 (early), 2038-04-25 (late).
  CHECK(calendar.closure_name(d("2031-04-11")) == "Good Friday");
  CHECK(calendar.closure_name(d("2031-04-14")) == "Easter Monday");
  CHECK(calendar.closure_name(d("2035-03-23")) == "Good Friday");
  CHECK(calendar.closure_name(d("2038-04-26")) == "Easter Monday");
  // 2033: New Year's Day on a Saturday, Christmas on a Sunday.
  CHECK(calendar.closure_name(d("2033-01-03")) == "New Year's Day (substitute day)");
  CHECK(calendar.closure_name(d("2033-12-26")) == "Boxing Day");
  CHECK(calendar.closure_name(d("2033-12-27")) == "Christmas Day (substitute day)");
  // 2037: Christmas on a Friday, Boxing Day taken on Monday 28.
  CHECK(calendar.closure_name(d("2037-12-28")) == "Boxing Day (substitute day)");
  // Working days over 2031's Easter: Thursday 10 April to Tuesday 15 April is one working day.
  CHECK(calendar.working_days_between(d("2031-04-10"), d("2031-04-15")) == 1);
  // Up to 2150; beyond, no date is a real record's, and none is a bank holiday.
  CHECK(calendar.closure_name(d("2150-12-25")) == "Christmas Day");
  CHECK_FALSE(calendar.closure_name(d("2300-12-25")).has_value());
}

TEST_CASE("calendar: the day after the anchor is working day 1") {
  Calendar calendar;
  CHECK(add(calendar, "2026-03-16", 1) == "2026-03-17");  // Monday to Tuesday
  CHECK(add(calendar, "2026-03-20", 1) == "2026-03-23");  // Friday to Monday
  CHECK(add(calendar, "2026-03-21", 1) == "2026-03-23");  // from a Saturday
  CHECK(add(calendar, "2026-03-20", 0) == "2026-03-20");
  CHECK(add(calendar, "2026-03-21", 0) == "2026-03-21");  // zero days leaves even a weekend alone
  CHECK(calendar.working_days_between(d("2026-03-20"), d("2026-03-20")) == 0);
  CHECK(calendar.working_days_between(d("2026-03-20"), d("2026-03-23")) == 1);
  CHECK(calendar.working_days_between(d("2026-03-20"), d("2026-03-22")) == 0);  // to a Sunday
  CHECK(calendar.working_days_between(d("2026-03-02"), d("2026-03-20")) == 14);
}

TEST_CASE("calendar: Christmas and New Year are skipped") {
  Calendar calendar;
  SUBCASE("2025: Christmas Thursday, Boxing Day Friday") {
    CHECK(add(calendar, "2025-12-24", 1) == "2025-12-29");
    CHECK(add(calendar, "2025-12-24", 3) == "2025-12-31");
    CHECK(add(calendar, "2025-12-24", 4) == "2026-01-02");
    CHECK(calendar.working_days_between(d("2025-12-19"), d("2026-01-05")) == 8);
  }
  SUBCASE("2026: Boxing Day on a Saturday, substitute day Monday 28 December") {
    CHECK(calendar.closure_name(d("2026-12-28")) == "Boxing Day (substitute day)");
    CHECK_FALSE(calendar.closure_name(d("2026-12-26")).has_value());  // a Saturday: no holiday of its own
    CHECK(add(calendar, "2026-12-24", 1) == "2026-12-29");
    CHECK(calendar.working_days_between(d("2026-12-24"), d("2027-01-04")) == 4);
    CHECK(add(calendar, "2026-12-10", 20) == "2027-01-12");
  }
  SUBCASE("2027: both days substituted, 27 and 28 December") {
    CHECK(add(calendar, "2027-12-24", 1) == "2027-12-29");
    CHECK(calendar.working_days_between(d("2027-12-24"), d("2028-01-04")) == 4);  // 29, 30, 31 Dec, 4 Jan
  }
}

TEST_CASE("calendar: Easter is skipped") {
  Calendar calendar;
  SUBCASE("2026: Good Friday 3 April, Easter Monday 6 April") {
    CHECK(add(calendar, "2026-04-02", 1) == "2026-04-07");
    CHECK(add(calendar, "2026-03-20", 10) == "2026-04-07");
    CHECK(add(calendar, "2026-03-20", 15) == "2026-04-14");
    CHECK(calendar.working_days_between(d("2026-03-20"), d("2026-04-14")) == 15);
  }
  SUBCASE("2027: Good Friday 26 March, Easter Monday 29 March") {
    CHECK(add(calendar, "2027-03-25", 1) == "2027-03-30");
    CHECK(calendar.working_days_between(d("2027-03-19"), d("2027-04-02")) == 8);
  }
}

TEST_CASE("calendar: the May and August bank holidays are skipped") {
  Calendar calendar;
  CHECK(add(calendar, "2026-05-01", 1) == "2026-05-05");  // early May, Monday 4 May
  CHECK(add(calendar, "2026-04-29", 5) == "2026-05-07");
  CHECK(add(calendar, "2026-05-22", 1) == "2026-05-26");  // spring, Monday 25 May
  CHECK(add(calendar, "2026-08-28", 1) == "2026-09-01");  // summer, Monday 31 August
  CHECK(add(calendar, "2026-08-20", 15) == "2026-09-11");
  CHECK(add(calendar, "2027-04-30", 1) == "2027-05-04");  // early May 2027, Monday 3 May
  CHECK(add(calendar, "2027-08-27", 1) == "2027-08-31");  // summer 2027, Monday 30 August
}

TEST_CASE("calendar: the one-off bank holidays of 2022 are skipped") {
  Calendar calendar;
  CHECK(add(calendar, "2022-06-01", 1) == "2022-06-06");  // spring moved to 2 June, jubilee 3 June
  CHECK(calendar.closure_name(d("2022-06-03")) == "Platinum Jubilee bank holiday");
  CHECK(add(calendar, "2022-09-16", 1) == "2022-09-20");  // the state funeral, Monday 19 September
  CHECK_FALSE(calendar.is_working_day(d("2022-09-19")));
  CHECK(calendar.is_working_day(d("2022-05-30")));  // the usual late-May Monday was a working day
}

TEST_CASE("calendar: negative counts go backwards") {
  Calendar calendar;
  CHECK(add(calendar, "2026-03-23", -1) == "2026-03-20");
  CHECK(add(calendar, "2026-01-02", -1) == "2025-12-31");
  CHECK(add(calendar, "2026-12-29", -1) == "2026-12-24");
  CHECK(add(calendar, "2026-04-07", -5) == "2026-03-27");  // across Easter 2026
  CHECK(add(calendar, "2027-01-05", -5) == "2026-12-24");  // across Christmas 2026
  CHECK(calendar.working_days_between(d("2026-04-07"), d("2026-03-27")) == -5);
  CHECK(calendar.working_days_between(d("2026-03-27"), d("2026-04-07")) == 5);
}

TEST_CASE("calendar: local closure days are not working days") {
  Calendar calendar({d("2026-03-17"), d("2026-03-16")});  // given out of order
  CHECK(calendar.closure_name(d("2026-03-16")) == "local closure day");
  CHECK_FALSE(calendar.is_working_day(d("2026-03-17")));
  CHECK(add(calendar, "2026-03-13", 1) == "2026-03-18");
  CHECK(calendar.working_days_between(d("2026-03-13"), d("2026-03-20")) == 3);
  CHECK(Calendar().working_days_between(d("2026-03-13"), d("2026-03-20")) == 5);
  CHECK(calendar.closure_name(d("2026-04-03")) == "Good Friday");  // bank holidays still apply
}

TEST_CASE("calendar: add_months clamps to the end of a shorter month") {
  CHECK(Calendar::add_months(d("2025-11-30"), 3).str() == "2026-02-28");
  CHECK(Calendar::add_months(d("2027-11-30"), 3).str() == "2028-02-29");  // leap year
  CHECK(Calendar::add_months(d("2026-08-31"), 6).str() == "2027-02-28");
  CHECK(Calendar::add_months(d("2027-08-31"), 6).str() == "2028-02-29");
  CHECK(Calendar::add_months(d("2026-01-31"), 1).str() == "2026-02-28");
  CHECK(Calendar::add_months(d("2028-01-31"), 1).str() == "2028-02-29");
  CHECK(Calendar::add_months(d("2026-10-31"), 6).str() == "2027-04-30");
  CHECK(Calendar::add_months(d("2026-12-15"), 3).str() == "2027-03-15");  // across the year end
  CHECK(Calendar::add_months(d("2026-03-20"), 3).str() == "2026-06-20");
}

TEST_CASE("calendar: every bank holiday in the list is a weekday and each year is complete") {
  // A weekend date in the list would be a wrongly entered substitute day; a missing count would
  // mean the list is out of order, since it is searched by bisection.
  const std::map<int, int> expected_count = {{2020, 8}, {2021, 8}, {2022, 10}, {2023, 9}, {2024, 8}, {2025, 8},
                                             {2026, 8}, {2027, 8}, {2028, 8},  {2029, 8}, {2030, 8}};
  Calendar calendar;
  std::map<int, int> count;
  for (long s = d("2020-01-01").serial(); s <= d("2030-12-31").serial(); ++s) {
    Date day = Date::from_serial(s);
    if (!calendar.closure_name(day)) continue;
    INFO(day.str() << " " << *calendar.closure_name(day));
    CHECK_FALSE(day.is_weekend());
    ++count[day.year];
  }
  CHECK(count == expected_count);
}

TEST_CASE("calendar: the bank holidays of 2026 and 2027 are the published ones") {
  Calendar calendar;
  for (auto day : {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25",
                   "2026-12-28", "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30",
                   "2027-12-27", "2027-12-28"}) {
    INFO(day);
    CHECK_FALSE(calendar.is_working_day(d(day)));
    CHECK(calendar.closure_name(d(day)).has_value());
  }
}

TEST_CASE("calendar: working days between two dates agree with counting day by day") {
  // Closure days include a bank holiday, a weekend day and a repeat: none may count twice.
  cpconf::Calendar calendar({{2026, 12, 24}, {2026, 12, 25}, {2026, 12, 26}, {2026, 12, 24}, {2027, 7, 14}});
  cpconf::Date start{2019, 12, 20};
  for (long from = start.serial(); from < start.serial() + 3000; from += 37) {
    for (long to = from - 40; to < from + 800; to += 13) {
      cpconf::Date a = cpconf::Date::from_serial(from);
      cpconf::Date b = cpconf::Date::from_serial(to);
      int expected = 0;
      for (long s = std::min(from, to) + 1; s <= std::max(from, to); ++s) {
        if (calendar.is_working_day(cpconf::Date::from_serial(s))) ++expected;
      }
      if (to < from) expected = -expected;
      INFO(a.str() << " to " << b.str());
      CHECK(calendar.working_days_between(a, b) == expected);
    }
  }
}

TEST_CASE("calendar: closures between two dates are listed in order, once, on weekdays only") {
  // 2026-12-26 (a Saturday) is a closure day the profile adds: a weekend, so not listed;
  // 2026-12-28 is both a bank holiday and a closure day: listed once, by its bank holiday name.
  Calendar calendar({d("2026-12-29"), d("2026-12-28"), d("2026-12-26"), d("2026-12-29")});
  auto closures = calendar.closures_between(d("2026-12-24"), d("2027-01-01"));
  std::vector<std::string> listed;
  for (const auto& c : closures) listed.push_back(c.date.str() + " " + std::string(c.name));
  CHECK(listed == std::vector<std::string>{"2026-12-25 Christmas Day", "2026-12-28 Boxing Day (substitute day)",
                                           "2026-12-29 local closure day", "2027-01-01 New Year's Day"});
  CHECK(calendar.closures_between(d("2026-12-24"), d("2027-01-01"), 2).size() == 2);
  // The range's start is excluded, its end included, as in working_days_between.
  CHECK(calendar.closures_between(d("2026-12-25"), d("2026-12-25")).empty());
}

TEST_CASE("calendar: closures between dates centuries apart are worked out, and the limit is kept") {
  Calendar calendar;
  auto closures = calendar.closures_between(d("2031-01-07"), d("9999-12-29"), 3);
  std::vector<std::string> listed;
  for (const auto& c : closures) listed.push_back(c.date.str() + " " + std::string(c.name));
  CHECK(listed == std::vector<std::string>{"2031-04-11 Good Friday", "2031-04-14 Easter Monday",
                                           "2031-05-05 Early May bank holiday"});
  // Eight weekday holidays every year from 1950 to 2150, with today's rules, plus the seven
  // one-off days (1999's millennium, the jubilees of 2002, 2012 and 2022, the 2011 wedding,
  // 2022's state funeral and 2023's coronation); none outside those years.
  CHECK(calendar.closures_between(d("1900-01-01"), d("9999-12-31")).size() == 201 * 8 + 7);
}

TEST_CASE("calendar: Good Friday and Easter Monday follow Easter Sunday, 2028 to 2040") {
  // Easter Sunday in the Gregorian calendar (the published tables of the Church of England).
  const std::pair<int, std::string_view> k_easter[] = {
      {2028, "2028-04-16"}, {2029, "2029-04-01"}, {2030, "2030-04-21"}, {2031, "2031-04-13"}, {2032, "2032-03-28"},
      {2033, "2033-04-17"}, {2034, "2034-04-09"}, {2035, "2035-03-25"}, {2036, "2036-04-13"}, {2037, "2037-04-05"},
      {2038, "2038-04-25"}, {2039, "2039-04-10"}, {2040, "2040-04-01"},
  };
  Calendar calendar;
  for (const auto& [year, sunday] : k_easter) {
    CAPTURE(year);
    long easter = d(sunday).serial();
    CHECK(calendar.closure_name(Date::from_serial(easter - 2)) == "Good Friday");
    CHECK(calendar.closure_name(Date::from_serial(easter + 1)) == "Easter Monday");
    CHECK_FALSE(calendar.closure_name(Date::from_serial(easter - 1)).has_value());
  }
}

TEST_CASE("calendar: substitute days when Christmas, Boxing Day or New Year's Day fall at a weekend, 2028 to 2040") {
  Calendar calendar;
  // Christmas on a Saturday (2032, 2038): Monday 27 and Tuesday 28 are the substitutes.
  for (int year : {2032, 2038}) {
    CAPTURE(year);
    CHECK(calendar.closure_name({year, 12, 27}) == "Christmas Day (substitute day)");
    CHECK(calendar.closure_name({year, 12, 28}) == "Boxing Day (substitute day)");
  }
  // On a Sunday (2033, 2039): Boxing Day on Monday 26, Christmas Day's substitute on Tuesday 27.
  for (int year : {2033, 2039}) {
    CAPTURE(year);
    CHECK(calendar.closure_name({year, 12, 26}) == "Boxing Day");
    CHECK(calendar.closure_name({year, 12, 27}) == "Christmas Day (substitute day)");
  }
  // On a Friday (2037): Boxing Day, a Saturday, is taken on Monday 28.
  CHECK(calendar.closure_name({2037, 12, 25}) == "Christmas Day");
  CHECK(calendar.closure_name({2037, 12, 28}) == "Boxing Day (substitute day)");
  // Christmas on a weekday (2028, a Monday): no substitute.
  CHECK_FALSE(calendar.closure_name({2028, 12, 27}).has_value());
  // New Year's Day on a Saturday (2028, 2033, 2039) or a Sunday (2034, 2040): the Monday after.
  for (auto [year, day] : {std::pair{2028, 3}, {2033, 3}, {2039, 3}, {2034, 2}, {2040, 2}}) {
    CAPTURE(year);
    CHECK(calendar.closure_name({year, 1, day}) == "New Year's Day (substitute day)");
  }
  // The May and August Mondays: 2032's early May is Monday 3, spring Monday 31, summer Monday 30.
  CHECK(calendar.closure_name(d("2032-05-03")) == "Early May bank holiday");
  CHECK(calendar.closure_name(d("2032-05-31")) == "Spring bank holiday");
  CHECK(calendar.closure_name(d("2032-08-30")) == "Summer bank holiday");
}

TEST_CASE("calendar: a profile adds bank holidays announced later and removes regular days moved") {
  // As if the early May holiday of 2031 (Monday 5 May) were moved to Thursday 8 May.
  Calendar calendar({}, {d("2031-05-08")}, {d("2031-05-05")});
  CHECK_FALSE(calendar.closure_name(d("2031-05-05")).has_value());
  CHECK(calendar.is_working_day(d("2031-05-05")));
  CHECK(calendar.closure_name(d("2031-05-08")) == "bank holiday (profile)");
  CHECK_FALSE(calendar.is_working_day(d("2031-05-08")));
  // Fri 2 May 2031: 5(1) 6(2) 7(3) 9(4) 12(5).
  CHECK(add(calendar, "2031-05-02", 5) == "2031-05-12");
  CHECK(calendar.working_days_between(d("2031-05-02"), d("2031-05-12")) == 5);
  auto days = holidays_in(calendar, 2031, 2031);
  CHECK(std::find(days.begin(), days.end(), std::pair<std::string, std::string>{"2031-05-08", "bank holiday (profile)"}) !=
        days.end());
  CHECK(days.size() == 8);
  // Without the profile, the regular day stands.
  CHECK(Calendar().closure_name(d("2031-05-05")) == "Early May bank holiday");
  // A day the profile adds that is already a bank holiday, or also a closure day, counts once.
  Calendar twice({d("2031-05-08")}, {d("2031-05-08"), d("2031-05-05")});
  CHECK(twice.working_days_between(d("2031-05-02"), d("2031-05-12")) == 4);
}
