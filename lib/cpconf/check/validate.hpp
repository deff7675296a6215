#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cpconf/batch.hpp"
#include "cpconf/check/case_rules.hpp"
#include "cpconf/check/rule.hpp"
#include "cpconf/check/waivers.hpp"
#include "cpconf/config.hpp"
#include "cpconf/derive/calendar.hpp"
#include "cpconf/finding.hpp"
#include "cpconf/git_changes.hpp"
#include "cpconf/load/record_reader.hpp"
#include "cpconf/load/tree_cache.hpp"
#include "cpconf/present/privacy.hpp"
#include "cpconf/profile.hpp"
#include "cpconf/spill.hpp"

namespace cpconf {

using RuleSettings = std::map<std::string, RuleSetting, std::less<>>;

struct ValidateOptions {
  std::optional<std::string> profile;  // overrides the profile a record names
  Date as_of;
  YamlLimits limits;
  RuleSettings rule_settings;  // from the configuration; win over the profile's
  bool cache = false;          // read parsed trees from, and keep them in, .cpconf-cache/
};

// The severity a rule's finding gets, or nothing when the rule is off: the rule's default,
// then the profile's setting, then the configuration's.
std::optional<Severity> effective_severity(const Rule& rule, const Profile& profile, const ValidateOptions& options);

// Resolves and keeps the profiles records name, so each is read once.
class ProfileSet {
 public:
  // The profile for a record: the override, else the record's own, else england. A record
  // naming no built-in profile gets an invalid-value finding and england.
  const Profile& for_record(const Record& record, const ValidateOptions& options, Findings& findings);
  const Calendar& calendar_for(const Profile& profile);

 private:
  std::map<std::string, std::unique_ptr<Profile>, std::less<>> m_profiles;
  std::map<std::string, std::unique_ptr<Calendar>, std::less<>> m_calendars;
};

// Runs every enabled single-record rule on a loaded record.
Findings check_record(const Record& record, const Profile& profile, const Calendar& calendar,
                      const ValidateOptions& options);

// Everything cpconf found about one input.
struct FileReport {
  std::string file;
  Findings findings;
  std::vector<WaivedFinding> waived;
  std::string profile;  // the profile the record was checked against; empty when it did not load
  std::optional<CaseEntry> case_entry;  // for the cross-record rules; hand it to Validator::remember
  std::optional<Record> record;         // with Settings::keep_records: the record as loaded
};

// Checks records and keeps the compact index the cross-record rules need. check() may run on
// several threads at once; remember() and finish() run on one.
class Validator {
 public:
  struct Settings {
    std::optional<std::string> profile;  // --profile
    Date as_of;
    YamlLimits limits;
    enum class ConfigMode { search, none, file } config_mode = ConfigMode::search;
    std::string config_file;  // with ConfigMode::file
    CaseOptions case_options;
    bool cache = false;  // keep parsed trees in .cpconf-cache/ beside the records
    // Rule or family names: with select, only those rules run; ignore switches rules off.
    std::vector<std::string> select;
    std::vector<std::string> ignore;
    // Messages name children and family members by their record paths, never by name.
    bool redact_names = false;
    // --changed-since: each changed input's latest change, keyed by the path given to check().
    std::map<std::string, FileChange> changes;
    // Hand each loaded record back in FileReport::record, for a caller that goes on to use it
    // (render), so that it is not parsed a second time.
    bool keep_records = false;
  };

  explicit Validator(Settings settings);

  // Checks one record; config_path is where to search for .cpconf.yaml from (the input's path).
  // Throws ProfileError when the record's configuration or profile file is unusable.
  FileReport check(std::string_view text, const std::string& display_name, const std::string& config_path);

  // Adds a checked record to the cross-record index, in input order.
  void remember(const CaseEntry& entry) { m_cases.add(entry); }

  // Hands each cross-record finding over every record remembered to use, in sort_findings'
  // order, without holding them all. Called once, after the last remember().
  void finish(const std::function<void(Finding&&)>& use);

 private:
  // The options for one input, and the configuration's rule settings (or nullptr).
  std::pair<ValidateOptions, const RuleSettings*> options_for(const std::string& config_path);

  Settings m_settings;
  std::mutex m_mutex;  // guards the configuration and profile caches
  ConfigFinder m_configs;
  std::optional<Config> m_fixed_config;
  ProfileSet m_profiles;
  TreeCache m_tree_cache;
  CaseIndex m_cases;
  std::set<std::string> m_switched_off;  // by select and ignore
  // With redact_names, the names a file's ids and name give away (when they give any away), for
  // the cross-record findings, which quote ids and file names.
  std::map<std::string, NameRedactor, std::less<>> m_id_names;
};

// The rules a list of rule and family names stands for. Throws InputError naming an unknown one.
std::vector<std::string> expand_rule_names(const std::vector<std::string>& names);

// Files named, and *.yaml / *.yml found under directories named, in a stable order: each
// directory's records sorted by path. Paths that do not exist or cannot be listed go to errors.
// The list spills to a temporary file, so that it costs little memory however long it is.
struct Inputs {
  SpilledList files;
  std::vector<InputError> errors;
  bool reads_stdin = false;  // "-" is among the files
};
Inputs collect_inputs(const std::vector<std::string>& paths);

// Runs work on each input file on `jobs` threads (one when standard input is among them: it can
// be read once only) and hands the results to emit in input order, reading the list as it goes.
template <class Result>
void ordered_over_inputs(Inputs& inputs, unsigned jobs, const std::function<Result(std::size_t, std::string&)>& work,
                         const std::function<void(std::size_t, Result&&)>& emit) {
  SpilledList::Reader files = inputs.files.reader();
  std::function<std::optional<std::string>()> next = [&] { return files.next(); };
  ordered_stream<std::string, Result>(next, inputs.reads_stdin ? 1 : jobs, work, emit);
}

// What --changed-since checks: the changed inputs, and the other inputs the cross-record rules
// need beside them (context): those of the same case, and those sharing a conference id or a
// child's person number with a changed one. An input that cannot be read or loaded is context
// for nothing; a changed one is kept, to be reported.
struct ChangedSelection {
  std::vector<std::string> files;  // in input order
  std::vector<bool> context;       // per file: read for the cross-record rules only
};
ChangedSelection select_changed(const std::vector<std::string>& files, const std::map<std::string, FileChange>& changes,
                                const YamlLimits& limits, unsigned jobs);

}  // namespace cpconf
