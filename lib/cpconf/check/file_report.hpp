#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cpconf/check/case_rules.hpp"
#include "cpconf/check/waivers.hpp"
#include "cpconf/finding.hpp"
#include "cpconf/load/model.hpp"
#include "cpconf/load/profile.hpp"

namespace cpconf {

// Everything cpconf found about one input.
struct FileReport {
  std::string file;
  Findings findings;
  std::vector<WaivedFinding> waived;
  const Profile* profile = nullptr;     // the profile the record was checked against; null when it did not load
  std::optional<CaseEntry> case_entry;  // for the cross-record rules; hand it to Validator::remember
  std::optional<Record> record;         // with Validator::Settings::keep_records: the record as loaded
};

}  // namespace cpconf
