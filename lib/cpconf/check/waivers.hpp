#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cpconf/date.hpp"
#include "cpconf/finding.hpp"
#include "cpconf/load/model.hpp"

namespace cpconf {

// A finding a record's waiver accepted, with the reason the record gives.
struct WaivedFinding {
  Finding finding;
  std::string reason;
  Location waiver;
};

struct WaiverResult {
  Findings problems;  // waiver-* findings: no reason, unknown rule, expired, matching nothing
  std::vector<WaivedFinding> waived;
};

// Moves the findings a record's waivers cover out of findings. A waiver covers findings of its
// rule at its path or below it ("decisions[0]" covers "decisions[0].votes[1]"); an expired
// waiver, or one without a reason, covers nothing.
// rule_runs tells whether a rule ran at all: a waiver of a rule that is switched off is not unused.
WaiverResult apply_waivers(const Record& record, Date as_of, Findings& findings,
                           const std::function<bool(std::string_view)>& rule_runs);

}  // namespace cpconf
