#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cpconf/date.hpp"
#include "cpconf/finding.hpp"
#include "cpconf/load/model.hpp"
#include "cpconf/profile.hpp"

namespace cpconf {

class Calendar;

// What the cross-record rules need of one record: a few dozen bytes a record, so that a
// whole archive's index fits in memory while the records themselves are not kept.
struct CaseEntry {
  std::string file;
  std::string conference_id;
  Location id_location;
  std::string case_id;
  ConferenceKind kind = ConferenceKind::initial;
  Date date;
  Location date_location;
  std::string previous;
  Location previous_location;
  bool inquorate = false;
  struct ChildOutcome {
    std::string key;  // the person number, else the record's child id
    std::string name_path;  // "decisions[0]" or "children[0]", for the finding's path
    Location location;
    std::optional<Outcome> outcome;
  };
  std::vector<ChildOutcome> children;
  const Profile* profile = nullptr;
  const Calendar* calendar = nullptr;
  const std::map<std::string, RuleSetting, std::less<>>* settings = nullptr;  // the configuration's, if any
};

CaseEntry make_case_entry(const Record& record, const Profile& profile, const Calendar& calendar);

struct CaseOptions {
  bool strict_case = false;  // report a missing previous conference even when the case's start is not given
};

// Runs the cross-record rules over every case found among the entries. Findings carry the file
// they point into; severities follow each record's profile and the given settings.
Findings check_cases(const std::vector<CaseEntry>& entries, const CaseOptions& options);

}  // namespace cpconf
