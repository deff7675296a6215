#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cpconf/date.hpp"
#include "cpconf/timeline/timeline.hpp"

// What is overdue or falls due soon across many records: reports not yet received, plans and
// minutes not sent, reviews due, and the other deadlines still open.
namespace cpconf {

struct DueItem {
  std::string file;
  std::string conference_id;
  std::string case_id;
  std::string chair;
  TimelineEntry entry;  // overdue or due
};

struct DueFilter {
  int within = 5;  // working days ahead
  // Empty: all. Chairs match whole names, ignoring case.
  std::vector<std::string> kinds;
  std::vector<std::string> groupings;
  std::vector<std::string> chairs;
};

// What one record brings to the due list, and what tells whether a later record of its case
// shows the next review held.
struct DueRecord {
  std::string case_id;
  Date date;
  std::vector<DueItem> items;
};

// The kinds of entry that can fall due (--kind).
std::span<const std::string_view> due_kinds();

// The entries of a timeline that are overdue or fall due within the filter's working days
// (as of the timeline's as-of day) and pass its filters.
DueRecord due_record(Timeline timeline, const DueFilter& filter);

// --redact: the items redacted with their record's redactor, after the filter has chosen them
// by the names as written. The record's case id is left as it is, unprinted, so that due_list
// still tells which records are of one case.
void redact_due_items(DueRecord& record, const Redactor& redactor);

enum class DueSort { due, kind, conference, chair, file };

// Every record's items, less the next reviews that a later record of the same case shows
// held, in the order asked for; ties are broken so that the order never depends on input order.
std::vector<DueItem> due_list(std::vector<DueRecord> records, DueSort sort);

}  // namespace cpconf
