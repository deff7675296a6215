#include "cpconf/timeline/case_chain.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "cpconf/derive/calendar.hpp"

namespace cpconf {

namespace {

// Measures a link against the conference it follows: the interval in months and days, and
// the review's due date (review-late's arithmetic: months from the previous conference, met
// when held on or before the due day).
void measure(ChainLink& link, const ChainLink& from, std::size_t from_index) {
  link.from = from_index;
  Date start = from.conference.date;
  Date held = link.conference.date;
  link.interval_days = held.serial() - start.serial();
  while (Calendar::add_months(start, link.interval_months + 1) <= held) ++link.interval_months;
  link.interval_rest_days = held.serial() - Calendar::add_months(start, link.interval_months).serial();
  link.limit = next_review_deadline(from.conference.kind, start, *link.conference.profile);
  long late = held.serial() - link.limit->due.date.serial();
  link.state = late > 0 ? State::missed : State::met;
  link.late_days = std::max(0L, late);
}

void link_chain(CaseChain& chain) {
  std::map<std::string, std::size_t, std::less<>> by_id;
  for (std::size_t i = 0; i < chain.links.size(); ++i) by_id.emplace(chain.links[i].conference.id, i);
  for (std::size_t i = 0; i < chain.links.size(); ++i) {
    ChainLink& link = chain.links[i];
    link.planned = chain.as_of < link.conference.date;
    if (is_initial_kind(link.conference.kind)) {
      if (i > 0) link.note = "a new initial conference: it starts the chain again";
      continue;
    }
    auto named = by_id.find(link.conference.previous);
    if (named != by_id.end() && named->second < i) {
      measure(link, chain.links[named->second], named->second);
      if (named->second + 1 != i) {
        link.note = fmt::format("follows {}, not the conference just before it", link.conference.previous);
      }
    } else if (i > 0) {
      measure(link, chain.links[i - 1], i - 1);
      link.note = named == by_id.end()
                      ? fmt::format(
                            "names previous conference '{}', which is not among the records given; measured "
                            "from the conference before it",
                            link.conference.previous)
                      : fmt::format(
                            "names previous conference '{}', which is not before it; measured from the "
                            "conference before it",
                            link.conference.previous);
    } else {
      link.note =
          fmt::format("names previous conference '{}', which is not among the records given", link.conference.previous);
    }
  }
}

void follow_plans(CaseChain& chain) {
  std::map<std::string, std::size_t> open;  // child key -> index in chain.plans
  for (std::size_t i = 0; i < chain.links.size(); ++i) {
    const ChainConference& c = chain.links[i].conference;
    for (const auto& child : c.children) {
      if (!child.outcome) continue;
      auto it = open.find(child.key);
      if (is_initial_kind(c.kind)) {
        if (*child.outcome != Outcome::plan) continue;
        open[child.key] = chain.plans.size();
        chain.plans.push_back({child.key, child.name, i, {}, std::nullopt});
      } else if (it != open.end()) {
        PlanSpan& plan = chain.plans[it->second];
        if (*child.outcome == Outcome::plan) {
          plan.continued.push_back(i);
        } else {
          plan.end = i;
          open.erase(it);
        }
      }
    }
  }
}

void find_next_review(CaseChain& chain) {
  if (chain.links.empty()) return;
  std::size_t last = chain.links.size() - 1;
  const ChainLink& link = chain.links[last];
  const ChainConference& c = link.conference;
  const Calendar& calendar = *c.calendar;
  NextReview next;
  if (link.planned && link.limit) {
    // A review already arranged: it is the next one, due on its own date.
    next = {*link.from, *link.limit, DateTime{c.date, -1}, true, State::due, {}};
  } else if (link.planned) {
    chain.no_next_reason = fmt::format("the {} conference {} is still to be held", name_of(c.kind), c.id);
    return;
  } else if (!c.made_plan) {
    bool decided =
        std::any_of(c.children.begin(), c.children.end(), [](const ChainChild& ch) { return ch.outcome.has_value(); });
    chain.no_next_reason = !decided                           ? fmt::format("no decision is recorded at {}", c.id)
                           : c.kind == ConferenceKind::review ? fmt::format("the plan ended at {}", c.id)
                                                              : fmt::format("no plan was made at {}", c.id);
    return;
  } else {
    Deadline deadline = next_review_deadline(c.kind, c.date, *c.profile);
    bool set = c.next_review_set.has_value();
    next = {last, deadline, set ? DateTime{*c.next_review_set, -1} : deadline.due, set, State::due, {}};
  }
  Standing now = standing(next.due.date, chain.as_of, calendar);
  next.state = now.state;
  next.amount = now.amount;
  chain.next = next;
}

// Each link's text by its own record's redactor; a plan by that of the record that made it.
// Links without one (no --redact) are left as they are.
void redact_chain(CaseChain& chain) {
  for (auto& link : chain.links) {
    ChainConference& c = link.conference;
    if (!c.redactor) continue;
    for (std::string* text : {&c.file, &c.id, &c.case_id, &c.previous, &c.chair, &link.note}) (*c.redactor)(*text);
    for (auto& child : c.children) {
      (*c.redactor)(child.key);
      (*c.redactor)(child.name);
    }
  }
  for (auto& plan : chain.plans) {
    if (const auto& redactor = chain.links[plan.start].conference.redactor) {
      (*redactor)(plan.key);
      (*redactor)(plan.name);
    }
  }
  if (!chain.links.empty() && chain.links.front().conference.redactor) {
    (*chain.links.front().conference.redactor)(chain.case_id);
  }
  // The reason quotes the last conference's id.
  if (!chain.links.empty() && chain.links.back().conference.redactor) {
    (*chain.links.back().conference.redactor)(chain.no_next_reason);
  }
}

}  // namespace

std::optional<ChainConference> chain_conference(const Record& record, const Profile& profile, const Calendar& calendar,
                                                const RedactionOptions& redaction) {
  const ConferenceInfo& c = record.conference;
  if (!c.case_id || !c.start) return std::nullopt;
  ChainConference out;
  out.file = record.file;
  out.id = c.id.value_or(std::string());
  out.case_id = *c.case_id;
  out.previous = c.previous.value_or(std::string());
  out.chair = c.chair.value_or(std::string());
  out.kind = c.kind.value_or(ConferenceKind::initial);
  out.date = c.start->date;
  if (record.follow_up && record.follow_up->next_review) out.next_review_set = *record.follow_up->next_review;
  out.made_plan = made_plan(record);
  for (const auto& child : record.children) {
    if (!child.id) continue;
    ChainChild entry{child.person.value_or(*child.id), child.name.value_or(*child.id), std::nullopt};
    for (const auto& d : record.decisions) {
      if (d.child && *d.child == *child.id && d.outcome) entry.outcome = *d.outcome;
    }
    out.children.push_back(std::move(entry));
  }
  out.profile = &profile;
  out.calendar = &calendar;
  if (redaction.level != Redaction::none) out.redactor = std::make_shared<const Redactor>(record, redaction);
  return out;
}

CaseChain build_case_chain(std::string case_id, std::vector<ChainConference> conferences, Date as_of) {
  std::stable_sort(conferences.begin(), conferences.end(), [](const ChainConference& a, const ChainConference& b) {
    return std::tie(a.date, a.id) < std::tie(b.date, b.id);
  });
  CaseChain chain;
  chain.case_id = std::move(case_id);
  chain.as_of = as_of;
  for (auto& c : conferences) {
    ChainLink link;
    link.conference = std::move(c);
    chain.links.push_back(std::move(link));
  }
  link_chain(chain);
  follow_plans(chain);
  find_next_review(chain);
  redact_chain(chain);
  return chain;
}

std::string interval_text(int months, long days) {
  if (months == 0) return count_of(days, "day");
  if (days == 0) return count_of(months, "month");
  return count_of(months, "month") + " " + count_of(days, "day");
}

}  // namespace cpconf
