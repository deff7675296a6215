#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cpconf/check/case_rules.hpp"
#include "cpconf/check/file_report.hpp"
#include "cpconf/check/names.hpp"
#include "cpconf/check/rule.hpp"
#include "cpconf/git_changes.hpp"
#include "cpconf/load/opened_record.hpp"

namespace cpconf {

// The severity a rule's finding gets, or nothing when the rule is off: the rule's default,
// then the profile's setting, then the configuration's (which may be null).
std::optional<Severity> effective_severity(const Rule& rule, const Profile& profile, const RuleSettings* settings);

// Runs the enabled single-record rules on a loaded record: every rule, or only those named.
Findings check_record(const Record& record, const Profile& profile, const Calendar& calendar, Date as_of,
                      const RuleSettings* settings, std::span<const std::string_view> only = {});

// The rules a list of rule and family names stands for. Throws InputError naming an unknown one.
std::vector<std::string> expand_rule_names(const std::vector<std::string>& names);

// Checks records and keeps the compact index the cross-record rules need. check() may run on
// several threads at once; remember() and finish() run on one.
class Validator {
 public:
  struct Settings {
    Date as_of;
    YamlLimits limits;  // for the earlier versions edited-after-sign-off reads
    CaseOptions case_options;
    // Rule or family names: with select, only those rules run; ignore switches rules off.
    std::vector<std::string> select;
    std::vector<std::string> ignore;
    // Messages name children and family members by their record paths, never by name.
    bool redact_names = false;
    // The record's own text that findings quote (Finding::quoted) is replaced by placeholders, as
    // with redact_names, for a caller that redacts names itself (render --redact).
    bool hide_quoted_text = false;
    // --changed-since: each changed input's latest change, keyed by the path as given.
    std::map<std::string, FileChange> changes;
    // Hand each loaded record back in FileReport::record, for a caller that goes on to use it
    // (render), so that it is not parsed a second time.
    bool keep_records = false;
  };

  // Throws InputError when select or ignore names no rule or family.
  explicit Validator(Settings settings);

  // Checks one opened record (source/record_source.hpp), taking its record and findings; its
  // text stays, for the excerpts findings show.
  FileReport check(OpenedRecord& opened);

  // Adds a checked record to the cross-record index, in input order.
  void remember(const CaseEntry& entry) { m_cases.add(entry); }

  // Hands each cross-record finding over every record remembered to use, in sort_findings'
  // order, without holding them all. Called once, after the last remember().
  void finish(const std::function<void(Finding&&)>& use);

 private:
  // The configuration's settings with select and ignore applied, once per configuration.
  const RuleSettings* settings_for(const RuleSettings* config_rules);
  void redact(FileReport& report, const Record& record, const OpenedRecord& opened);
  void hide_quoted_text(FileReport& report);

  Settings m_settings;
  std::mutex m_mutex;  // guards the settings and names below
  CaseIndex m_cases;
  std::set<std::string> m_switched_off;  // by select and ignore
  std::map<const RuleSettings*, std::unique_ptr<RuleSettings>> m_settings_by_config;
  // With redact_names, the names a file's ids and name give away (when they give any away), for
  // the cross-record findings, which quote ids and file names.
  std::map<std::string, NameRedactor, std::less<>> m_id_names;
  // With redact_names, each file's placeholders for the text its findings quote, for the
  // cross-record findings of the same file to number on from.
  std::map<std::string, QuotedTextHider, std::less<>> m_quoted_text;
};

}  // namespace cpconf
