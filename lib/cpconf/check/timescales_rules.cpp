#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cpconf/check/rule.hpp"
#include "cpconf/derive/calendar.hpp"
#include "cpconf/derive/deadlines.hpp"
#include "cpconf/derive/groupings.hpp"
#include "cpconf/derive/uk_time.hpp"

// Every working-day count is (anchor, event]: the day after the anchor is working day 1, so an
// event is late when it falls more than N working days after its anchor. Events on a weekend
// or bank holiday right after a deadline therefore cost no working day and are not late.
namespace cpconf {

namespace {

std::string count_of(long n, std::string_view unit) { return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s"); }

std::string working_days(long n) { return count_of(n, "working day"); }

// "23 hours", "1 hour 30 minutes", "45 minutes".
std::string duration(long long minutes) {
  long hours = static_cast<long>(minutes / 60);
  long rest = static_cast<long>(minutes % 60);
  if (hours == 0) return count_of(rest, "minute");
  if (rest == 0) return count_of(hours, "hour");
  return count_of(hours, "hour") + " " + count_of(rest, "minute");
}

// "8 weeks 3 days", "10 weeks", "5 days".
std::string weeks_and_days(long days) {
  if (days < 7) return count_of(days, "day");
  if (days % 7 == 0) return count_of(days / 7, "week");
  return count_of(days / 7, "week") + " " + count_of(days % 7, "day");
}

std::string when_text(const DateTime& when) {
  return when.has_time() ? "at " + when.str() : fmt::format("on {} (no time recorded, taken as 23:59)", when.str());
}

std::string kind_text(ConferenceKind kind) { return fmt::format("{} conference", name_of(kind)); }

std::string weekday_name(Date date) {
  static constexpr std::string_view k_names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                 "Friday", "Saturday", "Sunday"};
  return std::string(k_names[date.weekday()]);
}

// "; not counting Good Friday 2026-04-03 and Easter Monday 2026-04-06" for the weekdays in
// (from, to] that are not working days, so that a reader can redo the count.
std::string not_counting(const Calendar& calendar, Date from, Date to) {
  std::vector<std::string> skipped;
  for (const Closure& c : calendar.closures_between(from, to, 10)) {
    skipped.push_back(fmt::format("{} {}", c.name, c.date.str()));
  }
  if (skipped.empty()) return "";
  std::string text = "; not counting " + skipped.front();
  for (std::size_t i = 1; i < skipped.size(); ++i) {
    text += (i + 1 == skipped.size() ? " and " : ", ") + skipped[i];
  }
  return text;
}

// "2 working days after the conference on 2026-03-20; due within 10 working days, by
// 2026-04-03: 3 working days late", for an event that must follow its anchor within limit.
std::string late_after(const Calendar& calendar, Date anchor, std::string_view anchor_text, Date event, int limit,
                       std::string_view due_text = "due") {
  Date deadline = calendar.add_working_days(anchor, limit);
  int after = calendar.working_days_between(anchor, event);
  return fmt::format("{} after {} on {}; {} within {}, by {}: {} late{}", working_days(after), anchor_text,
                     anchor.str(), due_text, working_days(limit), deadline.str(), working_days(after - limit),
                     not_counting(calendar, anchor, std::max(event, deadline)));
}

// The deadline of an event that should follow anchor within limit working days, when the event
// is not recorded: fires only once the deadline has passed.
std::optional<Date> passed_deadline(const CheckContext& ctx, Date anchor, int limit) {
  Date deadline = ctx.calendar.add_working_days(anchor, limit);
  if (deadline < ctx.as_of) return deadline;
  return std::nullopt;
}

std::string attendee_name(const Record& record, const Field<std::string>& id) {
  if (!id) return "an unnamed attendee";
  const Attendee* a = find_attendee(record, *id);
  return a != nullptr && a->name ? *a->name : *id;
}

std::string child_name(const Record& record, const Field<std::string>& id) {
  if (!id) return "the child";
  const Child* c = find_child(record, *id);
  return c != nullptr && c->name ? *c->name : *id;
}

// Reports must reach their reader some hours before an initial conference, or some working
// days before a review.
Hits report_late(const CheckContext& ctx, const Field<DateTime> Report::*arrival_of, std::string_view key,
                 std::string_view reader) {
  const ConferenceInfo& c = ctx.record.conference;
  if (!c.kind || !c.start) return {};
  const Timescales& t = ctx.profile.timescales;
  Hits hits;
  for (const auto& a : ctx.record.attendees) {
    if (!a.report) continue;
    const Field<DateTime>& arrival = (*a.report).*arrival_of;
    if (!arrival) continue;
    std::string path = fmt::format("{}.report.{}", a.path, key);
    std::string who = fmt::format("the report of {} reached {}", attendee_name(ctx.record, a.id), reader);
    if (is_initial_kind(*c.kind)) {
      Deadline deadline = hours_before(*c.start, t.report_hours_before_initial);
      long late = lateness(deadline, ctx.calendar, *arrival).amount;
      if (late <= 0) continue;
      long long before = utc_minutes(*c.start) - latest_utc_minutes(*arrival);
      std::string relation = before > 0    ? duration(before) + " before the"
                             : before == 0 ? "the start of the"
                                           : duration(-before) + " after the start of the";
      hits.push_back(hit_at(
          arrival, path,
          fmt::format("{} {}, {} {} at {}; due at least {} before, by {}: {} late", who, when_text(*arrival), relation,
                      kind_text(*c.kind), c.start->str(), count_of(t.report_hours_before_initial, "hour"),
                      deadline.due.str(), duration(late))));
    } else {
      int limit = t.report_working_days_before_review;
      Date start = c.start->date;
      int before = ctx.calendar.working_days_between(arrival->date, start);
      if (before >= limit) continue;
      Date deadline = ctx.calendar.add_working_days(start, -limit);
      std::string relation = before > 0    ? working_days(before) + " before the"
                             : before == 0 ? "the day of the"
                                           : working_days(-before) + " after the";
      hits.push_back(hit_at(
          arrival, path,
          fmt::format("{} on {}, {} {} on {}; due at least {} before, by {}: {} late{}", who, arrival->date.str(),
                      relation, kind_text(*c.kind), start.str(), working_days(limit), deadline.str(),
                      working_days(limit - before),
                      not_counting(ctx.calendar, std::min(arrival->date, deadline), std::max(arrival->date, start)))));
    }
  }
  return hits;
}

Hits report_late_to_family(const CheckContext& ctx) {
  return report_late(ctx, &Report::to_family, "to-family", "the family");
}

Hits report_late_to_chair(const CheckContext& ctx) {
  return report_late(ctx, &Report::to_chair, "to-chair", "the chair");
}

Hits initial_conference_late(const CheckContext& ctx) {
  const ConferenceInfo& c = ctx.record.conference;
  auto clock = initial_conference_clock(ctx.record, ctx.profile);
  if (!clock || !c.start) return {};
  int limit = ctx.profile.timescales.initial_conference_working_days;
  if (ctx.calendar.working_days_between(clock->date, c.start->date) <= limit) return {};
  return {hit_at(c.start, "conference.start",
                 fmt::format("the initial conference on {} was held {}", c.start->date.str(),
                             late_after(ctx.calendar, clock->date, clock->what, c.start->date, limit)))};
}

Hits transfer_in_late(const CheckContext& ctx) {
  const ConferenceInfo& c = ctx.record.conference;
  if (!c.kind || *c.kind != ConferenceKind::transfer_in || !c.start || !c.notified) return {};
  int limit = ctx.profile.timescales.transfer_in_working_days;
  if (ctx.calendar.working_days_between(*c.notified, c.start->date) <= limit) return {};
  return {hit_at(c.start, "conference.start",
                 fmt::format("the transfer-in conference on {} was held {}", c.start->date.str(),
                             late_after(ctx.calendar, *c.notified, "the written notification of the move",
                                        c.start->date, limit)))};
}

Hits plan_late(const CheckContext& ctx) {
  const Record& r = ctx.record;
  const ConferenceInfo& c = r.conference;
  if (!c.start || !made_plan(r)) return {};
  int hours = ctx.profile.timescales.plan_hours;
  const DateTime& from = c.end ? *c.end : *c.start;
  std::string anchor = c.end ? fmt::format("the conference ended at {}", from.str())
                             : fmt::format("the conference started at {} (no end recorded)", from.str());
  Deadline deadline = hours_after(from, hours);
  const DateTime& due = deadline.due;
  const Field<DateTime>* sent = r.follow_up ? &r.follow_up->plan_sent : nullptr;
  if (sent == nullptr || !*sent) {
    if (!(due.date < ctx.as_of)) return {};
    std::string message = fmt::format(
        "no plan-sent date is recorded; the plan was due within {} after {}, by {}, "
        "and that has passed (as of {})",
        count_of(hours, "hour"), anchor, due.str(), ctx.as_of.str());
    if (sent == nullptr) return {hit_at(r.follow_up, "follow-up", std::move(message))};
    return {hit_at(*sent, "follow-up", std::move(message))};
  }
  long late = lateness(deadline, ctx.calendar, **sent).amount;
  if (late <= 0) return {};
  long long after = latest_utc_minutes(**sent) - utc_minutes(from);
  return {
      hit_at(*sent, "follow-up.plan-sent",
             fmt::format("the plan was sent {}, {} after {}; due within {}, by {}: {} late", when_text(**sent),
                         duration(after), anchor, count_of(hours, "hour"), due.str(), duration(late)))};
}

// A follow-up event due within limit working days of the conference: late, or missing once due.
Hits follow_up_late(const CheckContext& ctx, const Field<Date> FollowUp::*event_of, std::string_view key,
                    std::string_view event_text, std::string_view missing_text, int limit) {
  const Record& r = ctx.record;
  const ConferenceInfo& c = r.conference;
  if (!c.start) return {};
  Date start = c.start->date;
  std::string anchor = c.kind ? "the " + kind_text(*c.kind) : std::string("the conference");
  const Field<Date>* event = r.follow_up ? &((*r.follow_up).*event_of) : nullptr;
  if (event == nullptr || !*event) {
    auto deadline = passed_deadline(ctx, start, limit);
    if (!deadline) return {};
    std::string message =
        fmt::format("no {} date is recorded; {} due within {} of {} on {}, by {}, and that has passed (as of {}){}",
                    key, missing_text, working_days(limit), anchor, start.str(), deadline->str(), ctx.as_of.str(),
                    not_counting(ctx.calendar, start, *deadline));
    if (event == nullptr) return {hit_at(r.follow_up, "follow-up", std::move(message))};
    return {hit_at(*event, "follow-up", std::move(message))};
  }
  if (ctx.calendar.working_days_between(start, **event) <= limit) return {};
  return {hit_at(*event, fmt::format("follow-up.{}", key),
                 fmt::format("{} on {}, {}", event_text, (**event).str(),
                             late_after(ctx.calendar, start, anchor, **event, limit)))};
}

Hits core_group_late(const CheckContext& ctx) {
  const ConferenceInfo& c = ctx.record.conference;
  if (!c.kind || !is_initial_kind(*c.kind) || !made_plan(ctx.record)) return {};
  return follow_up_late(ctx, &FollowUp::core_group, "core-group", "the first core group met",
                        "the first core group was", ctx.profile.timescales.core_group_working_days);
}

Hits minutes_late(const CheckContext& ctx) {
  return follow_up_late(ctx, &FollowUp::minutes_sent, "minutes-sent", "the minutes were sent", "the minutes were",
                        ctx.profile.timescales.minutes_working_days);
}

Hits amendment_late(const CheckContext& ctx) {
  const Record& r = ctx.record;
  if (!r.follow_up || !r.follow_up->plan_sent) return {};
  Date plan = r.follow_up->plan_sent->date;
  int limit = ctx.profile.timescales.amendment_working_days;
  Hits hits;
  for (const auto& a : r.follow_up->amendments) {
    if (!a.received || ctx.calendar.working_days_between(plan, *a.received) <= limit) continue;
    hits.push_back(hit_at(
        a.received, a.path + ".received",
        fmt::format("the amendment from {} was received on {}, {}", attendee_name(r, a.by), a.received->str(),
                    late_after(ctx.calendar, plan, "the plan was sent", *a.received, limit, "amendments are due"))));
  }
  return hits;
}

Hits pre_birth_late(const CheckContext& ctx) {
  const ConferenceInfo& c = ctx.record.conference;
  if (!c.kind || *c.kind != ConferenceKind::pre_birth || !c.start) return {};
  int weeks = ctx.profile.timescales.pre_birth_weeks_before_due;
  Date held = c.start->date;
  Hits hits;
  for (const auto& child : ctx.record.children) {
    if (!child.expected) continue;
    long before = child.expected->serial() - held.serial();
    if (before >= 7L * weeks) continue;
    Date due = Date::from_serial(child.expected->serial() - 7L * weeks);
    std::string relation = before > 0    ? weeks_and_days(before) + " before"
                           : before == 0 ? "on"
                                         : weeks_and_days(-before) + " after";
    hits.push_back(
        hit_at(c.start, "conference.start",
               fmt::format("the pre-birth conference on {} was held {} {}'s expected date of delivery, "
                           "{}; due at least {} before, by {}: {} late",
                           held.str(), relation, child_name(ctx.record, child.id), child.expected->str(),
                           count_of(weeks, "week"), due.str(), count_of(held.serial() - due.serial(), "day"))));
  }
  return hits;
}

Hits inquorate_not_reconvened(const CheckContext& ctx) {
  const ConferenceInfo& c = ctx.record.conference;
  if (!c.quorate || *c.quorate || !c.start) return {};
  for (const auto& d : ctx.record.decisions) {
    if (d.outcome) return {};
  }
  int limit = ctx.profile.timescales.reconvene_limit(c.kind.value_or(ConferenceKind::initial));
  Date start = c.start->date;
  if (!c.reconvened) {
    auto deadline = passed_deadline(ctx, start, limit);
    if (!deadline) return {};
    return {hit_at(c, fmt::format("the conference on {} was inquorate and made no decision, and no reconvened "
                                  "date is recorded; it was due to reconvene within {}, by {}, and that has "
                                  "passed (as of {}){}",
                                  start.str(), working_days(limit), deadline->str(), ctx.as_of.str(),
                                  not_counting(ctx.calendar, start, *deadline)))};
  }
  if (ctx.calendar.working_days_between(start, *c.reconvened) <= limit) return {};
  return {hit_at(
      c.reconvened, "conference.reconvened",
      fmt::format("the inquorate conference made no decision and was set to reconvene on {}, {}", c.reconvened->str(),
                  late_after(ctx.calendar, start, "the conference", *c.reconvened, limit)))};
}

Hits conference_on_weekend(const CheckContext& ctx) {
  const ConferenceInfo& c = ctx.record.conference;
  if (!c.start || !c.start->date.is_weekend()) return {};
  Date date = c.start->date;
  Date before = ctx.calendar.add_working_days(date, -1);
  Date after = ctx.calendar.add_working_days(date, 1);
  return {hit_at(c.start, "conference.start",
                 fmt::format("the conference is dated {} {}, a weekend; conferences are held on working days "
                             "(check the date: the nearest are {} {} and {} {})",
                             weekday_name(date), date.str(), weekday_name(before), before.str(), weekday_name(after),
                             after.str()))};
}

Hits next_review_missing(const CheckContext& ctx) {
  const Record& r = ctx.record;
  const ConferenceInfo& c = r.conference;
  if (!c.kind || !c.start || !made_plan(r)) return {};
  const Timescales& t = ctx.profile.timescales;
  bool initial = is_initial_kind(*c.kind);
  int months = initial ? t.first_review_months : t.later_review_months;
  Date start = c.start->date;
  Date due = Calendar::add_months(start, months);
  std::string rule = fmt::format("the {} review is due within {} of the {} on {}, by {}", initial ? "first" : "next",
                                 count_of(months, "month"), kind_text(*c.kind), start.str(), due.str());
  std::string made = initial ? "a plan was made" : "the plan continues";
  const Field<Date>* next = r.follow_up ? &r.follow_up->next_review : nullptr;
  if (next == nullptr || !*next) {
    std::string message = fmt::format("{} but no next-review date is set; {}", made, rule);
    if (next == nullptr) return {hit_at(r.follow_up, "follow-up", std::move(message))};
    return {hit_at(*next, "follow-up", std::move(message))};
  }
  if (!(due < **next)) return {};
  return {hit_at(*next, "follow-up.next-review",
                 fmt::format("the next review is set for {}, {} after its due date: {}", (**next).str(),
                             count_of((**next).serial() - due.serial(), "day"), rule))};
}

Hits escalation_late(const CheckContext& ctx) {
  const Record& r = ctx.record;
  if (!r.conference.start) return {};
  Date start = r.conference.start->date;
  int limit = ctx.profile.timescales.escalation_working_days;
  Hits hits;
  for (const auto& d : r.decisions) {
    if (!d.chair_concern || !d.chair_concern->escalated_on) continue;
    const Field<DateTime>& on = d.chair_concern->escalated_on;
    if (ctx.calendar.working_days_between(start, on->date) <= limit) continue;
    hits.push_back(
        hit_at(on, d.chair_concern->path + ".escalated-on",
               fmt::format("the chair's concern about {} was escalated on {}, {}", child_name(r, d.child), on->str(),
                           late_after(ctx.calendar, start, "the conference", on->date, limit,
                                      "due immediately after the conference, at the latest"))));
  }
  return hits;
}

const Rule k_timescale_rules[] = {
    {"report-late-to-family", Family::timescales, Severity::warning,
     "a report reached the parents later than the profile allows",
     "West Berkshire, Guidance on Child Protection Conferences for Professionals (What you need to do before the Conference)",
     "Each agency's report must be shared with the parents at least 48 hours (clock hours) before an initial "
     "conference "
     "(also pre-birth and transfer-in) and at least 5 working days before a review, so that families do not hear "
     "new information at the conference (004; the numbers are profile settings). Times are UK local time and "
     "the 48 hours are elapsed hours, across a clock change too: 48 hours before 10:00 on the Monday after the "
     "clocks go forward is 09:00 on the Saturday. An arrival recorded as a date without a time is taken as 23:59 "
     "of that day. For a review only the date counts: the last day on time is the 5th working day before the "
     "conference day, counting the working day before it as day 1 (for a review on Monday 16 March 2026, Monday "
     "9 March, at any hour); a report that arrived later is late.",
     report_late_to_family},
    {"report-late-to-chair", Family::timescales, Severity::warning,
     "a report reached the chair later than the profile allows",
     "West Berkshire, Guidance on Child Protection Conferences for Professionals (What you need to do before the Conference)",
     "Each agency's report must reach the conference chair at least 48 hours before an initial conference "
     "(also pre-birth and transfer-in) and at least 5 working days before a review (004; the numbers are profile "
     "settings). Hours are elapsed hours of UK time; an arrival recorded as a date without a time is taken as "
     "23:59 of that day. For a review only the date counts: the last day on time is the 5th working day before "
     "the conference day, as for report-late-to-family.",
     report_late_to_chair},
    {"initial-conference-late", Family::timescales, Severity::warning,
     "the initial conference was held more than 15 working days after the strategy discussion",
     "Working Together to Safeguard Children 2023, chapter 4; Wales Safeguarding Procedures",
     "An initial child protection conference is held within 15 working days of the strategy discussion at "
     "which the section 47 enquiry began (Working Together 2023; Wales: of the last strategy discussion). The "
     "day after the strategy discussion is working day 1; weekends and bank holidays are not counted. A profile "
     "may count instead from the start of the section 47 enquiry, as the national statistics do "
     "(initial-conference-from: s47-started); a record that does not give it is counted from its strategy "
     "discussion.",
     initial_conference_late},
    {"plan-late", Family::timescales, Severity::warning, "the plan was sent more than 24 hours after the conference",
     "West Berkshire, Guidance on Child Protection Conferences for Professionals (When will I get copies of the Plan?)",
     "When a plan is made or continues, the chair sends it out within 24 hours of the conference (004), counted "
     "from the recorded end (else the start), in elapsed hours of UK time. A plan-sent date without a time is "
     "taken as 23:59 of that day. "
     "When no plan-sent date is recorded the rule fires once the deadline is before the --as-of date.",
     plan_late},
    {"core-group-late", Family::timescales, Severity::warning,
     "the first core group met more than 10 working days after an initial conference that made a plan",
     "Working Together to Safeguard Children 2023, chapter 4; Wales Safeguarding Procedures",
     "The core group first meets within 10 working days of an initial conference (pre-birth and transfer-in "
     "included) that made a child protection plan. When no core-group date is recorded the rule fires once the "
     "deadline is before the --as-of date.",
     core_group_late},
    {"minutes-late", Family::timescales, Severity::warning,
     "minutes were sent more than 20 working days after the conference",
     "West Berkshire, Guidance on Child Protection Conferences for Professionals (The Conference Process)",
     "All participants receive the minutes within 20 working days of the conference (004). When no "
     "minutes-sent date is recorded the rule fires once the deadline is before the --as-of date.",
     minutes_late},
    {"amendment-late", Family::timescales, Severity::info,
     "an amendment to the plan came more than 5 working days after the plan was received",
     "West Berkshire, Guidance on Child Protection Conferences for Professionals (When will I get copies of the Plan?)",
     "Attendees who think the plan is inaccurate put their amendment in writing to the chair within 5 working "
     "days of receiving it (004). The plan counts as received on its plan-sent date; a late amendment is a "
     "signal for quality assurance, not an error.",
     amendment_late},
    {"transfer-in-late", Family::timescales, Severity::warning,
     "a transfer-in conference was held more than 15 working days after the written notification",
     "Wales Safeguarding Procedures (transfer-in conferences); local procedures (Norfolk, Tees, Bolton)",
     "When a child on a plan moves permanently into the area, the receiving authority holds a transfer-in "
     "conference within 15 working days of the written notification of the move (Wales Safeguarding "
     "Procedures; English local procedures). The clock starts on the notified date.",
     transfer_in_late},
    {"pre-birth-late", Family::timescales, Severity::warning,
     "a pre-birth conference was held later than the profile's limit before the expected date of delivery",
     "local procedures (pre-birth conferences: Islington, Sussex, Cheshire East)",
     "There is no national week for a pre-birth conference: local procedures range from about 12 weeks before "
     "the expected date of delivery to 'by 34 weeks' of pregnancy. The profile sets the number of weeks before "
     "each unborn child's expected date by which the conference must be held (10 in the built-in profiles).",
     pre_birth_late},
    {"inquorate-not-reconvened", Family::timescales, Severity::warning,
     "an inquorate conference that did not decide was not reconvened within the profile's limit",
     "local procedures (quorate conferences: Sussex, Swindon)",
     "An inquorate conference normally makes no decision: the chair sets a new date at once, within 10 working "
     "days for an initial conference (Sussex, Swindon; reconvene-working-days, which reviews follow too unless "
     "the profile sets reconvene-review-working-days). The rule fires when "
     "a conference recorded as quorate: false made no decision and its reconvened date is later than that, or "
     "is not recorded once the limit is before the --as-of date.",
     inquorate_not_reconvened},
    {"conference-on-weekend", Family::timescales, Severity::warning, "a conference is dated on a Saturday or Sunday",
     "DfE CIN census validation rule 8875",
     "Conferences are held on working days; the DfE's validation of the children in need census rejects an "
     "initial conference dated at a weekend (rule 8875), which is usually a mistyped date. The rule checks every "
     "kind of conference; bank holidays are not flagged.",
     conference_on_weekend},
    {"next-review-missing", Family::timescales, Severity::warning,
     "a plan was made or continued and no next review date is set, or it is set past the due date",
     "Matthews, Five steps towards better child protection conferences (Community Care); Working Together to Safeguard Children 2023, chapter 4; Wales Safeguarding "
     "Procedures",
     "The first review conference is held within 3 months of the initial conference (pre-birth and transfer-in "
     "included) and later reviews within 6 months of the previous one, while the plan lasts. Months are calendar "
     "months, clamped to the end of a shorter month (30 November + 3 months = 28 or 29 February).",
     next_review_missing},
    {"escalation-late", Family::timescales, Severity::warning,
     "the chair's concern was escalated later than the working day after the conference",
     "North Wales Safeguarding Children's Board, Decision Making at Child Protection Conferences (v2, 2020) §2.11",
     "A chair who believes the decision places the child at risk escalates the concern to the senior manager "
     "responsible for child protection immediately after the conference (003 §2.11). The rule allows until the "
     "next working day (a profile number); a concern never escalated is chair-concern-not-escalated.",
     escalation_late},
};

}  // namespace

std::span<const Rule> timescale_rules() { return k_timescale_rules; }

}  // namespace cpconf
