#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cpconf/derive/groupings.hpp"
#include "cpconf/load/model.hpp"
#include "cpconf/load/profile.hpp"

// The count of one decision's votes: what the decision rules judge and `cpconf vote` shows.
// A tally points into the Record it was made from, which must outlive it.
namespace cpconf {

struct TalliedVote {
  const Vote* vote = nullptr;
  // The grouping the vote counts for: the vote's `grouping`, else its voter's grouping.
  std::optional<std::string> grouping;
  const Attendee* voter = nullptr;                 // nullptr when `by` names nobody in the record
  std::optional<ResolvedGrouping> voter_grouping;  // the voter's own grouping (grouping_of)
  // False for a vote without a grouping or a value, and for a grouping's second and later
  // votes: each grouping counts once, by its first vote.
  bool counted = false;
};

// A grouping that voted more than once for the child: the counted vote and the ones ignored.
struct DuplicateVotes {
  std::string grouping;
  const Vote* counted = nullptr;
  std::vector<const Vote*> ignored;
};

struct VoteTally {
  const Decision* decision = nullptr;
  std::string child;  // the child's id ("" when the decision names none)

  std::vector<TalliedVote> votes;  // every vote, in record order
  // The counted groupings on each side, in vote order.
  std::vector<std::string> plan;
  std::vector<std::string> no_plan;
  std::vector<DuplicateVotes> duplicates;

  bool tie = false;                     // equal counts, both above zero
  std::optional<Outcome> majority;      // nothing on a tie or without votes
  std::optional<Outcome> casting_vote;  // as recorded
  // What the votes give: the majority, or on a tie the casting vote; nothing on a tie
  // without a casting vote, or without votes.
  std::optional<Outcome> votes_give;
  std::optional<Outcome> recorded;  // the recorded outcome

  // Counted groupings whose vote differs from the recorded outcome, and the record's list.
  std::vector<std::string> dissent_computed;
  std::vector<std::string> dissent_recorded;
  std::vector<std::string> dissent_not_listed;      // computed but not in the record's list
  std::vector<std::string> dissent_listed_wrongly;  // in the record's list but not computed

  std::vector<std::string> present_not_voting;  // groupings present (or represented) without a vote

  // Children decided separately (003 §5.2): the groupings entitled to vote for this child.
  bool separately = false;
  std::vector<std::string> eligible;  // groupings with an attendee whose `children` lists the child
  // The one professional present for the school grouping, who may vote for every child (003 §5.1).
  const Attendee* lone_school_representative = nullptr;

  // Children's social care against the rest (000).
  std::optional<Outcome> social_care_vote;
  std::vector<std::string> others_with_outcome;     // other counted groupings that voted for the outcome
  std::vector<std::string> others_against_outcome;  // and against it
  bool social_care_prevailed = false;               // CSC voted with the outcome, most other groupings against

  std::size_t plan_count() const { return plan.size(); }
  std::size_t no_plan_count() const { return no_plan.size(); }
  bool has_votes() const { return !plan.empty() || !no_plan.empty(); }
  bool unanimous() const { return has_votes() && (plan.empty() || no_plan.empty()); }
  bool eligible_for_child(std::string_view grouping) const;
};

VoteTally tally_votes(const Decision& decision, const Record& record, const Profile& profile);

// The professional-differences escalation by an attendee of this grouping that covers the
// child (an escalation naming no children covers them all), or nullptr.
const Escalation* dissent_escalation(const Record& record, const Profile& profile, std::string_view grouping,
                                     std::string_view child);

// "plan 3 (childrens-social-care, police, education), no-plan 1 (housing)".
std::string describe_count(const VoteTally& tally);
// "3-1": the plan count, then the no-plan count.
std::string describe_split(const VoteTally& tally);

}  // namespace cpconf
