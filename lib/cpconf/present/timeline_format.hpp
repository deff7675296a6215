#pragma once

#include <string>
#include <vector>

#include "cpconf/derive/due_list.hpp"
#include "cpconf/derive/timeline.hpp"

// `cpconf timeline` output for one conference and for the due list: an aligned text table,
// JSON, CSV (RFC 4180 quoting, a header row) and iCalendar (one all-day event per deadline).
namespace cpconf {

// "met", "missed by 2 working days", "due in 3 working days", "n/a: no plan was made".
std::string status_text(const TimelineEntry& entry, Date as_of);
// Something not done: "overdue by 3 working days", "due today", "due in 2 working days", or
// "due before the next working day" when only a weekend or holiday is left.
std::string standing_text(const Standing& standing, Date due, Date as_of);

std::string format_timeline_text(const Timeline& timeline, bool color);
std::string format_timeline_json(const Timeline& timeline);
std::string format_timeline_csv(const Timeline& timeline);
std::string format_timeline_ics(const Timeline& timeline);

struct DueReport {
  Date as_of;
  int within = 5;
  int records = 0;  // records read
  std::vector<DueItem> items;
};

std::string format_due_text(const DueReport& report, bool color);
std::string format_due_json(const DueReport& report);
std::string format_due_csv(const DueReport& report);
std::string format_due_ics(const DueReport& report);

}  // namespace cpconf
