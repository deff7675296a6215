#include "cpconf/check/case_rules.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "cpconf/check/rule.hpp"
#include "cpconf/derive/calendar.hpp"

namespace cpconf {

namespace {

bool starts_case(ConferenceKind kind) { return kind != ConferenceKind::review; }

// One case's records, in date order, as the cross-record checks see them.
struct CaseView {
  std::string case_id;
  std::vector<const CaseEntry*> entries;
  bool whole;  // the case's first conference is among them, so a missing predecessor is an error
  std::map<std::string, const CaseEntry*, std::less<>> by_id;
};

struct CaseHit {
  const CaseEntry* entry;
  Location location;
  std::string path;
  std::string message;
};
using CaseHits = std::vector<CaseHit>;

std::string days(long count) { return fmt::format("{} day{}", count, count == 1 ? "" : "s"); }

std::string describe(const CaseEntry& e) {
  return fmt::format("{} ({} {}, {})", e.conference_id, name_of(e.kind), e.date.str(), e.file);
}

CaseHits previous_missing(const CaseView& view, const CaseOptions& options) {
  CaseHits hits;
  if (!view.whole && !options.strict_case) return hits;
  for (const CaseEntry* e : view.entries) {
    if (e->kind != ConferenceKind::review || e->previous.empty() || view.by_id.count(e->previous)) continue;
    hits.push_back({e, e->previous_location, "conference.previous",
                    fmt::format("review {} names previous conference '{}', which is not among the records of case "
                                "'{}' given",
                                e->conference_id, e->previous, view.case_id)});
  }
  return hits;
}

CaseHits case_chain_broken(const CaseView& view, const CaseOptions&) {
  CaseHits hits;
  std::map<std::string, const CaseEntry*> successor;
  for (const CaseEntry* e : view.entries) {
    if (e->kind != ConferenceKind::review || e->previous.empty()) continue;
    auto it = view.by_id.find(e->previous);
    if (it == view.by_id.end()) continue;
    const CaseEntry& previous = *it->second;
    if (previous.date >= e->date) {
      hits.push_back({e, e->previous_location, "conference.previous",
                      fmt::format("review {} on {} names as its previous conference {}, which is not before it",
                                  e->conference_id, e->date.str(), describe(previous))});
    }
    auto [other, inserted] = successor.emplace(e->previous, e);
    if (!inserted) {
      hits.push_back({e, e->previous_location, "conference.previous",
                      fmt::format("reviews {} and {} both name '{}' as their previous conference: a case's "
                                  "conferences form one chain",
                                  describe(*other->second), describe(*e), e->previous)});
    }
  }
  return hits;
}

const CaseEntry::ChildOutcome* find_child(const CaseEntry& e, const std::string& key) {
  for (const auto& c : e.children) {
    if (c.key == key) return &c;
  }
  return nullptr;
}

CaseHits review_without_plan(const CaseView& view, const CaseOptions&) {
  CaseHits hits;
  for (const CaseEntry* e : view.entries) {
    if (e->kind != ConferenceKind::review) continue;
    auto it = view.by_id.find(e->previous);
    if (it == view.by_id.end()) continue;
    for (const auto& child : e->children) {
      const auto* before = find_child(*it->second, child.key);
      if (before && before->outcome == Outcome::plan) continue;
      std::string had = before == nullptr          ? "was not considered there"
                        : before->outcome.has_value() ? "had no plan after it"
                                                      : "has no recorded decision there";
      hits.push_back({e, child.location, child.name_path,
                      fmt::format("review {} considers child '{}', who {} (previous conference {}): a review "
                                  "continues or ends an existing plan",
                                  e->conference_id, child.key, had, describe(*it->second))});
    }
  }
  return hits;
}

CaseHits review_late(const CaseView& view, const CaseOptions&) {
  CaseHits hits;
  for (const CaseEntry* e : view.entries) {
    if (e->kind != ConferenceKind::review) continue;
    auto it = view.by_id.find(e->previous);
    if (it == view.by_id.end() || it->second->date >= e->date) continue;
    const CaseEntry& previous = *it->second;
    const Timescales& t = e->profile->timescales;
    bool first = starts_case(previous.kind);
    int months = first ? t.first_review_months : t.later_review_months;
    Date due = Calendar::add_months(previous.date, months);
    if (e->date <= due) continue;
    hits.push_back({e, e->date_location, "conference.start",
                    fmt::format("review held on {}, after its due date {}: the {} review is due within {} months "
                                "of {} ({} late)",
                                e->date.str(), due.str(), first ? "first" : "next", months, describe(previous),
                                days(e->date.serial() - due.serial()))});
  }
  return hits;
}

CaseHits consecutive_inquorate(const CaseView& view, const CaseOptions&) {
  CaseHits hits;
  for (std::size_t i = 1; i < view.entries.size(); ++i) {
    const CaseEntry& before = *view.entries[i - 1];
    const CaseEntry& e = *view.entries[i];
    if (!e.profile->forbid_consecutive_inquorate || !before.inquorate || !e.inquorate) continue;
    hits.push_back({&e, e.id_location, "conference.quorate",
                    fmt::format("conference {} was inquorate, and so was the one before it in case '{}', {}",
                                e.conference_id, view.case_id, describe(before))});
  }
  return hits;
}

// Plans open per child across every case: from a conference that made one to the first later
// conference of the same case that ended it.
CaseHits overlapping_plans(const std::vector<CaseView>& views) {
  struct Plan {
    const CaseEntry* start;
    const CaseEntry::ChildOutcome* child;
    Date end;  // the conference that ended it, or far in the future
  };
  std::map<std::string, std::vector<Plan>> plans;
  for (const auto& view : views) {
    for (std::size_t i = 0; i < view.entries.size(); ++i) {
      const CaseEntry* e = view.entries[i];
      if (!starts_case(e->kind)) continue;
      for (const auto& child : e->children) {
        if (child.outcome != Outcome::plan) continue;
        Date end{9999, 12, 31};
        for (std::size_t j = i + 1; j < view.entries.size(); ++j) {
          const auto* later = find_child(*view.entries[j], child.key);
          if (view.entries[j]->kind == ConferenceKind::review && later && later->outcome == Outcome::no_plan) {
            end = view.entries[j]->date;
            break;
          }
        }
        plans[child.key].push_back({e, &child, end});
      }
    }
  }
  CaseHits hits;
  for (auto& [key, list] : plans) {
    std::sort(list.begin(), list.end(), [](const Plan& a, const Plan& b) { return a.start->date < b.start->date; });
    for (std::size_t i = 1; i < list.size(); ++i) {
      const Plan& earlier = list[i - 1];
      const Plan& later = list[i];
      if (later.start->date >= earlier.end) continue;
      hits.push_back({later.start, later.child->location, later.child->name_path,
                      fmt::format("child '{}' is given a plan at {} while the plan made at {} is still open: a "
                                  "child has one plan at a time",
                                  key, describe(*later.start), describe(*earlier.start))});
    }
  }
  return hits;
}

CaseHits duplicate_conference_id(const std::vector<CaseEntry>& entries) {
  CaseHits hits;
  std::map<std::string, const CaseEntry*> first;
  for (const auto& e : entries) {
    if (e.conference_id.empty()) continue;
    auto [it, inserted] = first.emplace(e.conference_id, &e);
    if (!inserted) {
      hits.push_back({&e, e.id_location, "conference.id",
                      fmt::format("conference id '{}' is also used by {}: conference ids must be unique across "
                                  "records",
                                  e.conference_id, it->second->file)});
    }
  }
  return hits;
}

using CaseCheck = CaseHits (*)(const CaseView&, const CaseOptions&);

// The case family's checks, by rule name; the rows below give each rule's metadata.
const std::pair<std::string_view, CaseCheck> k_case_checks[] = {
    {"previous-missing", previous_missing},   {"case-chain-broken", case_chain_broken},
    {"review-without-plan", review_without_plan}, {"review-late", review_late},
    {"consecutive-inquorate", consecutive_inquorate},
};

Hits s47_after_conference(const CheckContext& ctx) {
  const auto& c = ctx.record.conference;
  if (!c.s47_started || !c.start || *c.s47_started <= c.start->date) return {};
  return {hit_at(c.s47_started, c.path + ".s47-started",
                 fmt::format("the section 47 enquiry started on {}, after the conference on {}: the enquiry "
                             "comes first",
                             c.s47_started->str(), c.start->date.str()))};
}

const Rule k_case_rules[] = {
    {"previous-missing", Family::case_chain, Severity::error,
     "a review names a previous conference that is not among the records given",
     "cpconf-record(5): conference.previous",
     "A review continues the plan of a previous conference, named by its id. When the case's first "
     "conference is among the records checked (or with --strict-case), that previous conference must be "
     "there too; otherwise the chain of the case cannot be followed.",
     nullptr},
    {"case-chain-broken", Family::case_chain, Severity::error,
     "the records of a case do not form one chain", "cpconf-record(5): conference.previous",
     "Each review follows exactly one earlier conference of its case. Two reviews that name the same "
     "predecessor, or a review dated on or before its predecessor, break the chain.",
     nullptr},
    {"review-without-plan", Family::case_chain, Severity::error,
     "a review conference for a child who had no plan after the previous conference",
     "DfE CIN census validation 8841",
     "A review decides whether a child's plan continues or ends; a child who had no plan after the previous "
     "conference (or was not considered there) cannot be reviewed. Children are matched across records by "
     "their person number, else by their id.",
     nullptr},
    {"overlapping-plans", Family::case_chain, Severity::error, "a child has two plans open at once",
     "DfE CIN census validation 8935, 8940",
     "A child has at most one open plan. A plan opens at the conference that makes it and stays open until "
     "a review ends it (outcome no-plan). A new initial, pre-birth or transfer-in plan for the same person "
     "while one is open is reported, across cases too.",
     nullptr},
    {"s47-after-conference", Family::case_chain, Severity::error,
     "the s47 start is after the initial conference", "DfE CIN census validation 8615",
     "The section 47 enquiry leads to the initial conference, so it cannot start after it.",
     s47_after_conference},
    {"review-late", Family::timescales, Severity::warning,
     "a review was held after its due date (3 months after the initial, then 6 months after the previous)",
     "001_9a2410f16d96b0b0.txt; Working Together to Safeguard Children 2023, chapter 4",
     "The first review is due within the profile's first-review-months (3) of the initial conference, later "
     "reviews within later-review-months (6) of the previous one, counted in calendar months and clamped to "
     "the end of a shorter month (30 November + 3 months = 28 or 29 February). Judged against the previous "
     "conference when it is among the records given.",
     nullptr},
    {"consecutive-inquorate", Family::timescales, Severity::warning,
     "two conferences in a row of one case were inquorate", "local procedures (Swindon)",
     "Some procedures forbid two inquorate conferences in a row: the second time, the chair must find a way "
     "to proceed. Judged on consecutive records of one case (by date) that record quorate: false, under "
     "profiles with forbid-consecutive-inquorate.",
     nullptr},
};

std::optional<Severity> case_severity(const Rule& rule, const CaseEntry& e) {
  static const std::map<std::string, RuleSetting, std::less<>> k_none;
  std::optional<Severity> severity = rule.severity;
  for (const auto* table : {&e.profile->rules, e.settings != nullptr ? e.settings : &k_none}) {
    auto it = table->find(rule.name);
    if (it == table->end()) continue;
    severity = it->second.enabled ? it->second.severity.value_or(rule.severity) : std::optional<Severity>{};
  }
  return severity;
}

}  // namespace

std::span<const Rule> case_rules() { return k_case_rules; }

CaseEntry make_case_entry(const Record& record, const Profile& profile, const Calendar& calendar) {
  const auto& c = record.conference;
  CaseEntry e;
  e.file = record.file;
  e.conference_id = c.id.value_or(std::string());
  e.id_location = c.id.location;
  e.case_id = c.case_id.value_or(std::string());
  e.kind = c.kind.value_or(ConferenceKind::initial);
  e.date = c.start ? c.start->date : Date{};
  e.date_location = c.start.location;
  e.previous = c.previous.value_or(std::string());
  e.previous_location = c.previous.location;
  e.inquorate = c.quorate.has() && !*c.quorate;
  for (const auto& child : record.children) {
    if (!child.id) continue;
    CaseEntry::ChildOutcome outcome{child.person.value_or(*child.id), child.path, child.location, std::nullopt};
    for (const auto& d : record.decisions) {
      if (d.child && *d.child == *child.id && d.outcome) {
        outcome.outcome = *d.outcome;
        outcome.name_path = d.path;
        outcome.location = d.location;
      }
    }
    e.children.push_back(std::move(outcome));
  }
  e.profile = &profile;
  e.calendar = &calendar;
  return e;
}

Findings check_cases(const std::vector<CaseEntry>& entries, const CaseOptions& options) {
  std::map<std::string, CaseView> cases;
  for (const auto& e : entries) {
    if (e.case_id.empty() || e.date.year == 0) continue;
    CaseView& view = cases[e.case_id];
    view.case_id = e.case_id;
    view.entries.push_back(&e);
  }
  std::vector<CaseView> views;
  for (auto& [id, view] : cases) {
    std::stable_sort(view.entries.begin(), view.entries.end(),
                     [](const CaseEntry* a, const CaseEntry* b) { return a->date < b->date; });
    view.whole = std::any_of(view.entries.begin(), view.entries.end(),
                             [](const CaseEntry* e) { return starts_case(e->kind); });
    for (const CaseEntry* e : view.entries) view.by_id.emplace(e->conference_id, e);
    views.push_back(std::move(view));
  }
  Findings findings;
  auto emit = [&](std::string_view rule_name, CaseHits hits) {
    const Rule* rule = find_rule(rule_name);
    for (auto& hit : hits) {
      auto severity = case_severity(*rule, *hit.entry);
      if (!severity) continue;
      findings.push_back({std::string(rule_name), *severity, hit.entry->file, hit.location, std::move(hit.path),
                          std::move(hit.message)});
    }
  };
  for (const auto& view : views) {
    for (const auto& [name, check] : k_case_checks) emit(name, check(view, options));
  }
  emit("overlapping-plans", overlapping_plans(views));
  emit("duplicate-id", duplicate_conference_id(entries));
  sort_findings(findings);
  return findings;
}

}  // namespace cpconf
