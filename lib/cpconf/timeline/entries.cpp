#include "cpconf/timeline/entries.hpp"

#include <algorithm>
#include <type_traits>

#include <fmt/format.h>

#include "cpconf/derive/calendar.hpp"
#include "cpconf/derive/groupings.hpp"

namespace cpconf {

namespace {

std::string conference_words(const Record& record) {
  const auto& kind = record.conference.kind;
  return kind ? fmt::format("the {} conference", name_of(*kind)) : std::string("the conference");
}

std::string attendee_name(const Record& record, const Field<std::string>& id) {
  if (!id) return {};
  const Attendee* a = find_attendee(record, *id);
  return a != nullptr && a->name ? *a->name : *id;
}

// Builds one conference's entries in record order; build_timeline sorts them.
class Builder {
 public:
  Builder(const Record& record, const Profile& profile, const Calendar& calendar, Date as_of)
      : m_record(record), m_profile(profile), m_calendar(calendar), m_as_of(as_of) {}

  std::vector<TimelineEntry> build() {
    const ConferenceInfo& c = m_record.conference;
    event_at("strategy-discussion", "strategy discussion", c.strategy_discussion, "conference.strategy-discussion");
    event_at("s47-started", "section 47 enquiry started", c.s47_started, "conference.s47-started");
    event_at("notified", "written notification of the move", c.notified, "conference.notified");
    if (c.start) {
      TimelineEntry& e = add("conference", "conference", "conference.start");
      e.when = *c.start;
      e.planned = m_as_of < c.start->date;
      if (c.quorate && !*c.quorate) e.note = "inquorate";
    }
    held_on_time();
    observers();
    reports();
    after_the_conference();
    for (const auto& child : m_record.children) {
      if (!child.expected) continue;
      TimelineEntry& e = add("expected-delivery", "expected date of delivery", child.path + ".expected");
      concerning_child(e, child);
      e.when = DateTime{*child.expected, -1};
    }
    return std::move(m_entries);
  }

 private:
  TimelineEntry& add(std::string_view kind, std::string_view label, std::string path) {
    TimelineEntry& e = m_entries.emplace_back();
    e.kind = kind;
    e.label = label;
    e.path = std::move(path);
    return e;
  }

  template <class T>
  void event_at(std::string_view kind, std::string_view label, const Field<T>& field, std::string path) {
    if (!field) return;
    TimelineEntry& e = add(kind, label, std::move(path));
    if constexpr (std::is_same_v<T, Date>) {
      e.when = DateTime{*field, -1};
    } else {
      e.when = *field;
    }
  }

  void concerning(TimelineEntry& e, const Attendee& a) {
    e.who = a.name.value_or(a.id.value_or(std::string()));
    e.who_id = a.id.value_or(std::string());
    e.key = e.who_id;
    if (auto grouping = grouping_of(a, m_record, m_profile)) e.grouping = grouping->id;
  }

  void concerning_child(TimelineEntry& e, const Child& child) {
    e.who = child.name.value_or(child.id.value_or(std::string()));
    e.who_id = child.id.value_or(std::string());
    e.key = e.who_id;
  }

  bool conference_passed() const { return m_record.conference.start && m_record.conference.start->date < m_as_of; }

  void pending(TimelineEntry& e) const {
    Standing now = standing(e.due->date, m_as_of, m_calendar);
    e.state = now.state;
    e.amount = now.amount;
  }

  // How an event not yet recorded, or recorded for a day after the as-of day, is judged.
  enum class Pending {
    arranged,  // a date still to come is an arrangement: due or overdue until it passes
    lapses,    // once the conference has been held it can no longer be on time: missed
    set,       // the act is setting the date, so a date set is judged even when still to come
  };

  // A recorded event is met or missed; otherwise the entry is due or overdue as of the day.
  void judge(TimelineEntry& e, const Deadline& deadline, std::string rule, Pending mode = Pending::arranged) {
    e.deadline = deadline;
    e.rule = std::move(rule);
    if (!e.due) e.due = deadline.due;
    std::optional<Date> counted_to;
    if (e.when && (mode == Pending::set || !(m_as_of < e.when->date))) {
      Lateness late = lateness(deadline, m_calendar, *e.when);
      e.state = late.amount > 0 ? State::missed : State::met;
      if (late.amount > 0) e.amount = late;
      counted_to = e.when->date;
    } else if (mode == Pending::lapses && conference_passed()) {
      e.state = State::missed;
      e.note = "none recorded";
    } else {
      e.planned = e.when.has_value();
      pending(e);
      counted_to = m_as_of;
      if (e.planned) {
        Lateness late = lateness(deadline, m_calendar, *e.when);
        e.note = late.amount > 0 ? fmt::format("arranged for {}: {} late", e.when->str(), lateness_text(late))
                                 : fmt::format("arranged for {}", e.when->str());
      }
    }
    count_closures(e, counted_to);
  }

  void count_closures(TimelineEntry& e, std::optional<Date> counted_to) const {
    const Deadline& d = *e.deadline;
    if (d.measure != Measure::working_days_after && d.measure != Measure::working_days_before) return;
    Date low = std::min(d.anchor.date, d.due.date);
    Date high = std::max(d.anchor.date, d.due.date);
    if (counted_to) {
      low = std::min(low, *counted_to);
      high = std::max(high, *counted_to);
    }
    e.not_counting = m_calendar.closures_between(low, high);
  }

  void not_applicable(TimelineEntry& e, const Deadline& deadline, std::string rule, std::string reason) {
    e.deadline = deadline;
    e.due = deadline.due;
    e.state = State::not_applicable;
    e.rule = std::move(rule);
    e.note = std::move(reason);
  }

  std::string why_no_plan() const {
    bool decided = std::any_of(m_record.decisions.begin(), m_record.decisions.end(),
                               [](const Decision& d) { return d.outcome.has(); });
    if (!decided) {
      if (must_reconvene(m_record)) return "inquorate: no decision was made";
      return conference_passed() ? "no decision is recorded" : "no decision yet";
    }
    return m_record.conference.kind.value_or(ConferenceKind::initial) == ConferenceKind::review ? "the plan ended"
                                                                                                : "no plan was made";
  }

  // The conference itself against the deadline for holding it.
  void held_on_time() {
    const ConferenceInfo& c = m_record.conference;
    if (!c.start) return;
    if (auto d = initial_conference_deadline(m_record, m_profile, m_calendar)) {
      TimelineEntry& e = add("initial-conference", "initial conference held", "conference.start");
      e.when = *c.start;
      judge(e, *d,
            fmt::format("within {} of {} on {}", count_of(d->limit, "working day"),
                        initial_conference_clock(m_record, m_profile)->what, d->anchor.date.str()));
    }
    if (auto d = transfer_in_deadline(m_record, m_profile, m_calendar)) {
      TimelineEntry& e = add("transfer-in-conference", "transfer-in conference held", "conference.start");
      e.when = *c.start;
      judge(e, *d,
            fmt::format("within {} of the written notification on {}", count_of(d->limit, "working day"),
                        d->anchor.date.str()));
    }
    if (c.kind.value_or(ConferenceKind::initial) != ConferenceKind::pre_birth) return;
    for (const auto& child : m_record.children) {
      auto d = pre_birth_deadline(child, m_profile);
      if (!d) continue;
      TimelineEntry& e = add("pre-birth-conference", "pre-birth conference held", "conference.start");
      concerning_child(e, child);
      e.when = *c.start;
      judge(e, *d,
            fmt::format("at least {} before the expected date of delivery, {}",
                        count_of(m_profile.timescales.pre_birth_weeks_before_due, "week"), d->anchor.date.str()));
    }
  }

  void observers() {
    auto d = observer_request_deadline(m_record, m_profile);
    if (!d) return;
    for (const auto& a : m_record.attendees) {
      if (a.capacity.value_or(Capacity::parent) != Capacity::observer ||
          a.attendance.value_or(Attendance::apologies) != Attendance::present) {
        continue;
      }
      TimelineEntry& e =
          add("observer-request", "observer's written request to the chair", a.path + ".observer-request");
      concerning(e, a);
      if (a.observer_request) e.when = DateTime{*a.observer_request, -1};
      judge(e, *d, fmt::format("at least {} before the conference", count_of(d->limit, "day")), Pending::lapses);
    }
  }

  // Every professional's report, to the family and to the chair. For a conference still to
  // come every professional invited is expected to send one; for one held, a professional
  // with no report recorded has none to judge.
  void reports() {
    auto d = report_deadline(m_record, m_profile, m_calendar);
    if (!d) return;
    std::string rule = d->measure == Measure::hours_before
                           ? fmt::format("at least {} before the conference", count_of(d->limit, "hour"))
                           : fmt::format("at least {} before the conference", count_of(d->limit, "working day"));
    for (const auto& a : m_record.attendees) {
      if (a.capacity.value_or(Capacity::parent) != Capacity::professional) continue;
      struct Reader {
        std::string_view kind, label, key;
        Field<DateTime> Report::*arrival;
      };
      static constexpr Reader k_readers[] = {
          {"report-to-family", "report to the family", "to-family", &Report::to_family},
          {"report-to-chair", "report to the chair", "to-chair", &Report::to_chair},
      };
      for (const auto& reader : k_readers) {
        TimelineEntry& e = add(reader.kind, reader.label, fmt::format("{}.report.{}", a.path, reader.key));
        concerning(e, a);
        if (!a.report && conference_passed()) {
          not_applicable(e, *d, rule, "no report recorded");
          continue;
        }
        if (a.report && ((*a.report).*reader.arrival)) e.when = *((*a.report).*reader.arrival);
        judge(e, *d, rule, Pending::lapses);
      }
    }
  }

  void after_the_conference() {
    const ConferenceInfo& c = m_record.conference;
    if (!c.start) return;
    const FollowUp* follow_up = m_record.follow_up ? &*m_record.follow_up : nullptr;
    const Timescales& t = m_profile.timescales;
    std::string after_conference = "of " + conference_words(m_record);

    if (must_reconvene(m_record)) {
      auto d = reconvene_deadline(m_record, m_profile, m_calendar);
      TimelineEntry& e = add("reconvene", "reconvened conference", "conference.reconvened");
      if (c.reconvened) e.when = DateTime{*c.reconvened, -1};
      judge(e, *d, fmt::format("within {} {}", count_of(d->limit, "working day"), after_conference), Pending::set);
    }

    bool plan = made_plan(m_record);
    {
      auto d = plan_deadline(m_record, m_profile);
      std::string rule = fmt::format("within {} of the {} of the conference", count_of(d->limit, "hour"),
                                     c.end ? "end" : "start (no end recorded)");
      TimelineEntry& e = add("plan", "plan sent", "follow-up.plan-sent");
      if (!plan) {
        not_applicable(e, *d, rule, why_no_plan());
      } else {
        if (follow_up && follow_up->plan_sent) e.when = *follow_up->plan_sent;
        judge(e, *d, rule);
      }
    }
    for (const auto& decision : m_record.decisions) {
      if (!decision.chair_concern) continue;
      auto d = escalation_deadline(m_record, m_profile, m_calendar);
      TimelineEntry& e =
          add("chair-escalation", "chair's concern escalated", decision.chair_concern->path + ".escalated-on");
      if (const Child* child = find_child(m_record, decision.child.value_or(std::string())))
        concerning_child(e, *child);
      if (decision.chair_concern->escalated_on) e.when = *decision.chair_concern->escalated_on;
      judge(e, *d, fmt::format("within {} {}", count_of(d->limit, "working day"), after_conference));
    }
    for (const auto& escalation : m_record.escalations) {
      if (!escalation.raised) continue;
      TimelineEntry& e = add("professional-escalation", "professional escalation raised", escalation.path + ".raised");
      if (const Attendee* a = find_attendee(m_record, escalation.by.value_or(std::string()))) concerning(e, *a);
      e.when = DateTime{*escalation.raised, -1};
      e.planned = m_as_of < *escalation.raised;
      e.note = escalation.about.value_or(std::string());
    }
    if (c.kind && is_initial_kind(*c.kind)) {
      auto d = core_group_deadline(m_record, m_profile, m_calendar);
      std::string rule = fmt::format("within {} {}", count_of(d->limit, "working day"), after_conference);
      TimelineEntry& e = add("core-group", "first core group meeting", "follow-up.core-group");
      if (!plan) {
        not_applicable(e, *d, rule, why_no_plan());
      } else {
        if (follow_up && follow_up->core_group) e.when = DateTime{*follow_up->core_group, -1};
        judge(e, *d, rule);
      }
    }
    amendments(follow_up);
    {
      auto d = minutes_deadline(m_record, m_profile, m_calendar);
      TimelineEntry& e = add("minutes", "minutes sent", "follow-up.minutes-sent");
      if (follow_up && follow_up->minutes_sent) e.when = DateTime{*follow_up->minutes_sent, -1};
      judge(e, *d, fmt::format("within {} {}", count_of(d->limit, "working day"), after_conference));
    }
    if (c.sign_off && c.sign_off->on) {
      TimelineEntry& e = add("sign-off", "record signed off", "conference.sign-off.on");
      e.when = DateTime{*c.sign_off->on, -1};
      e.planned = m_as_of < *c.sign_off->on;
      e.who = c.sign_off->by.value_or(std::string());
    }
    next_review(follow_up, plan, t);
  }

  void amendments(const FollowUp* follow_up) {
    auto d = amendment_deadline(m_record, m_profile, m_calendar);
    if (!d || follow_up == nullptr) return;
    std::string rule =
        fmt::format("within {} of the plan being sent on {}", count_of(d->limit, "working day"), d->anchor.date.str());
    for (std::size_t i = 0; i < follow_up->amendments.size(); ++i) {
      const Amendment& amendment = follow_up->amendments[i];
      // An amendment dated after the as-of day had not come yet; the window shows what is left.
      if (!amendment.received || m_as_of < *amendment.received) continue;
      TimelineEntry& e = add("amendment", "amendment to the plan received", amendment.path + ".received");
      if (const Attendee* a = find_attendee(m_record, amendment.by.value_or(std::string()))) concerning(e, *a);
      e.who = e.who.empty() ? attendee_name(m_record, amendment.by) : e.who;
      e.key = fmt::format("amendments[{}]", i);
      e.when = DateTime{*amendment.received, -1};
      judge(e, *d, rule);
    }
    TimelineEntry& window = add("amendment-window", "window for amendments to the plan", "follow-up.amendments");
    window.deadline = *d;
    window.rule = rule;
    window.due = d->due;
    if (d->due.date < m_as_of) {
      window.state = State::closed;
    } else {
      window.state = State::open;
      window.amount = Lateness{m_calendar.working_days_between(m_as_of, d->due.date), LateUnit::working_days};
    }
    count_closures(window, std::nullopt);
  }

  void next_review(const FollowUp* follow_up, bool plan, const Timescales& t) {
    const ConferenceInfo& c = m_record.conference;
    auto d = next_review_deadline(m_record, m_profile);
    if (!d) return;
    bool initial = is_initial_kind(*c.kind);
    std::string rule =
        fmt::format("within {} of {}", count_of(initial ? t.first_review_months : t.later_review_months, "month"),
                    conference_words(m_record));
    TimelineEntry& e =
        add("next-review", initial ? "first review conference" : "next review conference", "follow-up.next-review");
    if (!plan) {
      not_applicable(e, *d, rule, why_no_plan());
      return;
    }
    // The review is due on the date set for it, else on the latest date the profile allows;
    // whether it was held shows only in a later record (--case, --due).
    const Field<Date>* set = follow_up ? &follow_up->next_review : nullptr;
    e.deadline = *d;
    e.rule = rule;
    e.due = set && *set ? DateTime{**set, -1} : d->due;
    pending(e);
    if (!set || !*set) {
      e.note = fmt::format("no date set: due by the latest date allowed, {}", d->due.str());
    } else if (d->due.date < **set) {
      e.note = fmt::format("date set {} after the latest allowed, {}",
                           count_of((**set).serial() - d->due.date.serial(), "day"), d->due.str());
    } else {
      e.note = fmt::format("date set; the latest allowed is {}", d->due.str());
    }
    if (e.state == State::overdue) e.note += "; a later record of the case would show it held";
  }

  const Record& m_record;
  const Profile& m_profile;
  const Calendar& m_calendar;
  Date m_as_of;
  std::vector<TimelineEntry> m_entries;
};

}  // namespace

std::vector<TimelineEntry> timeline_entries(const Record& record, const Profile& profile, const Calendar& calendar,
                                            Date as_of) {
  return Builder(record, profile, calendar, as_of).build();
}

}  // namespace cpconf
