#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cpconf/date.hpp"
#include "cpconf/finding.hpp"
#include "cpconf/load/model.hpp"
#include "cpconf/load/profile.hpp"
#include "cpconf/spill.hpp"

namespace cpconf {

class Calendar;

// What the cross-record rules need of one record: its case, ids, dates and each child's outcome.
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
    std::string key;        // the person number, else the record's child id
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

// The index the cross-record rules read, and the rules themselves. Entries are added in input
// order and kept in a SpillBuckets store, grouped by a hash of the case (and of the conference id,
// for the uniqueness rule), so that checking an archive holds one bucket's cases in memory at a
// time, not the whole archive's index: memory stays flat from 10,000 records to 50,000.
class CaseIndex {
 public:
  explicit CaseIndex(CaseOptions options, std::size_t memory_limit = SpillStore::k_default_memory_limit);

  // Keeps what the rules need of the entry. Its profile, calendar and settings must outlive the index.
  void add(const CaseEntry& entry);
  std::size_t size() const { return m_count; }

  // Runs the cross-record rules over every case found among the entries and hands each finding
  // to use, in sort_findings' order. Findings carry the file they point into; severities follow
  // each record's profile and the given settings. Called once, after the last add().
  void check(const std::function<void(Finding&&)>& use);

 private:
  struct Context {
    const Profile* profile;
    const Calendar* calendar;
    const std::map<std::string, RuleSetting, std::less<>>* settings;
    bool operator==(const Context&) const = default;
  };
  std::string encode(const CaseEntry& entry);
  std::vector<CaseEntry> decode(std::string_view bytes) const;

  CaseOptions m_options;
  std::size_t m_memory_limit;
  std::vector<Context> m_contexts;  // the few distinct profiles and settings, which entries refer to by number
  SpillBuckets m_by_case;           // entries with a case id and a date, by a hash of the case id
  SpillBuckets m_by_id;             // entries with a conference id, by a hash of it
  std::size_t m_count = 0;
};

// The cross-record findings over the given entries, through a CaseIndex.
Findings check_cases(const std::vector<CaseEntry>& entries, const CaseOptions& options);

}  // namespace cpconf
