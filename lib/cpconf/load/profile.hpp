#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cpconf/date.hpp"
#include "cpconf/finding.hpp"
#include "cpconf/load/model.hpp"

namespace cpconf {

enum class DecisionMode { grouping_vote, chair_decides };

// What the initial conference's timescale is counted from: the strategy discussion (Working
// Together, most local procedures) or the start of the section 47 enquiry (the DfE's statistic).
enum class InitialClock { strategy_discussion, s47_started };

struct GroupingDef {
  std::string id;
  std::string name;
  // Lower-case words or phrases; an attendee whose role or agency contains one as whole
  // words belongs to this grouping.
  std::vector<std::string> keywords;
};

// The timescales of the procedures (cpconf-profile(5)), as the local procedure sets them.
struct Timescales {
  int initial_conference_working_days = 15;
  int report_hours_before_initial = 48;
  int report_working_days_before_review = 5;
  int plan_hours = 24;
  int core_group_working_days = 10;
  int minutes_working_days = 20;
  int amendment_working_days = 5;
  int observer_request_days = 7;
  int transfer_in_working_days = 15;
  int pre_birth_weeks_before_due = 10;
  int reconvene_working_days = 10;  // an inquorate initial conference (pre-birth, transfer-in too)
  std::optional<int> reconvene_review_working_days;  // an inquorate review; unset: as an initial
  int first_review_months = 3;
  int later_review_months = 6;
  int escalation_working_days = 1;

  // Working days within which an inquorate conference of this kind reconvenes.
  int reconvene_limit(ConferenceKind kind) const;
};

// The categories of abuse the national figures count (the children in need census).
inline constexpr std::string_view k_national_categories[] = {"neglect", "physical", "emotional", "sexual",
                                                             "multiple"};

// A rule's setting in a profile or configuration: a new severity, or off.
struct RuleSetting {
  bool enabled = true;
  std::optional<Severity> severity;
};
// Rule settings by rule name.
using RuleSettings = std::map<std::string, RuleSetting, std::less<>>;

// The local procedure a record is checked against.
struct Profile {
  std::string name;
  std::string description;
  std::string source;
  DecisionMode mode = DecisionMode::chair_decides;
  bool chair_may_over_rule = true;
  std::vector<GroupingDef> groupings;
  std::vector<Capacity> non_voting;
  int quorum_min_groupings = 3;
  std::vector<std::string> quorum_required;
  std::vector<std::string> categories;
  // Each local category's national one, where the words differ (north-wales:
  // emotional-psychological is emotional); a category that is a national word maps to itself.
  std::map<std::string, std::string, std::less<>> national_categories;
  InitialClock initial_clock = InitialClock::strategy_discussion;
  std::string social_care_grouping = "childrens-social-care";
  std::string school_grouping = "education";
  Timescales timescales;
  int max_professionals = 10;
  int max_minutes = 120;
  bool forbid_consecutive_inquorate = true;
  std::vector<Date> closure_days;
  std::vector<Date> bank_holidays_added;    // announced after this build, or local to the profile
  std::vector<Date> bank_holidays_removed;  // regular days that a later announcement moved
  RuleSettings rules;

  const GroupingDef* grouping(std::string_view id) const;
  bool is_non_voting(Capacity capacity) const;
  // The national word for a local category, for figures across profiles; a word the profile
  // does not map is its own.
  std::string_view national_category(std::string_view local) const;
};

// Thrown when a profile cannot be used; carries every finding with its place.
class ProfileError : public InputError {
 public:
  ProfileError(std::string file, std::string message, Findings findings);
  const Findings& findings() const { return m_findings; }

 private:
  Findings m_findings;
};

// Whether text plainly is a file of the kind whose version key is `key` (cpconf-profile,
// cpconf-config, cpconf-baseline): its first key, past blank lines and comments, is that key.
bool starts_with_key(std::string_view text, std::string_view key);

// The error for a file given as a profile, configuration or baseline (`what`) whose first key
// is not `key`: it names the file and its first fault, but quotes none of it and carries no
// finding to excerpt, for it may be any readable file (/etc/shadow) and the error may reach a
// CI log. Returns nothing when the file plainly is one (starts_with_key), whose faults are
// then reported in full.
std::optional<ProfileError> unrecognised_file(std::string_view text, const std::string& path, std::string_view key,
                                              std::string_view what);

}  // namespace cpconf
