#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cpconf/check/validator.hpp"
#include "cpconf/derive/redact.hpp"
#include "cpconf/derive/tally.hpp"

// What `cpconf vote` shows: each decision of a record judged against its votes, the
// decisions that were not unanimous, and statistics over many records.
namespace cpconf {

// How a decision was reached; each decision is exactly one of these.
enum class DecidedBy {
  consensus,        // `consensus: true`, and the votes, if any, all the same
  unanimous,        // every counted vote (or view) the same, without a recorded consensus
  majority,         // grouping vote: the larger side
  casting_vote,     // grouping vote: a tie decided by the chair's casting vote
  no_casting_vote,  // grouping vote: a tie and no casting vote
  over_rule,        // the chair over-ruled the votes
  chair,            // chair-decides: the chair decided on views that differed
  no_votes,         // no votes or views recorded
};

std::string_view decided_by_name(DecidedBy how);

// One decision as `cpconf vote` shows it. Points into the Record, which must outlive it.
struct DecisionReview {
  VoteTally tally;
  DecidedBy decided_by = DecidedBy::no_votes;
  Findings inconsistencies;  // the consistency rules' findings on this decision

  const Decision& decision() const { return *tally.decision; }
  bool consistent() const { return inconsistencies.empty(); }
  // The recorded outcome differs from the larger side of the votes or views.
  bool against_majority() const { return tally.recorded && tally.majority && *tally.recorded != *tally.majority; }
};

struct RecordReview {
  const Record* record = nullptr;
  const Profile* profile = nullptr;
  std::vector<DecisionReview> decisions;  // in record order
  // --redact: how this record's names are shown. The votes are tallied on the record as
  // written; every format, the dissent list and the statistics pass each text they take from
  // the record through shown().
  Redactor redactor;

  bool consistent() const;
  // The text as the redactor shows it; exactly the text when nothing is redacted.
  std::string shown(std::string_view text) const;
  std::vector<std::string> shown(const std::vector<std::string>& texts) const;
};

// Tallies every decision of the record and runs the consistency rules on it, as enabled for
// this record's profile and configuration. With a redaction, the findings' messages and file
// are redacted too.
RecordReview review_votes(const Record& record, const Profile& profile, const Calendar& calendar,
                          const RuleSettings* settings, const RedactionOptions& redaction = {});

// A chair's name compared as --chair compares it: lower case, blanks at either end ignored.
std::string chair_key(std::string_view name);

// The conference's date: the date part of its start.
std::optional<Date> conference_date(const Record& record);

// --since, --until, --chair and --grouping.
struct VoteFilter {
  std::optional<Date> since;
  std::optional<Date> until;
  std::optional<std::string> chair;     // the conference's chair, ignoring case and surrounding blanks
  std::optional<std::string> grouping;  // a grouping among the dissenters

  // The record's date and chair match.
  bool admits(const Record& record) const;
};

struct EscalationView {
  std::string by;
  std::string raised;  // YYYY-MM-DD, or "" when the record gives none
  std::string about;
};

// A grouping that voted against the outcome, or that the record lists as dissenting.
struct Dissenter {
  std::string grouping;
  std::string by;       // the voter's id; "" when listed without a vote
  std::string by_name;  // "" when `by` names nobody
  std::optional<Outcome> vote;
  std::string reasoning;
  bool voted_against = false;  // its counted vote differs from the outcome
  bool listed = false;         // in the record's `dissent` list
  std::optional<EscalationView> escalation;
};

struct ChairConcernView {
  std::string concern;
  std::string escalated_to;  // "" when not escalated
  std::string escalated_on;  // "YYYY-MM-DD HH:MM", or ""
};

// A decision that was not unanimous, as the dissent list shows it; values only, so it
// outlives its record.
struct DissentEntry {
  std::string file;
  std::string conference;
  std::string date;  // YYYY-MM-DD
  std::string chair;
  std::string profile;
  DecisionMode mode = DecisionMode::grouping_vote;
  std::string child;
  std::string child_name;
  std::optional<Outcome> outcome;
  std::size_t plan = 0;  // counted votes or views on each side
  std::size_t no_plan = 0;
  DecidedBy decided_by = DecidedBy::no_votes;
  std::vector<Dissenter> dissenters;
  std::optional<ChairConcernView> chair_concern;
};

// The record's decisions whose counted votes differ or that list dissent, in record order,
// kept when the filter admits the record and (with --grouping) the grouping dissented.
std::vector<DissentEntry> dissent_entries(const RecordReview& review, const VoteFilter& filter);

// Orders entries by date, then conference, file and record order, whatever order the
// records were read in.
void sort_dissent(std::vector<DissentEntry>& entries);

// A file `cpconf vote` could not use, with the loader's findings and the text they point into.
struct LoadFailure {
  std::string file;
  std::string message;
  Findings findings;
  std::string source;
};

// Counts for one grouping: its counted votes on decisions with an outcome, how many went
// against the outcome, and how many of those were escalated.
struct GroupingDissentCount {
  int votes = 0;
  int dissents = 0;
  int escalated = 0;
};

struct ChairCount {
  std::string name;  // as the first record counted writes it
  int conferences = 0;
  int decisions = 0;
  int casting_votes = 0;
  int over_rules = 0;
  int against_majority = 0;
  int concerns = 0;  // chair's concerns recorded
  int concerns_escalated = 0;
};

// A decision named in the statistics.
struct DecisionRef {
  std::string file;
  std::string conference;
  std::string date;
  std::string child;
  std::string decided_by;
};

// Audit statistics over many records. Built one record at a time and merged in input order,
// so the result does not depend on how many threads read the records.
struct VoteStats {
  int files = 0;  // inputs read or tried
  std::vector<LoadFailure> failures;
  int filtered_out = 0;  // loaded, outside --since/--until/--chair
  int conferences = 0;
  std::string first_date;  // of the conferences counted; "" when none
  std::string last_date;
  int decisions = 0;
  std::map<DecidedBy, int> decided_by;
  int ties = 0;
  int casting_votes = 0;  // ties decided by a casting vote
  int over_rules = 0;
  int against_majority = 0;
  int inconsistent = 0;
  std::map<std::string, int, std::less<>> inconsistent_by_rule;
  int plans = 0;
  int no_plans = 0;
  // Plans per national category of abuse (Profile::national_category); a plan counts once per category.
  std::map<std::string, int, std::less<>> categories;
  int plans_without_category = 0;
  std::map<std::string, GroupingDissentCount, std::less<>> groupings;
  std::map<std::string, ChairCount, std::less<>> chairs;  // by chair_key
  std::vector<DecisionRef> social_care_prevailed;

  void add(const RecordReview& review, const VoteFilter& filter);
  void add_failure(LoadFailure failure);
  void merge(VoteStats&& other);
  int split_decisions() const;  // neither consensus, unanimous nor without votes
};

}  // namespace cpconf
