#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cpconf/check/rule.hpp"
#include "cpconf/derive/calendar.hpp"
#include "cpconf/finding.hpp"
#include "cpconf/load/record_reader.hpp"
#include "cpconf/profile.hpp"

namespace cpconf {

struct ValidateOptions {
  std::optional<std::string> profile;  // overrides the profile a record names
  Date as_of;
  YamlLimits limits;
  std::map<std::string, RuleSetting, std::less<>> rule_settings;  // from the configuration; win over the profile's
};

// Resolves and keeps the profiles records name, so each is read once.
class ProfileSet {
 public:
  // The profile for a record: the override, else the record's own, else england.
  const Profile& for_record(const Record& record, const ValidateOptions& options, Findings& findings);

 private:
  std::map<std::string, std::unique_ptr<Profile>, std::less<>> m_profiles;
  std::map<std::string, std::unique_ptr<Calendar>, std::less<>> m_calendars;

 public:
  const Calendar& calendar_for(const Profile& profile);
};

// Everything cpconf found about one input.
struct FileReport {
  std::string file;
  Findings findings;
  std::optional<Record> record;
  std::string profile;  // the profile the record was checked against
};

// Runs every enabled rule on a loaded record and applies the severity settings.
Findings check_record(const Record& record, const Profile& profile, const Calendar& calendar,
                      const ValidateOptions& options);

// Loads and checks one record held in memory.
FileReport validate_text(std::string_view text, const std::string& file, const ValidateOptions& options,
                         ProfileSet& profiles);

// The severity a rule's finding gets, or nothing when the rule is off.
std::optional<Severity> effective_severity(const Rule& rule, const Profile& profile, const ValidateOptions& options);

// Files named, and *.yaml / *.yml found under directories named, in a stable order.
// Paths that do not exist or cannot be listed go to errors.
struct Inputs {
  std::vector<std::string> files;
  std::vector<InputError> errors;
};
Inputs collect_inputs(const std::vector<std::string>& paths);

}  // namespace cpconf
