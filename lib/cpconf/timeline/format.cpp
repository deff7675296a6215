#include "cpconf/timeline/format.hpp"

#include <fmt/format.h>

#include "cpconf/named.hpp"
#include "cpconf/text/csv.hpp"
#include "cpconf/text/json.hpp"
#include "cpconf/text/terminal.hpp"
#include "cpconf/text/text_table.hpp"
#include "cpconf/timeline/case_chart.hpp"
#include "cpconf/timeline/ics.hpp"

namespace cpconf {

namespace {

std::string_view unit_name(LateUnit unit) {
  switch (unit) {
    case LateUnit::working_days: return "working-days";
    case LateUnit::minutes: return "minutes";
    case LateUnit::days: return "days";
  }
  return "?";
}

std::string_view measure_name(Measure measure) {
  switch (measure) {
    case Measure::working_days_after: return "working-days-after";
    case Measure::working_days_before: return "working-days-before";
    case Measure::hours_after: return "hours-after";
    case Measure::hours_before: return "hours-before";
    case Measure::months_after: return "months-after";
    case Measure::days_before: return "days-before";
  }
  return "?";
}

std::string_view status_style(const TimelineEntry& e) {
  switch (e.state) {
    case State::met: return style::k_green;
    case State::missed: return style::k_red;
    case State::overdue: return style::k_bold_red;
    case State::due: return style::k_yellow;
    case State::open: return style::k_cyan;
    case State::not_applicable:
    case State::closed: return style::k_dim;
    case State::event: return {};
  }
  return {};
}

std::string what_text(const TimelineEntry& e) { return e.who.empty() ? e.label : e.label + ": " + e.who; }

// The date and time done, when done; an arranged date shows in the note instead.
std::string done_text(const TimelineEntry& e) {
  return e.is_deadline() && e.when && !e.planned ? e.when->str() : std::string();
}

// "not counting Good Friday 2026-04-03 and Easter Monday 2026-04-06" (the first few).
std::string closures_text(const std::vector<Closure>& closures) {
  constexpr std::size_t k_shown = 4;
  std::string text;
  for (std::size_t i = 0; i < closures.size() && i < k_shown; ++i) {
    bool last = i + 1 == closures.size() || i + 1 == k_shown;
    text += i == 0 ? "not counting " : last && closures.size() <= k_shown ? " and " : ", ";
    text += fmt::format("{} {}", closures[i].name, closures[i].date.str());
  }
  if (closures.size() > k_shown) text += fmt::format(" and {} more", closures.size() - k_shown);
  return text;
}

// What a reader needs to redo a figure: the rule, and the days it does not count.
std::string detail_text(const TimelineEntry& e) {
  std::vector<std::string> parts;
  if (!e.is_deadline() && !e.note.empty()) parts.push_back(e.note);
  if (e.is_deadline()) parts.push_back(e.rule);
  bool noted = e.planned || (e.kind == "next-review" && e.state != State::not_applicable);
  if (e.is_deadline() && noted) parts.push_back(e.note);
  if (!e.not_counting.empty()) parts.push_back(closures_text(e.not_counting));
  std::string text;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    text += text.empty() ? part : "; " + part;
  }
  return text;
}

std::string json_or_null(const std::optional<DateTime>& when) { return when ? json_string(when->str()) : "null"; }

std::string json_amount(const std::optional<Lateness>& amount) {
  if (!amount) return "null";
  return fmt::format("{{\"amount\": {}, \"unit\": {}}}", amount->amount, json_string(unit_name(amount->unit)));
}

// The fields of an entry, for inclusion in a JSON object.
std::string json_entry_fields(const TimelineEntry& e) {
  bool late = e.state == State::missed || e.state == State::overdue;
  bool left = e.state == State::due || e.state == State::open;
  std::string closures;
  for (const auto& c : e.not_counting) {
    closures += fmt::format("{}{{\"date\": {}, \"name\": {}}}", closures.empty() ? "" : ", ", json_string(c.date.str()),
                            json_string(c.name));
  }
  std::string deadline = "null";
  if (e.deadline) {
    deadline = fmt::format("{{\"measure\": {}, \"limit\": {}, \"anchor\": {}, \"due\": {}}}",
                           json_string(measure_name(e.deadline->measure)), e.deadline->limit,
                           json_string(e.deadline->anchor.str()), json_string(e.deadline->due.str()));
  }
  return fmt::format(
      "\"kind\": {}, \"label\": {}, \"who\": {}, \"who_id\": {}, \"grouping\": {}, \"path\": {}, \"date\": {}, "
      "\"due\": {}, \"done\": {}, \"arranged\": {}, \"status\": {}, \"late_by\": {}, \"due_in\": {}, \"rule\": {}, "
      "\"note\": {}, \"deadline\": {}, \"not_counting\": [{}]",
      json_string(e.kind), json_string(e.label), json_string(e.who), json_string(e.who_id), json_string(e.grouping),
      json_string(e.path), json_string(e.date().str()), json_or_null(e.due),
      done_text(e).empty() ? "null" : json_string(done_text(e)), e.planned ? json_string(e.when->str()) : "null",
      json_string(state_name(e.state)), late ? json_amount(e.amount) : "null", left ? json_amount(e.amount) : "null",
      json_string(e.rule), json_string(e.note), deadline, closures);
}

// The timeline's CSV has always ended its rows with LF alone; kept, so that scripts reading it
// see no change.
constexpr std::string_view k_row_end = "\n";

std::string csv_amount(const std::optional<Lateness>& amount) { return amount ? std::to_string(amount->amount) : ""; }
std::string csv_unit(const std::optional<Lateness>& amount) {
  return amount ? std::string(unit_name(amount->unit)) : std::string();
}

std::string capitalized(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

// One event per deadline; its UID comes from what the deadline is, never from its date or
// status, so that a calendar re-importing the file updates the event.
CalendarEvent calendar_event(const TimelineEntry& e, const std::string& conference_id, const std::string& case_id,
                             const std::string& chair, const std::string& file, Date as_of) {
  CalendarEvent event;
  event.uid = ics_uid({conference_id, e.kind, e.key});
  event.day = e.date().date;
  std::string by = e.due && e.due->has_time() ? " by " + e.due->str().substr(11) : "";
  event.summary = capitalized(fmt::format("{}{} – {} [{}]", what_text(e), by, conference_id, state_name(e.state)));
  std::string description = capitalized(fmt::format("{}: {}.", what_text(e), status_text(e, as_of)));
  description += fmt::format("\nDue {}", e.date().str());
  if (!e.rule.empty()) description += fmt::format(" ({})", e.rule);
  description += ".";
  if (auto done = done_text(e); !done.empty()) description += fmt::format("\nDone {}.", done);
  if (!e.note.empty() && e.state != State::not_applicable) description += "\n" + capitalized(e.note) + ".";
  description += fmt::format("\nConference {} (case {}), chair {}.\nRecord: {}\nAs of {}.", conference_id, case_id,
                             chair, file, as_of.str());
  event.description = std::move(description);
  event.categories = {"cpconf", e.kind, std::string(state_name(e.state))};
  return event;
}

bool in_calendar(const TimelineEntry& e) { return e.is_deadline() && e.state != State::not_applicable && e.due; }

}  // namespace

std::string status_text(const TimelineEntry& e, Date as_of) {
  switch (e.state) {
    case State::event: return e.planned ? "arranged" : "";
    case State::met: return "met";
    case State::missed: return e.amount ? "missed by " + lateness_text(*e.amount) : "missed: " + e.note;
    case State::overdue:
    case State::due: return standing_text({e.state, *e.amount}, e.date().date, as_of);
    case State::not_applicable: return "n/a: " + e.note;
    case State::open: return fmt::format("open for {} more", lateness_text(*e.amount));
    case State::closed: return "closed";
  }
  return {};
}

std::string standing_text(const Standing& standing, Date due, Date as_of) {
  if (standing.state == State::overdue) return "overdue by " + lateness_text(standing.amount);
  if (due == as_of) return "due today";
  if (standing.amount.amount == 0) return "due before the next working day";
  return "due in " + lateness_text(standing.amount);
}

std::string format_timeline_text(const Timeline& t, bool color) {
  // Record text in the heading is one safe line (the table's cells are made so by TextTable).
  std::string out =
      paint(fmt::format("{}: {} conference", one_line(t.conference_id), name_of(t.kind)), style::k_bold, color);
  if (t.start) {
    out += fmt::format(" on {}", t.start->str());
    if (t.end && t.end->date == t.start->date) out += fmt::format("–{}", t.end->str().substr(11));
  }
  if (t.quorate && !*t.quorate) out += " (inquorate)";
  out += fmt::format(", chair {}\n", one_line(t.chair));
  out += fmt::format("case {}, profile {}, as of {}: {}\n", one_line(t.case_id), one_line(t.profile), t.as_of.str(),
                     one_line(t.file));
  if (!t.decisions.empty()) {
    std::string decisions;
    for (const auto& d : t.decisions) {
      decisions += fmt::format("{}{} {}", decisions.empty() ? "" : ", ", one_line(d.name),
                               d.outcome ? name_of(*d.outcome) : std::string_view("undecided"));
    }
    out += fmt::format("decisions: {}\n", decisions);
  }
  out += "\n";
  TextTable table({"DATE", "WHAT", "DONE", "STATUS"});
  for (std::size_t i = 0; i < t.entries.size(); ++i) {
    const TimelineEntry& e = t.entries[i];
    table.add(
        {{e.date().str(), {}}, {what_text(e), {}}, {done_text(e), {}}, {status_text(e, t.as_of), status_style(e)}});
    // A run of entries of one kind with the same detail (every report's rule) shows it once, under the last.
    std::string detail = detail_text(e);
    bool same_as_next =
        i + 1 < t.entries.size() && t.entries[i + 1].kind == e.kind && detail_text(t.entries[i + 1]) == detail;
    if (!detail.empty() && !same_as_next) table.add_note(detail);
  }
  out += table.render(color);
  StateCounts n = count_states(t.entries);
  out += fmt::format("\n{} deadlines: {} met, {} missed, {} overdue, {} due, {} not applicable\n",
                     n.met + n.missed + n.overdue + n.due + n.not_applicable, n.met, n.missed, n.overdue, n.due,
                     n.not_applicable);
  return out;
}

std::string format_timeline_json(const Timeline& t) {
  std::string decisions;
  for (const auto& d : t.decisions) {
    decisions += fmt::format("{}{{\"child\": {}, \"outcome\": {}}}", decisions.empty() ? "" : ", ", json_string(d.name),
                             d.outcome ? json_string(name_of(*d.outcome)) : "null");
  }
  std::string entries;
  for (const auto& e : t.entries)
    entries += fmt::format("{}\n    {{{}}}", entries.empty() ? "" : ",", json_entry_fields(e));
  StateCounts n = count_states(t.entries);
  return fmt::format(
      "{{\n  \"file\": {},\n  \"conference\": {},\n  \"case\": {},\n  \"kind\": {},\n  \"profile\": {},\n  \"chair\": "
      "{},\n  \"start\": {},\n  \"end\": {},\n  \"quorate\": {},\n  \"as_of\": {},\n  \"decisions\": [{}],\n  "
      "\"entries\": [{}\n  ],\n  \"summary\": {{\"met\": {}, \"missed\": {}, \"overdue\": {}, \"due\": {}, "
      "\"not_applicable\": {}}}\n}}\n",
      json_string(t.file), json_string(t.conference_id), json_string(t.case_id), json_string(name_of(t.kind)),
      json_string(t.profile), json_string(t.chair), json_or_null(t.start), json_or_null(t.end),
      t.quorate ? (*t.quorate ? "true" : "false") : "null", json_string(t.as_of.str()), decisions, entries, n.met,
      n.missed, n.overdue, n.due, n.not_applicable);
}

std::string format_timeline_csv(const Timeline& t) {
  std::string out = csv_row({"date", "kind", "label", "who", "who_id", "grouping", "due", "done", "arranged", "status",
                             "amount", "unit", "rule", "note", "path"},
                            k_row_end);
  for (const auto& e : t.entries) {
    out += csv_row({e.date().str(), e.kind, e.label, e.who, e.who_id, e.grouping, e.due ? e.due->str() : "",
                    done_text(e), e.planned ? e.when->str() : "", std::string(state_name(e.state)),
                    csv_amount(e.amount), csv_unit(e.amount), e.rule, e.note, e.path},
                   k_row_end);
  }
  return out;
}

std::string format_timeline_ics(const Timeline& t) {
  std::vector<CalendarEvent> events;
  for (const auto& e : t.entries) {
    if (in_calendar(e)) events.push_back(calendar_event(e, t.conference_id, t.case_id, t.chair, t.file, t.as_of));
  }
  return format_ics(fmt::format("cpconf: {}", t.conference_id), events, t.as_of);
}

std::string format_due_text(const DueReport& r, bool color) {
  std::string summary;
  int overdue = 0;
  for (const auto& item : r.items) overdue += item.entry.state == State::overdue ? 1 : 0;
  int due = static_cast<int>(r.items.size()) - overdue;
  std::string records = fmt::format("{} record{}", r.records, r.records == 1 ? "" : "s");
  if (r.items.empty()) {
    return fmt::format("nothing overdue or due within {} working days as of {} ({})\n", r.within, r.as_of.str(),
                       records);
  }
  TextTable table({"DUE", "STATUS", "WHAT", "CONFERENCE", "CHAIR", "FILE"});
  for (const auto& item : r.items) {
    const TimelineEntry& e = item.entry;
    table.add({{e.date().str(), {}},
               {status_text(e, r.as_of), status_style(e)},
               {what_text(e), {}},
               {item.conference_id, {}},
               {item.chair, {}},
               {item.file, {}}});
  }
  return table.render(color) + fmt::format("\n{} overdue, {} due within {} working days, as of {} ({})\n", overdue, due,
                                           r.within, r.as_of.str(), records);
}

std::string format_due_json(const DueReport& r) {
  std::string items;
  int overdue = 0;
  for (const auto& item : r.items) {
    overdue += item.entry.state == State::overdue ? 1 : 0;
    items += fmt::format("{}\n    {{\"file\": {}, \"conference\": {}, \"case\": {}, \"chair\": {}, {}}}",
                         items.empty() ? "" : ",", json_string(item.file), json_string(item.conference_id),
                         json_string(item.case_id), json_string(item.chair), json_entry_fields(item.entry));
  }
  return fmt::format(
      "{{\n  \"as_of\": {},\n  \"within\": {},\n  \"records\": {},\n  \"items\": [{}{}],\n  \"summary\": "
      "{{\"overdue\": "
      "{}, \"due\": {}}}\n}}\n",
      json_string(r.as_of.str()), r.within, r.records, items, items.empty() ? "" : "\n  ", overdue,
      static_cast<int>(r.items.size()) - overdue);
}

std::string format_due_csv(const DueReport& r) {
  std::string out = csv_row({"due", "status", "amount", "unit", "kind", "label", "who", "who_id", "grouping",
                             "conference", "case", "chair", "file", "arranged", "rule", "note"},
                            k_row_end);
  for (const auto& item : r.items) {
    const TimelineEntry& e = item.entry;
    out += csv_row({e.date().str(), std::string(state_name(e.state)), csv_amount(e.amount), csv_unit(e.amount), e.kind,
                    e.label, e.who, e.who_id, e.grouping, item.conference_id, item.case_id, item.chair, item.file,
                    e.planned ? e.when->str() : "", e.rule, e.note},
                   k_row_end);
  }
  return out;
}

std::string format_due_ics(const DueReport& r) {
  std::vector<CalendarEvent> events;
  for (const auto& item : r.items) {
    events.push_back(calendar_event(item.entry, item.conference_id, item.case_id, item.chair, item.file, r.as_of));
  }
  return format_ics("cpconf: deadlines due", events, r.as_of);
}

namespace {

// Machine formats take no colour; --case is shown as text or JSON only.
constexpr TimelineFormat k_timeline_formats[] = {
    {"text", "default", format_timeline_text, format_due_text, format_case_text},
    {"json", "", [](const Timeline& t, bool) { return format_timeline_json(t); },
     [](const DueReport& r, bool) { return format_due_json(r); },
     [](const CaseChain& c, bool) { return format_case_json(c); }},
    {"csv", "not with --case", [](const Timeline& t, bool) { return format_timeline_csv(t); },
     [](const DueReport& r, bool) { return format_due_csv(r); }, nullptr},
    {"ics", "not with --case", [](const Timeline& t, bool) { return format_timeline_ics(t); },
     [](const DueReport& r, bool) { return format_due_ics(r); }, nullptr},
};

}  // namespace

std::span<const TimelineFormat> timeline_formats() { return k_timeline_formats; }

const TimelineFormat* find_timeline_format(std::string_view name) { return find_named(timeline_formats(), name); }

}  // namespace cpconf
