#include <string>

#include <doctest/doctest.h>

#include "cpconf/derive/calendar.hpp"
#include "cpconf/derive/deadlines.hpp"

// Every expected date below was counted by hand, day by day, on a calendar of England and
// Wales bank holidays (gov.uk's list); each count is written out in the comment beside it.
namespace {

using namespace cpconf;

Date d(std::string_view text) {
  auto date = parse_date(text);
  REQUIRE_MESSAGE(date.has_value(), "bad test date " << text);
  return *date;
}

DateTime dt(std::string_view text) {
  auto when = parse_date_time(text);
  REQUIRE_MESSAGE(when.has_value(), "bad test date-time " << text);
  return *when;
}

std::string late(const Deadline& deadline, const Calendar& calendar, std::string_view event) {
  Lateness l = lateness(deadline, calendar, dt(event));
  std::string_view unit = l.unit == LateUnit::working_days ? "wd" : l.unit == LateUnit::minutes ? "min" : "d";
  return std::to_string(l.amount) + " " + std::string(unit);
}

std::string names(const std::vector<Closure>& closures) {
  std::string out;
  for (const auto& c : closures) out += (out.empty() ? "" : ", ") + c.date.str() + " " + std::string(c.name);
  return out;
}

}  // namespace

TEST_CASE("deadlines: 20 working days over Christmas and a weekend-shifted Boxing Day") {
  Calendar calendar;
  // Thu 2026-12-10: Dec 11(1) 14(2) 15(3) 16(4) 17(5) 18(6) 21(7) 22(8) 23(9) 24(10); 25 Christmas,
  // 26-27 weekend, 28 Boxing Day's substitute; 29(11) 30(12) 31(13); Jan 1 New Year; 4(14) 5(15)
  // 6(16) 7(17) 8(18) 11(19) 12(20).
  Deadline minutes = working_days_after(calendar, d("2026-12-10"), 20);
  CHECK(minutes.due.str() == "2027-01-12");
  CHECK(late(minutes, calendar, "2027-01-12") == "0 wd");
  CHECK(late(minutes, calendar, "2027-01-13") == "1 wd");
  CHECK(late(minutes, calendar, "2026-12-24") == "-10 wd");
  CHECK(names(calendar.closures_between(d("2026-12-10"), d("2027-01-12"))) ==
        "2026-12-25 Christmas Day, 2026-12-28 Boxing Day (substitute day), 2027-01-01 New Year's Day");
}

TEST_CASE("deadlines: both Christmas days substituted in 2027") {
  Calendar calendar;
  // Fri 2027-12-24; 25-26 weekend; 27 and 28 substitute days; Wed 29 is working day 1.
  Deadline escalation = working_days_after(calendar, d("2027-12-24"), 1);
  CHECK(escalation.due.str() == "2027-12-29");
  CHECK(late(escalation, calendar, "2027-12-29 09:00") == "0 wd");
  CHECK(late(escalation, calendar, "2027-12-30") == "1 wd");
}

TEST_CASE("deadlines: Easter is not counted") {
  Calendar calendar;
  SUBCASE("core group within 10 working days of Tuesday 24 March 2026") {
    // 25(1) 26(2) 27(3) 30(4) 31(5) Apr 1(6) 2(7); 3 Good Friday; 6 Easter Monday; 7(8) 8(9) 9(10).
    Deadline core = working_days_after(calendar, d("2026-03-24"), 10);
    CHECK(core.due.str() == "2026-04-09");
    CHECK(late(core, calendar, "2026-04-10") == "1 wd");
    CHECK(names(calendar.closures_between(core.anchor.date, core.due.date)) ==
          "2026-04-03 Good Friday, 2026-04-06 Easter Monday");
  }
  SUBCASE("initial conference within 15 working days of a strategy discussion on Friday 27 March 2026") {
    // 30(1) 31(2) Apr 1(3) 2(4); 3, 6 Easter; 7(5) 8(6) 9(7) 10(8) 13(9) 14(10) 15(11) 16(12) 17(13)
    // 20(14) 21(15).
    CHECK(working_days_after(calendar, d("2026-03-27"), 15).due.str() == "2026-04-21");
  }
}

TEST_CASE("deadlines: reports 5 working days before a review after the early May bank holiday") {
  Calendar calendar;
  // Review on Monday 11 May 2026: Fri 8(-1) Thu 7(-2) Wed 6(-3) Tue 5(-4); Mon 4 early May bank
  // holiday; Fri 1 May (-5).
  Deadline reports = working_days_before(calendar, d("2026-05-11"), 5);
  CHECK(reports.due.str() == "2026-05-01");
  CHECK(late(reports, calendar, "2026-05-01 17:00") == "0 wd");
  // Arriving on the weekend or the bank holiday after the deadline costs no working day:
  // (2 May, 11 May] still holds 5, 6, 7, 8 and 11 May.
  CHECK(late(reports, calendar, "2026-05-02") == "0 wd");
  CHECK(late(reports, calendar, "2026-05-04") == "0 wd");
  // (5 May, 11 May] holds 6, 7, 8, 11: one short.
  CHECK(late(reports, calendar, "2026-05-05") == "1 wd");
  CHECK(late(reports, calendar, "2026-05-11") == "5 wd");
}

TEST_CASE("deadlines: 20 working days over the late August bank holiday") {
  Calendar calendar;
  // Mon 10 Aug 2026: 11(1) 12 13 14(4) 17 18 19 20 21(9) 24 25 26 27 28(14); 31 summer bank
  // holiday; Sep 1(15) 2 3 4(18) 7(19) 8(20).
  CHECK(working_days_after(calendar, d("2026-08-10"), 20).due.str() == "2026-09-08");
  // Transfer-in within 15 working days of a notification on Monday 24 August 2026:
  // 25 26 27 28(4); 31 holiday; Sep 1(5) 2 3 4(8) 7 8 9 10 11(13) 14(14) 15(15).
  CHECK(working_days_after(calendar, d("2026-08-24"), 15).due.str() == "2026-09-15");
}

TEST_CASE("deadlines: months are calendar months clamped to the end of a shorter month") {
  Profile profile;  // 3 months to the first review, then 6
  SUBCASE("30 November + 3 months is 28 February, or 29 in a leap year") {
    CHECK(next_review_deadline(ConferenceKind::initial, d("2025-11-30"), profile).due.str() == "2026-02-28");
    CHECK(next_review_deadline(ConferenceKind::initial, d("2027-11-30"), profile).due.str() == "2028-02-29");
    CHECK(next_review_deadline(ConferenceKind::pre_birth, d("2023-11-30"), profile).due.str() == "2024-02-29");
  }
  SUBCASE("31 August + 6 months after a review is 28 February") {
    CHECK(next_review_deadline(ConferenceKind::review, d("2026-08-31"), profile).due.str() == "2027-02-28");
  }
  SUBCASE("from 29 February: 6 months keep the 29th; a year later falls back to the 28th") {
    CHECK(next_review_deadline(ConferenceKind::review, d("2024-02-29"), profile).due.str() == "2024-08-29");
    CHECK(months_after(d("2024-02-29"), 12).due.str() == "2025-02-28");
  }
  SUBCASE("a review held on the due day is on time; the day after is 1 day late") {
    Calendar calendar;
    Deadline first = next_review_deadline(ConferenceKind::initial, d("2025-11-30"), profile);
    CHECK(late(first, calendar, "2026-02-28") == "0 d");
    CHECK(late(first, calendar, "2026-03-01") == "1 d");
  }
}

TEST_CASE("deadlines: clock hours count weekends, and a bare date is taken at 23:59") {
  Calendar calendar;
  SUBCASE("reports 48 hours before an initial conference on Monday 16 March 2026 at 10:00") {
    Deadline reports = hours_before(dt("2026-03-16 10:00"), 48);
    CHECK(reports.due.str() == "2026-03-14 10:00");              // a Saturday
    CHECK(late(reports, calendar, "2026-03-13") == "-601 min");  // Fri 23:59 is 10 h 1 min early
    CHECK(late(reports, calendar, "2026-03-14 10:00") == "0 min");
    CHECK(late(reports, calendar, "2026-03-14") == "839 min");  // 23:59 - 10:00 = 13 h 59 min
  }
  SUBCASE("the plan 24 hours after a conference that ended on Friday 20 March 2026 at 11:40") {
    Deadline plan = hours_after(dt("2026-03-20 11:40"), 24);
    CHECK(plan.due.str() == "2026-03-21 11:40");
    // Sat 11:40 to Mon 09:00 is 1 day 21 h 20 min = 2720 minutes.
    CHECK(late(plan, calendar, "2026-03-23 09:00") == "2720 min");
  }
}

TEST_CASE("deadlines: calendar days before an anchor") {
  Calendar calendar;
  // 10 weeks = 70 days before an expected date of 28 September 2026 is 20 July 2026.
  Profile profile;
  profile.timescales.pre_birth_weeks_before_due = 10;
  Child child;
  child.expected.value = d("2026-09-28");
  auto pre_birth = pre_birth_deadline(child, profile);
  REQUIRE(pre_birth.has_value());
  CHECK(pre_birth->due.str() == "2026-07-20");
  CHECK(late(*pre_birth, calendar, "2026-06-15 10:00") == "-35 d");
  CHECK(late(*pre_birth, calendar, "2026-07-27 10:00") == "7 d");
  // An observer's request 7 days before a conference on 15 June 2026: by 8 June.
  CHECK(days_before(d("2026-06-15"), 7).due.str() == "2026-06-08");
}

TEST_CASE("deadlines: a deadline has passed only once its due day is over") {
  Calendar calendar;
  Deadline minutes = working_days_after(calendar, d("2026-12-10"), 20);  // due 2027-01-12
  CHECK_FALSE(has_passed(minutes, d("2027-01-12")));
  CHECK(has_passed(minutes, d("2027-01-13")));
}

TEST_CASE("deadlines: 48 hours before an initial conference are elapsed hours across the March clock change") {
  Calendar calendar;
  // Monday 30 March 2026 10:00 BST is 09:00 GMT; the clocks went forward on Sunday 29 March.
  // 48 elapsed hours before is Saturday 28 March 09:00 GMT, which is 09:00 on the clock: the
  // same clock time two days before (10:00) would give an hour more.
  Deadline reports = hours_before(dt("2026-03-30 10:00"), 48);
  CHECK(reports.due.str() == "2026-03-28 09:00");
  CHECK(late(reports, calendar, "2026-03-28 09:00") == "0 min");
  CHECK(late(reports, calendar, "2026-03-28 10:00") == "60 min");
  // A date alone is its last minute, 23:59 GMT that Saturday.
  CHECK(late(reports, calendar, "2026-03-28") == "899 min");
  CHECK(late(reports, calendar, "2026-03-27") == "-541 min");
}

TEST_CASE("deadlines: 48 hours before an initial conference are elapsed hours across the October clock change") {
  Calendar calendar;
  // Monday 26 October 2026 10:00 GMT; the clocks went back on Sunday 25 October. 48 elapsed
  // hours before is Saturday 24 October 10:00 GMT, which is 11:00 BST on the clock.
  Deadline reports = hours_before(dt("2026-10-26 10:00"), 48);
  CHECK(reports.due.str() == "2026-10-24 11:00");
  CHECK(late(reports, calendar, "2026-10-24 10:30") == "-30 min");
  CHECK(late(reports, calendar, "2026-10-24 11:00") == "0 min");
  CHECK(late(reports, calendar, "2026-10-24 11:30") == "30 min");
}

TEST_CASE("deadlines: 24 hours after a conference are elapsed hours across both clock changes") {
  Calendar calendar;
  // Ends Saturday 28 March 2026 15:00 GMT; 24 hours later is 15:00 GMT on Sunday, 16:00 BST.
  Deadline march = hours_after(dt("2026-03-28 15:00"), 24);
  CHECK(march.due.str() == "2026-03-29 16:00");
  CHECK(late(march, calendar, "2026-03-29 15:30") == "-30 min");
  // Ends Saturday 24 October 2026 15:00 BST (14:00 GMT); 24 hours later is 14:00 GMT on Sunday.
  Deadline october = hours_after(dt("2026-10-24 15:00"), 24);
  CHECK(october.due.str() == "2026-10-25 14:00");
  CHECK(late(october, calendar, "2026-10-25 14:30") == "30 min");
  // Away from a change, an hour is an hour on the clock.
  CHECK(hours_after(dt("2026-06-10 15:00"), 24).due.str() == "2026-06-11 15:00");
}
