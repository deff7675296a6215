#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cpconf/timeline/case_chain.hpp"
#include "cpconf/timeline/due_list.hpp"
#include "cpconf/timeline/timeline.hpp"

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

// One format of `cpconf timeline`: its writer for one conference, for --due, and for --case
// (none: the format does not show a case).
struct TimelineFormat {
  std::string_view name;
  std::string_view note;  // for --help
  std::string (*single)(const Timeline& timeline, bool color);
  std::string (*due)(const DueReport& report, bool color);
  std::string (*case_chain)(const CaseChain& chain, bool color);
};
std::span<const TimelineFormat> timeline_formats();
const TimelineFormat* find_timeline_format(std::string_view name);

}  // namespace cpconf
