#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cpconf/date.hpp"
#include "cpconf/load/model.hpp"
#include "cpconf/load/profile.hpp"

// The record skeletons `cpconf new` writes. A skeleton is a record with comments: values cpconf
// can work out are written, with a comment saying where they came from; values only the user
// knows are left empty, so that `cpconf validate` lists each as a missing field until it is
// filled in. What is decided at the conference (the decisions) is a commented-out template.
namespace cpconf {

class Calendar;

struct SkeletonRequest {
  ConferenceKind kind = ConferenceKind::initial;
  std::string case_id;       // empty: left for the user
  std::optional<Date> date;  // the conference day; a review following a record has a default
  std::string schema;        // what the first line's `# yaml-language-server: $schema=` names
};

// A new record of request.kind under profile, with nothing carried from another record.
std::string new_record_skeleton(const SkeletonRequest& request, const Profile& profile, const Calendar& calendar);

// A review following previous, which must have loaded without errors: it carries forward the
// case, the children still on a plan, the attendees (attendance reset to present, reports
// emptied; observers and inspectors, who attend once, left out), the chair and the chair's
// groupings. The date is request.date, else the next review previous set, else the latest
// working day by the review's due date. Throws InputError naming previous_file when previous
// cannot be followed by a review (no id or start, or every child's plan ended).
std::string review_skeleton(const Record& previous, const std::string& previous_file, const SkeletonRequest& request,
                            const Profile& profile, const Calendar& calendar);

// The day a review following previous is held by default (see review_skeleton).
Date default_review_date(const Record& previous, const Profile& profile, const Calendar& calendar);

// A string as a YAML value: plain when it cannot be read as anything but that string, else
// double-quoted. in_flow also quotes what would end an item of a [a, b] list.
std::string yaml_scalar(std::string_view text, bool in_flow = false);

}  // namespace cpconf
