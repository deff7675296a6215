#pragma once

#include <map>
#include <string>
#include <tuple>

#include "cpconf/date.hpp"
#include "cpconf/finding.hpp"

namespace cpconf {

// Findings a team has accepted, so that only new ones fail a run. A finding is matched by file,
// rule, record path and message, not by line, so that edits elsewhere in a file keep it matched.
class Baseline {
 public:
  // Reads a baseline file written by to_text(). Throws ProfileError (an InputError) listing the
  // faults of a file that is not a baseline.
  static Baseline load(const std::string& path);

  // Whether the finding is in the baseline; each baseline entry matches one finding only.
  bool take(const Finding& finding);
  // Entries that matched no finding: the record was put right.
  int unmatched() const;

  // The baseline file for these findings (a YAML file, readable in review and in a diff).
  static std::string to_text(const Findings& findings, Date written_on);

 private:
  using Key = std::tuple<std::string, std::string, std::string, std::string>;
  std::map<Key, int> m_remaining;
};

}  // namespace cpconf
