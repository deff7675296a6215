#include "cpconf/timeline/timeline.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "cpconf/derive/calendar.hpp"
#include "cpconf/timeline/entries.hpp"

namespace cpconf {

namespace {

constexpr std::string_view k_kinds[] = {
    "strategy-discussion",
    "s47-started",
    "notified",
    "observer-request",
    "report-to-family",
    "report-to-chair",
    "conference",
    "initial-conference",
    "transfer-in-conference",
    "pre-birth-conference",
    "reconvene",
    "plan",
    "chair-escalation",
    "professional-escalation",
    "core-group",
    "amendment",
    "amendment-window",
    "minutes",
    "sign-off",
    "next-review",
    "expected-delivery",
};

// Entries of one day without a time sort as the day's start when they are events and as its
// end when they are deadlines (a whole day is allowed), so a deadline follows what is due by it.
long long sort_minutes(const TimelineEntry& e) {
  DateTime at = e.date();
  if (at.has_time()) return at.serial_minutes();
  return at.serial_minutes() + (e.is_deadline() ? 23 * 60 + 59 : 0);
}

}  // namespace

std::string_view state_name(State state) {
  switch (state) {
    case State::event: return "event";
    case State::met: return "met";
    case State::missed: return "missed";
    case State::overdue: return "overdue";
    case State::due: return "due";
    case State::not_applicable: return "not-applicable";
    case State::open: return "open";
    case State::closed: return "closed";
  }
  return "?";
}

DateTime TimelineEntry::date() const {
  if (due) return *due;
  return when.value_or(DateTime{});
}

std::span<const std::string_view> timeline_kinds() { return k_kinds; }

std::size_t kind_rank(std::string_view kind) {
  return static_cast<std::size_t>(std::find(std::begin(k_kinds), std::end(k_kinds), kind) - std::begin(k_kinds));
}

Timeline build_timeline(const Record& record, const Profile& profile, const Calendar& calendar, Date as_of) {
  const ConferenceInfo& c = record.conference;
  Timeline t;
  t.file = record.file;
  t.conference_id = c.id.value_or(std::string());
  t.case_id = c.case_id.value_or(std::string());
  t.chair = c.chair.value_or(std::string());
  t.profile = profile.name;
  t.kind = c.kind.value_or(ConferenceKind::initial);
  if (c.start) t.start = *c.start;
  if (c.end) t.end = *c.end;
  if (c.quorate) t.quorate = *c.quorate;
  t.as_of = as_of;
  for (const auto& child : record.children) {
    ChildDecision decision{child.name.value_or(child.id.value_or(std::string())), std::nullopt};
    for (const auto& d : record.decisions) {
      if (d.child && child.id && *d.child == *child.id && d.outcome) decision.outcome = *d.outcome;
    }
    t.decisions.push_back(std::move(decision));
  }
  t.entries = timeline_entries(record, profile, calendar, as_of);
  std::stable_sort(t.entries.begin(), t.entries.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
    auto ka = sort_minutes(a);
    auto kb = sort_minutes(b);
    if (ka != kb) return ka < kb;
    return kind_rank(a.kind) < kind_rank(b.kind);
  });
  return t;
}

Standing standing(Date due, Date as_of, const Calendar& calendar) {
  if (!(due < as_of)) return {State::due, {calendar.working_days_between(as_of, due), LateUnit::working_days}};
  int working = calendar.working_days_between(due, as_of);
  if (working > 0) return {State::overdue, {working, LateUnit::working_days}};
  return {State::overdue, {as_of.serial() - due.serial(), LateUnit::days}};
}

void redact_entry(TimelineEntry& entry, const Redactor& redactor) {
  if (redactor.level() == Redaction::none) return;  // not even cleaned: output without --redact is unchanged
  for (std::string* text : {&entry.who, &entry.who_id, &entry.key, &entry.grouping, &entry.note}) redactor(*text);
}

void redact_timeline(Timeline& timeline, const Redactor& redactor) {
  if (redactor.level() == Redaction::none) return;
  for (std::string* text :
       {&timeline.file, &timeline.conference_id, &timeline.case_id, &timeline.chair, &timeline.profile}) {
    redactor(*text);
  }
  for (auto& decision : timeline.decisions) redactor(decision.name);
  for (auto& entry : timeline.entries) redact_entry(entry, redactor);
}

StateCounts count_states(std::span<const TimelineEntry> entries) {
  StateCounts counts;
  for (const auto& e : entries) {
    switch (e.state) {
      case State::met: ++counts.met; break;
      case State::missed: ++counts.missed; break;
      case State::overdue: ++counts.overdue; break;
      case State::due: ++counts.due; break;
      case State::not_applicable: ++counts.not_applicable; break;
      default: break;
    }
  }
  return counts;
}

std::string count_of(long n, std::string_view unit) { return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s"); }

std::string lateness_text(const Lateness& amount) {
  switch (amount.unit) {
    case LateUnit::working_days: return count_of(amount.amount, "working day");
    case LateUnit::days: return count_of(amount.amount, "day");
    case LateUnit::minutes: {
      long hours = amount.amount / 60;
      long rest = amount.amount % 60;
      if (hours == 0) return count_of(rest, "minute");
      if (rest == 0) return count_of(hours, "hour");
      return count_of(hours, "hour") + " " + count_of(rest, "minute");
    }
  }
  return {};
}

}  // namespace cpconf
