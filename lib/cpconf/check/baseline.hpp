#pragma once

#include <map>
#include <string>
#include <tuple>

#include "cpconf/date.hpp"
#include "cpconf/finding.hpp"

namespace cpconf {

// Findings a team has accepted, so that only new ones fail a run. A finding is matched by file,
// rule, record path and message, not by line, so that edits elsewhere in a file keep it matched.
// The file keeps a fingerprint (SHA-256) of rule, path and message, never the message, which
// names children and family members (version 2); version 1 files, with messages, are still read.
class Baseline {
 public:
  // Reads a baseline file written by to_text(). Throws ProfileError (an InputError) listing the
  // faults of a baseline that is not usable; a file that is not a baseline at all is named but
  // not quoted (see unrecognised_file).
  static Baseline load(const std::string& path);

  // Whether the finding is in the baseline; each baseline entry matches one finding only.
  bool take(const Finding& finding);
  // Entries that matched no finding: the record was put right.
  int unmatched() const;

  // The baseline file for these findings (a YAML file, readable in review and in a diff, with
  // no message and so no name in it).
  static std::string to_text(const Findings& findings, Date written_on);

 private:
  using Key = std::tuple<std::string, std::string, std::string, std::string>;
  std::map<Key, int> m_remaining;
};

}  // namespace cpconf
