#include "cpconf/derive/tally.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cpconf/text/words.hpp"

namespace cpconf {

namespace {

void add_unique(std::vector<std::string>& ids, const std::string& id) {
  if (!contains(ids, id)) ids.push_back(id);
}

bool is_present(const Attendee& a) { return a.attendance.value_or(Attendance::apologies) == Attendance::present; }

bool involved_with(const Attendee& a, std::string_view child) {
  return a.children && std::find(a.children->begin(), a.children->end(), child) != a.children->end();
}

void count_votes(VoteTally& t, const Decision& d, const Record& record, const Profile& profile) {
  for (const auto& v : d.votes) {
    TalliedVote tv;
    tv.vote = &v;
    if (v.by) tv.voter = find_attendee(record, *v.by);
    if (tv.voter != nullptr) tv.voter_grouping = grouping_of(*tv.voter, record, profile);
    if (v.grouping) {
      tv.grouping = *v.grouping;
    } else if (tv.voter_grouping) {
      tv.grouping = tv.voter_grouping->id;
    }
    if (tv.grouping && v.vote) {
      auto same = std::find_if(t.duplicates.begin(), t.duplicates.end(),
                               [&](const DuplicateVotes& dup) { return dup.grouping == *tv.grouping; });
      bool first = !contains(t.plan, *tv.grouping) && !contains(t.no_plan, *tv.grouping);
      if (first) {
        tv.counted = true;
        (*v.vote == Outcome::plan ? t.plan : t.no_plan).push_back(*tv.grouping);
      } else if (same != t.duplicates.end()) {
        same->ignored.push_back(&v);
      } else {
        const Vote* counted = nullptr;
        for (const auto& earlier : t.votes) {
          if (earlier.counted && earlier.grouping == tv.grouping) counted = earlier.vote;
        }
        t.duplicates.push_back({*tv.grouping, counted, {&v}});
      }
    }
    t.votes.push_back(std::move(tv));
  }
}

void find_outcome(VoteTally& t, const Decision& d) {
  t.casting_vote = d.casting_vote.value;
  t.recorded = d.outcome.value;
  t.tie = t.plan.size() == t.no_plan.size() && !t.plan.empty();
  if (t.plan.size() > t.no_plan.size()) {
    t.majority = Outcome::plan;
  } else if (t.no_plan.size() > t.plan.size()) {
    t.majority = Outcome::no_plan;
  }
  t.votes_give = t.tie ? t.casting_vote : t.majority;
}

void compare_dissent(VoteTally& t, const Decision& d) {
  if (d.dissent) t.dissent_recorded = *d.dissent;
  if (!t.recorded) return;
  t.dissent_computed = *t.recorded == Outcome::plan ? t.no_plan : t.plan;
  for (const auto& g : t.dissent_computed) {
    if (!contains(t.dissent_recorded, g)) t.dissent_not_listed.push_back(g);
  }
  for (const auto& g : t.dissent_recorded) {
    if (!contains(t.dissent_computed, g)) add_unique(t.dissent_listed_wrongly, g);
  }
}

void find_eligible(VoteTally& t, const Record& record, const Profile& profile) {
  const Attendee* school_rep = nullptr;
  int school_reps = 0;
  for (const auto& a : record.attendees) {
    auto grouping = grouping_of(a, record, profile);
    if (!grouping) continue;
    if (!t.child.empty() && involved_with(a, t.child)) add_unique(t.eligible, grouping->id);
    if (grouping->id == profile.school_grouping && is_present(a)) {
      school_rep = &a;
      ++school_reps;
    }
  }
  if (school_reps == 1) {
    t.lone_school_representative = school_rep;
    add_unique(t.eligible, profile.school_grouping);
  }
}

void compare_social_care(VoteTally& t, const Profile& profile) {
  const std::string& csc = profile.social_care_grouping;
  if (contains(t.plan, csc)) {
    t.social_care_vote = Outcome::plan;
  } else if (contains(t.no_plan, csc)) {
    t.social_care_vote = Outcome::no_plan;
  }
  if (!t.recorded) return;
  const auto& with = *t.recorded == Outcome::plan ? t.plan : t.no_plan;
  const auto& against = *t.recorded == Outcome::plan ? t.no_plan : t.plan;
  for (const auto& g : with) {
    if (g != csc) t.others_with_outcome.push_back(g);
  }
  for (const auto& g : against) {
    if (g != csc) t.others_against_outcome.push_back(g);
  }
  t.social_care_prevailed =
      t.social_care_vote == t.recorded && t.others_against_outcome.size() > t.others_with_outcome.size();
}

}  // namespace

bool VoteTally::eligible_for_child(std::string_view grouping) const { return contains(eligible, grouping); }

const Escalation* dissent_escalation(const Record& record, const Profile& profile, std::string_view grouping,
                                     std::string_view child) {
  for (const auto& e : record.escalations) {
    if (!e.by) continue;
    const Attendee* by = find_attendee(record, *e.by);
    if (by == nullptr) continue;
    auto g = grouping_of(*by, record, profile);
    if (!g || g->id != grouping) continue;
    if (!e.children || e.children->empty() || contains(*e.children, child)) return &e;
  }
  return nullptr;
}

VoteTally tally_votes(const Decision& decision, const Record& record, const Profile& profile) {
  VoteTally t;
  t.decision = &decision;
  t.child = decision.child.value_or(std::string());
  t.separately = decision.separately.value_or(false);
  count_votes(t, decision, record, profile);
  find_outcome(t, decision);
  compare_dissent(t, decision);
  for (const auto& g : groupings_present(record, profile)) {
    bool voted = std::any_of(t.votes.begin(), t.votes.end(), [&](const TalliedVote& v) { return v.grouping == g; });
    if (!voted) t.present_not_voting.push_back(g);
  }
  find_eligible(t, record, profile);
  compare_social_care(t, profile);
  return t;
}

std::string describe_count(const VoteTally& tally) {
  auto side = [](std::string_view name, const std::vector<std::string>& groupings) {
    return groupings.empty() ? fmt::format("{} 0", name)
                             : fmt::format("{} {} ({})", name, groupings.size(), join(groupings));
  };
  return side("plan", tally.plan) + ", " + side("no-plan", tally.no_plan);
}

std::string describe_split(const VoteTally& tally) {
  return fmt::format("{}-{}", tally.plan.size(), tally.no_plan.size());
}

}  // namespace cpconf
