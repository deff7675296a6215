#pragma once

#include <vector>

#include "cpconf/check/file_report.hpp"
#include "cpconf/load/model.hpp"
#include "cpconf/load/profile.hpp"
#include "cpconf/render/document.hpp"
#include "cpconf/derive/redact.hpp"

namespace cpconf {

struct BuildOptions {
  RedactionOptions redaction;
  bool findings = true;  // end with the findings section when there are findings
  Date as_of;            // the date the findings were judged on
};

// The written record of a conference, as the procedures ask for it (cpconf-render(1)): details and
// chair, children, attendance by grouping, the chair's groupings, reports, each child's
// decision and how it was reached, concerns and escalations, professionals-only meetings,
// the plan and follow-up, the key information, then the findings of `report` (which may be
// null). The vote counts are the tally's (derive/tally.hpp). Redacted as options ask.
Document build_document(const Record& record, const Profile& profile, const FileReport* report,
                        const BuildOptions& options);

}  // namespace cpconf
