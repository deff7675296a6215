#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cpconf/date.hpp"
#include "cpconf/derive/calendar.hpp"
#include "cpconf/derive/deadlines.hpp"
#include "cpconf/derive/redact.hpp"
#include "cpconf/load/model.hpp"
#include "cpconf/load/profile.hpp"

// Every dated event and deadline of one conference, each deadline judged as of a day.
namespace cpconf {

class Calendar;

enum class State {
  event,           // a dated fact with no deadline: the strategy discussion, the conference
  met,             // done on time
  missed,          // done late, or its moment passed with nothing recorded (a report after the conference)
  overdue,         // not done and past due: still to do
  due,             // not done and not yet due
  not_applicable,  // does not apply to this conference; the note says why
  open,            // a window still open: amendments to the plan
  closed,          // a window that has closed
};

// "met", "not-applicable", ...: the names JSON, CSV and calendars use.
std::string_view state_name(State state);

struct TimelineEntry {
  std::string kind;              // stable name (timeline_kinds()), used by --kind, JSON, CSV and calendar UIDs
  std::string label;             // for people: "report to the family"
  std::string who;               // the person or child it concerns, as named in the record
  std::string who_id;            // their id in the record
  std::string key;               // tells apart entries of one kind in one record: who_id, or "amendments[1]"
  std::string grouping;          // the professional grouping of the attendee it concerns
  std::string path;              // where the record holds, or would hold, the event
  std::string rule;              // the timescale in words: "within 20 working days of the conference"
  std::optional<DateTime> when;  // the event as recorded
  bool planned = false;          // when is after the as-of day: arranged, not yet happened
  std::optional<Deadline> deadline;
  std::optional<DateTime> due;  // when it falls due: the deadline's due, or the date set for a next review
  State state = State::event;
  std::optional<Lateness> amount;     // missed, overdue: how late; due, open: how long is left
  std::string note;                   // why not applicable, "none recorded", how a planned date stands
  std::vector<Closure> not_counting;  // bank holidays and closure days inside the spans counted

  // Where the entry sits on the timeline: its due moment, else the event.
  DateTime date() const;
  bool is_deadline() const { return deadline.has_value(); }
};

struct ChildDecision {
  std::string name;
  std::optional<Outcome> outcome;
};

struct Timeline {
  std::string file;
  std::string conference_id;
  std::string case_id;
  std::string chair;
  std::string profile;
  ConferenceKind kind = ConferenceKind::initial;
  std::optional<DateTime> start;
  std::optional<DateTime> end;
  std::optional<bool> quorate;
  Date as_of;
  std::vector<ChildDecision> decisions;
  std::vector<TimelineEntry> entries;  // in date order
};

// The kinds of entry in timeline order: events and deadlines.
std::span<const std::string_view> timeline_kinds();
// The place of a kind in timeline_kinds(), to order entries of the same moment.
std::size_t kind_rank(std::string_view kind);

Timeline build_timeline(const Record& record, const Profile& profile, const Calendar& calendar, Date as_of);

// --redact: the redactor of the entry's record applied to every text it took from the record
// (names, ids, groupings, notes). Its kind, label, rule and path are cpconf's own words, left
// alone so that --kind, JSON keys and a surname such as "Chair" cannot garble them.
void redact_entry(TimelineEntry& entry, const Redactor& redactor);
// The same for the conference's own details and every entry. A redactor that redacts nothing
// changes nothing, so output without --redact is exactly as before.
void redact_timeline(Timeline& timeline, const Redactor& redactor);

struct StateCounts {
  int met = 0;
  int missed = 0;
  int overdue = 0;
  int due = 0;
  int not_applicable = 0;
};
StateCounts count_states(std::span<const TimelineEntry> entries);

// Where something not yet done stands on a day: overdue by the working days since its due day
// (calendar days, when that is the weekend or holiday just after it), or due in the working days left.
struct Standing {
  State state = State::due;
  Lateness amount;
};
Standing standing(Date due, Date as_of, const Calendar& calendar);

// "3 working days", "1 hour 30 minutes", "12 days".
std::string lateness_text(const Lateness& amount);
// "1 working day", "3 working days": a count and its unit, plural when not 1.
std::string count_of(long n, std::string_view unit);

}  // namespace cpconf
