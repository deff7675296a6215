#pragma once

#include <map>
#include <string>
#include <string_view>

#include "cpconf/check/file_report.hpp"
#include "cpconf/finding.hpp"

namespace cpconf {

// validate --statistics: how many findings each rule made, and how many fell to each chair and
// to each file, every list sorted by count (most first), then by name. A finding counts under
// the chair of its record's conference; a cross-record finding, or one of a record that did
// not load or names no chair, under none.
class FindingStatistics {
 public:
  void add(const Finding& finding, std::string_view chair);
  // Each finding of a file's report, under its conference's chair.
  void add(const FileReport& report);
  // "Findings by rule:", "Findings by chair:" and "Findings by file:", each line a count and a
  // name (one safe line); nothing at all when nothing was counted.
  std::string text(bool color) const;
  // {"rules":[{"rule":R,"count":N}],"chairs":[{"chair":C,"count":N}],"files":[{"file":F,"count":N}]},
  // a finding with no chair under "chair":null.
  std::string json() const;

 private:
  std::map<std::string, long, std::less<>> m_rules;
  std::map<std::string, long, std::less<>> m_chairs;  // "" for none
  std::map<std::string, long, std::less<>> m_files;
};

}  // namespace cpconf
