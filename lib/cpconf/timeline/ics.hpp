#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "cpconf/date.hpp"

// iCalendar (RFC 5545) text for calendars of deadlines: content lines end in CRLF and are
// folded at 75 octets, TEXT values are escaped, and nothing depends on the clock, so the same
// input gives the same bytes and a re-import updates events instead of duplicating them.
namespace cpconf {

struct CalendarEvent {
  std::string uid;
  Date day;  // an all-day event
  std::string summary;
  std::string description;
  std::vector<std::string> categories;
};

// A VCALENDAR of all-day events; stamp (DTSTAMP, midnight UTC) is the as-of day, not the clock.
std::string format_ics(std::string_view calendar_name, const std::vector<CalendarEvent>& events, Date stamp);

// A TEXT value with backslash, semicolon, comma and newline escaped and other controls dropped.
std::string ics_text(std::string_view text);
// One content line, folded so that no line exceeds 75 octets (never inside a UTF-8
// character), with CRLF after each piece.
std::string ics_line(std::string_view line);
// A stable, unique UID from the parts that identify an event: readable, plus a hash of the
// exact parts, at the reserved domain cpconf.invalid.
std::string ics_uid(std::initializer_list<std::string_view> parts);

}  // namespace cpconf
