#pragma once

#include <vector>

#include "cpconf/timeline/timeline.hpp"

namespace cpconf {

// The entries of one conference in record order, each deadline judged as of the day;
// build_timeline() puts them in date order.
std::vector<TimelineEntry> timeline_entries(const Record& record, const Profile& profile, const Calendar& calendar,
                                            Date as_of);

}  // namespace cpconf
