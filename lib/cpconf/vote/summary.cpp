#include "cpconf/vote/summary.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>

#include <fmt/format.h>

#include "cpconf/check/rule.hpp"
#include "cpconf/derive/groupings.hpp"
#include "cpconf/text/words.hpp"

namespace cpconf {

namespace {

// The rules whose findings make a recorded decision inconsistent with its votes: `cpconf vote`
// exits 1 exactly when one of them fires, so the command and `cpconf validate` agree.
constexpr std::string_view k_consistency_rules[] = {"outcome-contradicts-votes", "tie-without-casting-vote",
                                                    "casting-vote-without-tie", "dissent-not-recorded"};

std::string_view trim(std::string_view text) {
  auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// A hit on decisions[3] or below belongs to that decision.
bool belongs_to(const std::string& hit_path, const std::string& decision_path) {
  return hit_path.compare(0, decision_path.size(), decision_path) == 0 &&
         (hit_path.size() == decision_path.size() || hit_path[decision_path.size()] == '.');
}

// Split votes are counted as split even where the record claims consensus: the votes are the
// evidence, and vote-without-consensus-attempt reports the claim.
DecidedBy decided_by(const VoteTally& t, const Decision& d, DecisionMode mode) {
  bool consensus = d.consensus.value_or(false);
  if (d.over_rule) return DecidedBy::over_rule;
  if (!t.has_votes()) return consensus ? DecidedBy::consensus : DecidedBy::no_votes;
  if (t.unanimous()) return consensus ? DecidedBy::consensus : DecidedBy::unanimous;
  if (mode == DecisionMode::chair_decides) return DecidedBy::chair;
  if (t.tie) return t.casting_vote ? DecidedBy::casting_vote : DecidedBy::no_casting_vote;
  return DecidedBy::majority;
}

std::string date_text(const Field<Date>& date) { return date ? date->str() : std::string(); }

std::optional<EscalationView> escalation_view(const Record& record, const Profile& profile, std::string_view grouping,
                                              std::string_view child) {
  const Escalation* e = dissent_escalation(record, profile, grouping, child);
  if (e == nullptr) return std::nullopt;
  return EscalationView{e->by.value_or(std::string()), date_text(e->raised), e->about.value_or(std::string())};
}

// The dissenter as the review shows it: its names, ids and reasoning redacted.
void show(Dissenter& d, const RecordReview& review) {
  for (std::string* text : {&d.grouping, &d.by, &d.by_name, &d.reasoning}) *text = review.shown(*text);
  if (d.escalation) {
    for (std::string* text : {&d.escalation->by, &d.escalation->about}) *text = review.shown(*text);
  }
}

// The entry as the review shows it. Called once the filter has chosen it by the names as
// written (--grouping), so that each record's contributions are redacted before they are merged.
void show(DissentEntry& e, const RecordReview& review) {
  for (std::string* text : {&e.file, &e.conference, &e.chair, &e.child, &e.child_name}) *text = review.shown(*text);
  for (auto& d : e.dissenters) show(d, review);
  if (e.chair_concern) {
    for (std::string* text : {&e.chair_concern->concern, &e.chair_concern->escalated_to}) *text = review.shown(*text);
  }
}

std::vector<Dissenter> dissenters(const DecisionReview& review, const Record& record, const Profile& profile) {
  const VoteTally& t = review.tally;
  std::vector<Dissenter> out;
  for (const auto& v : t.votes) {
    if (!v.counted || !contains(t.dissent_computed, *v.grouping)) continue;
    Dissenter d;
    d.grouping = *v.grouping;
    d.by = v.vote->by.value_or(std::string());
    if (v.voter != nullptr) d.by_name = v.voter->name.value_or(std::string());
    d.vote = v.vote->vote.value;
    d.reasoning = v.vote->reasoning.value_or(std::string());
    d.voted_against = true;
    d.listed = contains(t.dissent_recorded, d.grouping);
    d.escalation = escalation_view(record, profile, d.grouping, t.child);
    out.push_back(std::move(d));
  }
  for (const auto& g : t.dissent_listed_wrongly) {
    Dissenter d;
    d.grouping = g;
    d.listed = true;
    // A grouping listed without a counted vote against the outcome: show its vote, if any.
    for (const auto& v : t.votes) {
      if (!v.counted || v.grouping != g) continue;
      d.by = v.vote->by.value_or(std::string());
      if (v.voter != nullptr) d.by_name = v.voter->name.value_or(std::string());
      d.vote = v.vote->vote.value;
      d.reasoning = v.vote->reasoning.value_or(std::string());
    }
    d.escalation = escalation_view(record, profile, g, t.child);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

std::string_view decided_by_name(DecidedBy how) {
  switch (how) {
    case DecidedBy::consensus: return "consensus";
    case DecidedBy::unanimous: return "unanimous";
    case DecidedBy::majority: return "majority";
    case DecidedBy::casting_vote: return "casting vote";
    case DecidedBy::no_casting_vote: return "tie, no casting vote";
    case DecidedBy::over_rule: return "over-rule";
    case DecidedBy::chair: return "chair's decision";
    case DecidedBy::no_votes: return "no votes recorded";
  }
  return "?";
}

std::string RecordReview::shown(std::string_view text) const {
  return redactor.level() == Redaction::none ? std::string(text) : redactor.apply(text);
}

std::vector<std::string> RecordReview::shown(const std::vector<std::string>& texts) const {
  std::vector<std::string> out;
  out.reserve(texts.size());
  for (const auto& text : texts) out.push_back(shown(text));
  return out;
}

bool RecordReview::consistent() const {
  return std::all_of(decisions.begin(), decisions.end(), [](const DecisionReview& d) { return d.consistent(); });
}

RecordReview review_votes(const Record& record, const Profile& profile, const Calendar& calendar,
                          const RuleSettings* settings, const RedactionOptions& redaction) {
  RecordReview review{&record, &profile, {}, Redactor(record, redaction)};
  for (const auto& d : record.decisions) {
    DecisionReview dr{tally_votes(d, record, profile), DecidedBy::no_votes, {}};
    dr.decided_by = decided_by(dr.tally, d, profile.mode);
    review.decisions.push_back(std::move(dr));
  }
  // The consistency rules take no "today": they compare a decision with its own votes.
  for (Finding& finding : check_record(record, profile, calendar, Date{}, settings, k_consistency_rules)) {
    for (std::size_t i = 0; i < record.decisions.size(); ++i) {
      if (belongs_to(finding.path, record.decisions[i].path)) review.decisions[i].inconsistencies.push_back(finding);
    }
  }
  for (auto& d : review.decisions) {
    sort_findings(d.inconsistencies);
    for (auto& finding : d.inconsistencies) {
      finding.message = review.shown(finding.message);
      finding.file = review.shown(finding.file);
    }
  }
  return review;
}

std::string chair_key(std::string_view name) { return ascii_lowered(trim(name)); }

std::optional<Date> conference_date(const Record& record) {
  if (!record.conference.start) return std::nullopt;
  return record.conference.start->date;
}

bool VoteFilter::admits(const Record& record) const {
  auto date = conference_date(record);
  if ((since || until) && !date) return false;
  if (since && *date < *since) return false;
  if (until && *date > *until) return false;
  if (chair && !(record.conference.chair && chair_key(*record.conference.chair) == chair_key(*chair))) return false;
  return true;
}

std::vector<DissentEntry> dissent_entries(const RecordReview& review, const VoteFilter& filter) {
  const Record& record = *review.record;
  std::vector<DissentEntry> entries;
  if (!filter.admits(record)) return entries;
  for (const auto& dr : review.decisions) {
    const VoteTally& t = dr.tally;
    bool split = t.has_votes() && !t.unanimous();
    if (!split && t.dissent_recorded.empty()) continue;
    DissentEntry e;
    e.dissenters = dissenters(dr, record, *review.profile);
    if (filter.grouping && std::none_of(e.dissenters.begin(), e.dissenters.end(),
                                        [&](const Dissenter& d) { return d.grouping == *filter.grouping; })) {
      continue;
    }
    e.file = record.file;
    e.conference = record.conference.id.value_or(std::string());
    auto date = conference_date(record);
    e.date = date ? date->str() : std::string();
    e.chair = record.conference.chair.value_or(std::string());
    e.profile = review.profile->name;
    e.mode = review.profile->mode;
    e.child = t.child;
    const Child* child = find_child(record, t.child);
    if (child != nullptr) e.child_name = child->name.value_or(std::string());
    e.outcome = t.recorded;
    e.plan = t.plan_count();
    e.no_plan = t.no_plan_count();
    e.decided_by = dr.decided_by;
    if (const auto& c = dr.decision().chair_concern) {
      e.chair_concern = ChairConcernView{c->concern.value_or(std::string()), c->escalated_to.value_or(std::string()),
                                         c->escalated_on ? c->escalated_on->str() : std::string()};
    }
    show(e, review);
    entries.push_back(std::move(e));
  }
  return entries;
}

void sort_dissent(std::vector<DissentEntry>& entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const DissentEntry& a, const DissentEntry& b) {
    return std::tie(a.date, a.conference, a.file) < std::tie(b.date, b.conference, b.file);
  });
}

void VoteStats::add(const RecordReview& review, const VoteFilter& filter) {
  const Record& record = *review.record;
  const Profile& profile = *review.profile;
  ++files;
  if (!filter.admits(record)) {
    ++filtered_out;
    return;
  }
  ++conferences;
  auto date = conference_date(record);
  std::string day = date ? date->str() : std::string();
  if (!day.empty() && (first_date.empty() || day < first_date)) first_date = day;
  if (!day.empty() && day > last_date) last_date = day;
  // Counted under the chair's name as shown: at --redact=all every chair is "the chair".
  std::string chair_name(trim(review.shown(record.conference.chair.value_or(std::string()))));
  ChairCount& chair = chairs[chair_key(chair_name)];
  if (chair.name.empty()) chair.name = chair_name;
  ++chair.conferences;
  for (const auto& dr : review.decisions) {
    const VoteTally& t = dr.tally;
    const Decision& d = dr.decision();
    ++decisions;
    ++chair.decisions;
    ++decided_by[dr.decided_by];
    if (t.tie) ++ties;
    if (t.tie && t.casting_vote) {
      ++casting_votes;
      ++chair.casting_votes;
    }
    if (d.over_rule) {
      ++over_rules;
      ++chair.over_rules;
    }
    if (dr.against_majority()) {
      ++against_majority;
      ++chair.against_majority;
    }
    if (d.chair_concern) {
      ++chair.concerns;
      if (d.chair_concern->escalated_to && d.chair_concern->escalated_on) ++chair.concerns_escalated;
    }
    if (!dr.consistent()) ++inconsistent;
    std::vector<std::string_view> rules_fired;
    for (const auto& f : dr.inconsistencies) {
      if (std::find(rules_fired.begin(), rules_fired.end(), f.rule) == rules_fired.end()) rules_fired.push_back(f.rule);
    }
    for (auto rule : rules_fired) ++inconsistent_by_rule[std::string(rule)];
    if (t.recorded == Outcome::plan) {
      ++plans;
      const auto& list = d.categories.value_or(Ids{});
      if (list.empty()) ++plans_without_category;
      Ids seen;
      for (const auto& category : list) {
        // Counted under its national word, so that one category is one row across profiles.
        std::string national(profile.national_category(category));
        if (contains(seen, national)) continue;
        seen.push_back(national);
        ++categories[review.shown(national)];
      }
    } else if (t.recorded == Outcome::no_plan) {
      ++no_plans;
    }
    if (t.recorded) {
      for (const auto& v : t.votes) {
        if (!v.counted) continue;
        GroupingDissentCount& g = groupings[review.shown(*v.grouping)];
        ++g.votes;
        if (*v.vote->vote == *t.recorded) continue;
        ++g.dissents;
        if (dissent_escalation(record, profile, *v.grouping, t.child) != nullptr) ++g.escalated;
      }
    }
    if (t.social_care_prevailed) {
      social_care_prevailed.push_back({review.shown(record.file), review.shown(record.conference.id.value_or("")), day,
                                       review.shown(t.child), std::string(decided_by_name(dr.decided_by))});
    }
  }
}

void VoteStats::add_failure(LoadFailure failure) {
  ++files;
  failures.push_back(std::move(failure));
}

void VoteStats::merge(VoteStats&& other) {
  files += other.files;
  std::move(other.failures.begin(), other.failures.end(), std::back_inserter(failures));
  filtered_out += other.filtered_out;
  conferences += other.conferences;
  if (!other.first_date.empty() && (first_date.empty() || other.first_date < first_date)) first_date = other.first_date;
  if (other.last_date > last_date) last_date = other.last_date;
  decisions += other.decisions;
  for (const auto& [how, n] : other.decided_by) decided_by[how] += n;
  ties += other.ties;
  casting_votes += other.casting_votes;
  over_rules += other.over_rules;
  against_majority += other.against_majority;
  inconsistent += other.inconsistent;
  for (const auto& [rule, n] : other.inconsistent_by_rule) inconsistent_by_rule[rule] += n;
  plans += other.plans;
  no_plans += other.no_plans;
  for (const auto& [category, n] : other.categories) categories[category] += n;
  plans_without_category += other.plans_without_category;
  for (const auto& [id, g] : other.groupings) {
    GroupingDissentCount& mine = groupings[id];
    mine.votes += g.votes;
    mine.dissents += g.dissents;
    mine.escalated += g.escalated;
  }
  for (const auto& [key, c] : other.chairs) {
    ChairCount& mine = chairs[key];
    if (mine.name.empty()) mine.name = c.name;
    mine.conferences += c.conferences;
    mine.decisions += c.decisions;
    mine.casting_votes += c.casting_votes;
    mine.over_rules += c.over_rules;
    mine.against_majority += c.against_majority;
    mine.concerns += c.concerns;
    mine.concerns_escalated += c.concerns_escalated;
  }
  std::move(other.social_care_prevailed.begin(), other.social_care_prevailed.end(),
            std::back_inserter(social_care_prevailed));
}

int VoteStats::split_decisions() const {
  int split = decisions;
  for (DecidedBy how : {DecidedBy::consensus, DecidedBy::unanimous, DecidedBy::no_votes}) {
    auto it = decided_by.find(how);
    if (it != decided_by.end()) split -= it->second;
  }
  return split;
}

}  // namespace cpconf
