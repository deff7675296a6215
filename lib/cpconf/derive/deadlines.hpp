#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "cpconf/date.hpp"
#include "cpconf/load/model.hpp"
#include "cpconf/load/profile.hpp"

// The deadlines of the timescales (cpconf-profile(5)) as pure functions of a record, its profile and
// the profile's calendar, shared by the timescale rules and `cpconf timeline` so that a
// deadline is computed once. Working days are counted (anchor, event]: the day after the
// anchor is working day 1, and an event on a weekend or bank holiday right after a deadline
// costs no working day, so it is not late.
namespace cpconf {

class Calendar;

// How a timescale counts from its anchor.
enum class Measure {
  working_days_after,   // within N working days after the anchor
  working_days_before,  // at least N working days before the anchor (reports to a review)
  hours_after,          // within N clock hours after the anchor (the plan)
  hours_before,         // at least N clock hours before the anchor (reports to an initial)
  months_after,         // within N calendar months, clamped to the end of a shorter month
  days_before,          // at least N calendar days before the anchor
};

enum class LateUnit { working_days, minutes, days };

// An amount of time in one unit: how late (positive) or early (zero or negative) an event was.
struct Lateness {
  long amount = 0;
  LateUnit unit = LateUnit::working_days;

  auto operator<=>(const Lateness&) const = default;
};

struct Deadline {
  Measure measure = Measure::working_days_after;
  int limit = 0;  // in the measure's unit
  DateTime anchor;
  DateTime due;  // the last on-time moment: a whole day, or a date and time for clock hours

  auto operator<=>(const Deadline&) const = default;
};

Deadline working_days_after(const Calendar& calendar, Date anchor, int limit);
Deadline working_days_before(const Calendar& calendar, Date anchor, int limit);
Deadline hours_after(DateTime anchor, int hours);
Deadline hours_before(DateTime anchor, int hours);
Deadline months_after(Date anchor, int months);
Deadline days_before(Date anchor, int days);

// How late an event was against the deadline, in the measure's own unit: working days,
// minutes for clock hours, calendar days for months and days.
Lateness lateness(const Deadline& deadline, const Calendar& calendar, const DateTime& event);
// True when nothing recorded by this day can meet the deadline any more: its due day is past.
inline bool has_passed(const Deadline& deadline, Date as_of) { return deadline.due.date < as_of; }

// The moment of a clock-hour deadline, in minutes since 1970-01-01 00:00 GMT (derive/uk_time):
// its anchor's UK time plus or minus its hours, elapsed across any clock change.
long long due_utc_minutes(const Deadline& deadline);
// An event recorded without a time, judged against a clock-hour deadline, is taken at its
// last minute (23:59 UK time): it is on time only if the whole day is. In minutes since
// 1970-01-01 00:00 GMT.
long long latest_utc_minutes(const DateTime& when);

// A weekday in a counted span that is not a working day: why a count is shorter than it looks.

// Initial, pre-birth and transfer-in conferences are all initial conferences (cpconf-record(5)).
bool is_initial_kind(ConferenceKind kind);
// Some child was given a plan, or kept one at a review.
bool made_plan(const Record& record);
// An inquorate conference whose children have no recorded outcome: it has to reconvene.
bool must_reconvene(const Record& record);

// Where the initial conference's timescale starts (the profile's initial-conference-from): the
// start of the section 47 enquiry when the profile counts from it and the record gives it, else
// the strategy discussion. Nothing for other kinds, or when the record gives neither.
struct ClockStart {
  Date date;
  std::string_view what;  // "the strategy discussion"
};
std::optional<ClockStart> initial_conference_clock(const Record& record, const Profile& profile);

// Each returns nothing when the record lacks the anchor (or the kind does not have the deadline).
std::optional<Deadline> initial_conference_deadline(const Record& record, const Profile& profile,
                                                    const Calendar& calendar);  // kind initial
std::optional<Deadline> transfer_in_deadline(const Record& record, const Profile& profile, const Calendar& calendar);
std::optional<Deadline> pre_birth_deadline(const Child& child, const Profile& profile);
// Reports to the family and to the chair: hours before an initial kind, working days before a review.
std::optional<Deadline> report_deadline(const Record& record, const Profile& profile, const Calendar& calendar);
std::optional<Deadline> observer_request_deadline(const Record& record, const Profile& profile);
// Counted from the recorded end of the conference, else its start.
std::optional<Deadline> plan_deadline(const Record& record, const Profile& profile);
std::optional<Deadline> core_group_deadline(const Record& record, const Profile& profile, const Calendar& calendar);
std::optional<Deadline> minutes_deadline(const Record& record, const Profile& profile, const Calendar& calendar);
std::optional<Deadline> reconvene_deadline(const Record& record, const Profile& profile, const Calendar& calendar);
std::optional<Deadline> escalation_deadline(const Record& record, const Profile& profile, const Calendar& calendar);
// The window for amendments, from the day the plan was sent.
std::optional<Deadline> amendment_deadline(const Record& record, const Profile& profile, const Calendar& calendar);
// The review after a conference held on that day: first review months after an initial kind,
// later review months after a review. Also the measure of the case rule review-late.
Deadline next_review_deadline(ConferenceKind held_kind, Date held, const Profile& profile);
std::optional<Deadline> next_review_deadline(const Record& record, const Profile& profile);

}  // namespace cpconf
