#include "cpconf/derive/deadlines.hpp"

#include "cpconf/derive/calendar.hpp"
#include "cpconf/derive/uk_time.hpp"

namespace cpconf {

namespace {

constexpr int k_end_of_day = 23 * 60 + 59;

DateTime whole_day(Date date) { return {date, -1}; }

}  // namespace

Deadline working_days_after(const Calendar& calendar, Date anchor, int limit) {
  return {Measure::working_days_after, limit, whole_day(anchor), whole_day(calendar.add_working_days(anchor, limit))};
}

Deadline working_days_before(const Calendar& calendar, Date anchor, int limit) {
  return {Measure::working_days_before, limit, whole_day(anchor), whole_day(calendar.add_working_days(anchor, -limit))};
}

// Clock hours are elapsed hours of UK time (derive/uk_time): 48 hours before 10:00 on the Monday
// after the clocks go forward is 09:00 on the Saturday, and after they go back, 11:00.
long long due_utc_minutes(const Deadline& deadline) {
  long long hours = deadline.measure == Measure::hours_before ? -deadline.limit : deadline.limit;
  return utc_minutes(deadline.anchor) + 60LL * hours;
}

Deadline hours_after(DateTime anchor, int hours) {
  Deadline deadline{Measure::hours_after, hours, anchor, {}};
  deadline.due = uk_local_time(due_utc_minutes(deadline));
  return deadline;
}

Deadline hours_before(DateTime anchor, int hours) {
  Deadline deadline{Measure::hours_before, hours, anchor, {}};
  deadline.due = uk_local_time(due_utc_minutes(deadline));
  return deadline;
}

Deadline months_after(Date anchor, int months) {
  return {Measure::months_after, months, whole_day(anchor), whole_day(Calendar::add_months(anchor, months))};
}

Deadline days_before(Date anchor, int days) {
  return {Measure::days_before, days, whole_day(anchor), whole_day(Date::from_serial(anchor.serial() - days))};
}

Lateness lateness(const Deadline& deadline, const Calendar& calendar, const DateTime& event) {
  Date anchor = deadline.anchor.date;
  switch (deadline.measure) {
    case Measure::working_days_after:
      return {calendar.working_days_between(anchor, event.date) - deadline.limit, LateUnit::working_days};
    case Measure::working_days_before:
      return {deadline.limit - calendar.working_days_between(event.date, anchor), LateUnit::working_days};
    case Measure::hours_after:
    case Measure::hours_before:
      return {static_cast<long>(latest_utc_minutes(event) - due_utc_minutes(deadline)), LateUnit::minutes};
    case Measure::months_after:
    case Measure::days_before: return {event.date.serial() - deadline.due.date.serial(), LateUnit::days};
  }
  return {};
}

long long latest_utc_minutes(const DateTime& when) {
  return utc_minutes(when.has_time() ? when : DateTime{when.date, k_end_of_day});
}

bool is_initial_kind(ConferenceKind kind) { return kind != ConferenceKind::review; }

bool made_plan(const Record& record) {
  for (const auto& d : record.decisions) {
    if (d.outcome && *d.outcome == Outcome::plan) return true;
  }
  return false;
}

bool must_reconvene(const Record& record) {
  const ConferenceInfo& c = record.conference;
  if (!c.quorate || *c.quorate) return false;
  for (const auto& d : record.decisions) {
    if (d.outcome) return false;
  }
  return true;
}

std::optional<ClockStart> initial_conference_clock(const Record& record, const Profile& profile) {
  const ConferenceInfo& c = record.conference;
  if (!c.kind || *c.kind != ConferenceKind::initial) return std::nullopt;
  if (profile.initial_clock == InitialClock::s47_started && c.s47_started) {
    return ClockStart{*c.s47_started, "the start of the section 47 enquiry"};
  }
  if (!c.strategy_discussion) return std::nullopt;
  return ClockStart{*c.strategy_discussion, "the strategy discussion"};
}

std::optional<Deadline> initial_conference_deadline(const Record& record, const Profile& profile,
                                                    const Calendar& calendar) {
  auto clock = initial_conference_clock(record, profile);
  if (!clock) return std::nullopt;
  return working_days_after(calendar, clock->date, profile.timescales.initial_conference_working_days);
}

std::optional<Deadline> transfer_in_deadline(const Record& record, const Profile& profile, const Calendar& calendar) {
  const ConferenceInfo& c = record.conference;
  if (!c.kind || *c.kind != ConferenceKind::transfer_in || !c.notified) return std::nullopt;
  return working_days_after(calendar, *c.notified, profile.timescales.transfer_in_working_days);
}

std::optional<Deadline> pre_birth_deadline(const Child& child, const Profile& profile) {
  if (!child.expected) return std::nullopt;
  return days_before(*child.expected, 7 * profile.timescales.pre_birth_weeks_before_due);
}

std::optional<Deadline> report_deadline(const Record& record, const Profile& profile, const Calendar& calendar) {
  const ConferenceInfo& c = record.conference;
  if (!c.kind || !c.start) return std::nullopt;
  const Timescales& t = profile.timescales;
  if (is_initial_kind(*c.kind)) return hours_before(*c.start, t.report_hours_before_initial);
  return working_days_before(calendar, c.start->date, t.report_working_days_before_review);
}

std::optional<Deadline> observer_request_deadline(const Record& record, const Profile& profile) {
  if (!record.conference.start) return std::nullopt;
  return days_before(record.conference.start->date, profile.timescales.observer_request_days);
}

std::optional<Deadline> plan_deadline(const Record& record, const Profile& profile) {
  const ConferenceInfo& c = record.conference;
  if (!c.start) return std::nullopt;
  return hours_after(c.end ? *c.end : *c.start, profile.timescales.plan_hours);
}

std::optional<Deadline> core_group_deadline(const Record& record, const Profile& profile, const Calendar& calendar) {
  if (!record.conference.start) return std::nullopt;
  return working_days_after(calendar, record.conference.start->date, profile.timescales.core_group_working_days);
}

std::optional<Deadline> minutes_deadline(const Record& record, const Profile& profile, const Calendar& calendar) {
  if (!record.conference.start) return std::nullopt;
  return working_days_after(calendar, record.conference.start->date, profile.timescales.minutes_working_days);
}

std::optional<Deadline> reconvene_deadline(const Record& record, const Profile& profile, const Calendar& calendar) {
  if (!record.conference.start) return std::nullopt;
  const ConferenceInfo& c = record.conference;
  ConferenceKind kind = c.kind.value_or(ConferenceKind::initial);
  return working_days_after(calendar, c.start->date, profile.timescales.reconvene_limit(kind));
}

std::optional<Deadline> escalation_deadline(const Record& record, const Profile& profile, const Calendar& calendar) {
  if (!record.conference.start) return std::nullopt;
  return working_days_after(calendar, record.conference.start->date, profile.timescales.escalation_working_days);
}

std::optional<Deadline> amendment_deadline(const Record& record, const Profile& profile, const Calendar& calendar) {
  if (!record.follow_up || !record.follow_up->plan_sent) return std::nullopt;
  return working_days_after(calendar, record.follow_up->plan_sent->date, profile.timescales.amendment_working_days);
}

Deadline next_review_deadline(ConferenceKind held_kind, Date held, const Profile& profile) {
  const Timescales& t = profile.timescales;
  return months_after(held, is_initial_kind(held_kind) ? t.first_review_months : t.later_review_months);
}

std::optional<Deadline> next_review_deadline(const Record& record, const Profile& profile) {
  const ConferenceInfo& c = record.conference;
  if (!c.kind || !c.start) return std::nullopt;
  return next_review_deadline(*c.kind, c.start->date, profile);
}

}  // namespace cpconf
