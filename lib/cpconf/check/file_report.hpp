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

// What a record says of its conference, for grouping findings (csv and json): each empty where
// the record does not say it. The ids are the record's own; with names redacted, the names of
// its private people are taken out of them as out of the messages.
struct ConferenceFacts {
  std::string id;
  std::string case_id;
  std::string chair;  // a professional: named in every format
  std::string date;   // the day it started, YYYY-MM-DD
};

// Everything cpconf found about one input.
struct FileReport {
  std::string file;
  Findings findings;
  std::vector<WaivedFinding> waived;
  const Profile* profile = nullptr;     // the profile the record was checked against; null when it did not load
  std::optional<ConferenceFacts> conference;  // when the record loaded
  std::optional<CaseEntry> case_entry;  // for the cross-record rules; hand it to Validator::remember
  std::optional<Record> record;         // with Validator::Settings::keep_records: the record as loaded
};

}  // namespace cpconf
