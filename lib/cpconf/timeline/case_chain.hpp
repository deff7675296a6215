#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cpconf/date.hpp"
#include "cpconf/derive/deadlines.hpp"
#include "cpconf/load/model.hpp"
#include "cpconf/load/profile.hpp"
#include "cpconf/timeline/timeline.hpp"

// The conferences of one case as a chain: each against the 3-month / 6-month limit from the
// one before, the children's plans from start to end, and the next review due.
namespace cpconf {

class Calendar;

struct ChainChild {
  std::string key;  // the person number, else the record's child id (as the case rules match children)
  std::string name;
  std::optional<Outcome> outcome;
};

// What the chain needs of one record, kept small so that a whole archive can be scanned.
struct ChainConference {
  std::string file;
  std::string id;
  std::string case_id;
  std::string previous;
  std::string chair;
  ConferenceKind kind = ConferenceKind::initial;
  Date date;
  std::optional<Date> next_review_set;
  bool made_plan = false;
  std::vector<ChainChild> children;
  const Profile* profile = nullptr;
  const Calendar* calendar = nullptr;
  // With --redact, how this record's names are hidden. The chain is linked by the ids as
  // written (records may redact the same id differently), and redacted once built.
  std::shared_ptr<const Redactor> redactor;
};

// Nothing when the record has no case id or no start.
std::optional<ChainConference> chain_conference(const Record& record, const Profile& profile, const Calendar& calendar,
                                                const RedactionOptions& redaction = {});

struct ChainLink {
  ChainConference conference;
  std::optional<std::size_t> from;  // the link its interval is measured from
  std::optional<Deadline> limit;    // the review's due date, months after `from`
  State state = State::event;       // met or missed against limit; event for a chain's start
  long late_days = 0;
  bool planned = false;     // dated after the as-of day
  int interval_months = 0;  // whole calendar months from `from`, then days
  long interval_rest_days = 0;
  long interval_days = 0;
  std::string note;  // a named previous conference not found, a chain broken
};

struct PlanSpan {
  std::string key;
  std::string name;
  std::size_t start;                   // link that made the plan
  std::vector<std::size_t> continued;  // reviews that kept it
  std::optional<std::size_t> end;      // review that ended it
};

struct NextReview {
  std::size_t from;   // the last link
  Deadline deadline;  // the latest date the profile allows
  DateTime due;       // the date set, else the latest allowed
  bool set = false;
  State state = State::due;  // due or overdue
  Lateness amount;
};

struct CaseChain {
  std::string case_id;
  Date as_of;
  std::vector<ChainLink> links;  // in date order
  std::vector<PlanSpan> plans;
  std::optional<NextReview> next;
  std::string no_next_reason;  // when next is empty
};

// Orders the conferences by date and measures each review from the previous conference it
// names (from the one before it when that is not among them), as the case rule review-late does.
// What a conference brings (its ids, chair, children, notes) is then redacted by its redactor.
CaseChain build_case_chain(std::string case_id, std::vector<ChainConference> conferences, Date as_of);

// "2 months 23 days", "3 months", "12 days".
std::string interval_text(int months, long days);

}  // namespace cpconf
