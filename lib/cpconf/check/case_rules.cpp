#include "cpconf/check/case_rules.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "cpconf/bytes.hpp"
#include "cpconf/check/case_index_bytes.hpp"
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
  std::vector<std::string> quoted = {};  // Finding::quoted
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
                                e->conference_id, e->previous, view.case_id),
                    {e->previous}});
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
      std::string had = before == nullptr             ? "was not considered there"
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

// A plan a conference made for a child, open until the first later review of its case that ended
// it. Plans travel from the case buckets to buckets by child, so they keep their own copy of the
// conference, and the order the rule compares them in.
struct OpenPlan {
  CaseEntry start;
  std::uint32_t child;     // in start.children
  std::uint32_t position;  // of start among its case's conferences, in date order
  Date end;                // the conference that ended it, or far in the future
};

// The plans a case's conferences opened.
std::vector<OpenPlan> plans_opened(const CaseView& view) {
  std::vector<OpenPlan> plans;
  for (std::size_t i = 0; i < view.entries.size(); ++i) {
    const CaseEntry* e = view.entries[i];
    if (!starts_case(e->kind)) continue;
    for (std::size_t c = 0; c < e->children.size(); ++c) {
      const auto& child = e->children[c];
      if (child.outcome != Outcome::plan) continue;
      Date end{9999, 12, 31};
      for (std::size_t j = i + 1; j < view.entries.size(); ++j) {
        const auto* later = find_child(*view.entries[j], child.key);
        if (view.entries[j]->kind == ConferenceKind::review && later && later->outcome == Outcome::no_plan) {
          end = view.entries[j]->date;
          break;
        }
      }
      plans.push_back({*e, static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(i), end});
    }
  }
  return plans;
}

// Two plans open at once for one child, across every case: plans holds every plan of the
// children it names.
CaseHits overlapping_plans(const std::vector<OpenPlan>& plans) {
  std::map<std::string_view, std::vector<const OpenPlan*>> by_child;
  for (const auto& plan : plans) by_child[plan.start.children[plan.child].key].push_back(&plan);
  CaseHits hits;
  for (auto& [key, list] : by_child) {
    std::sort(list.begin(), list.end(), [](const OpenPlan* a, const OpenPlan* b) {
      return std::tie(a->start.date, a->start.case_id, a->position, a->child) <
             std::tie(b->start.date, b->start.case_id, b->position, b->child);
    });
    for (std::size_t i = 1; i < list.size(); ++i) {
      const OpenPlan& earlier = *list[i - 1];
      const OpenPlan& later = *list[i];
      if (later.start.date >= earlier.end) continue;
      const auto& child = later.start.children[later.child];
      hits.push_back({&later.start, child.location, child.name_path,
                      fmt::format("child '{}' is given a plan at {} while the plan made at {} is still open: a "
                                  "child has one plan at a time",
                                  key, describe(later.start), describe(earlier.start))});
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
    {"previous-missing", previous_missing},           {"case-chain-broken", case_chain_broken},
    {"review-without-plan", review_without_plan},     {"review-late", review_late},
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
    {"case-chain-broken", Family::case_chain, Severity::error, "the records of a case do not form one chain",
     "cpconf-record(5): conference.previous",
     "Each review follows exactly one earlier conference of its case. Two reviews that name the same "
     "predecessor, or a review dated on or before its predecessor, break the chain.",
     nullptr},
    {"review-without-plan", Family::case_chain, Severity::error,
     "a review conference for a child who had no plan after the previous conference", "DfE CIN census validation 8841",
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
    {"s47-after-conference", Family::case_chain, Severity::error, "the s47 start is after the initial conference",
     "DfE CIN census validation 8615",
     "The section 47 enquiry leads to the initial conference, so it cannot start after it.", s47_after_conference},
    {"review-late", Family::timescales, Severity::warning,
     "a review was held after its due date (3 months after the initial, then 6 months after the previous)",
     "Matthews, Five steps towards better child protection conferences (Community Care); Working Together to Safeguard Children 2023, chapter 4",
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

CaseIndex::CaseIndex(CaseOptions options, std::size_t memory_limit)
    : m_options(options),
      m_memory_limit(memory_limit),
      m_by_case(k_buckets, memory_limit),
      m_by_id(k_buckets, memory_limit) {}

void CaseIndex::add(const CaseEntry& entry) {
  ++m_count;
  bool in_a_case = !entry.case_id.empty() && entry.date.year != 0;
  if (!in_a_case && entry.conference_id.empty()) return;
  std::string bytes = encode(entry);
  if (in_a_case) m_by_case.add(bucket_of(entry.case_id), bytes);
  if (!entry.conference_id.empty()) m_by_id.add(bucket_of(entry.conference_id), bytes);
}

void CaseIndex::check(const std::function<void(Finding&&)>& use) {
  FindingSorter findings(m_memory_limit);
  auto emit = [&](std::string_view rule_name, CaseHits hits) {
    const Rule* rule = find_rule(rule_name);
    for (auto& hit : hits) {
      auto severity = case_severity(*rule, *hit.entry);
      if (!severity) continue;
      findings.add({std::string(rule_name), *severity, hit.entry->file, hit.location, std::move(hit.path),
                    std::move(hit.message), std::move(hit.quoted)});
    }
  };
  // One bucket of cases at a time; the plans they open go on to buckets by child.
  SpillBuckets plans_by_child(k_buckets, m_memory_limit);
  for (std::size_t bucket = 0; bucket < k_buckets; ++bucket) {
    std::vector<CaseEntry> entries = decode(m_by_case.bucket(bucket));
    std::map<std::string_view, CaseView> cases;
    for (const auto& e : entries) {
      CaseView& view = cases[e.case_id];
      view.case_id = e.case_id;
      view.entries.push_back(&e);
    }
    for (auto& [id, view] : cases) {
      std::stable_sort(view.entries.begin(), view.entries.end(),
                       [](const CaseEntry* a, const CaseEntry* b) { return a->date < b->date; });
      view.whole = std::any_of(view.entries.begin(), view.entries.end(),
                               [](const CaseEntry* e) { return starts_case(e->kind); });
      for (const CaseEntry* e : view.entries) view.by_id.emplace(e->conference_id, e);
      for (const auto& [name, check] : k_case_checks) emit(name, check(view, m_options));
      for (const OpenPlan& plan : plans_opened(view)) {
        ByteWriter out;
        out.text(encode(plan.start));
        for (std::uint32_t number : {plan.child, plan.position}) out.u32(number);
        write_date(out, plan.end);
        plans_by_child.add(bucket_of(plan.start.children[plan.child].key), out.bytes());
      }
    }
  }
  for (std::size_t bucket = 0; bucket < k_buckets; ++bucket) {
    auto plans = read_all<OpenPlan>(plans_by_child.bucket(bucket), [this](ByteReader& in) {
      std::vector<CaseEntry> start = decode(in.text_view());
      OpenPlan plan{start.empty() ? CaseEntry{} : std::move(start.front()), in.u32(), in.u32(), read_date(in)};
      if (plan.child >= plan.start.children.size()) in.fail();
      return plan;
    });
    emit("overlapping-plans", overlapping_plans(plans));
  }
  for (std::size_t bucket = 0; bucket < k_buckets; ++bucket) {
    emit("duplicate-id", duplicate_conference_id(decode(m_by_id.bucket(bucket))));
  }
  findings.drain(use);
}

Findings check_cases(const std::vector<CaseEntry>& entries, const CaseOptions& options) {
  CaseIndex index(options);
  for (const auto& entry : entries) index.add(entry);
  Findings findings;
  index.check([&](Finding&& finding) { findings.push_back(std::move(finding)); });
  return findings;
}

}  // namespace cpconf
