#include "cpconf/timeline/ics.hpp"

#include <cstdint>

#include <fmt/format.h>

namespace cpconf {

namespace {

constexpr std::size_t k_max_octets = 75;

std::string ics_date(Date day) { return fmt::format("{:04}{:02}{:02}", day.year, day.month, day.day); }

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::uint64_t fnv1a(std::initializer_list<std::string_view> parts) {
  std::uint64_t hash = 14695981039346656037ULL;
  bool first = true;
  for (auto part : parts) {
    if (!first) hash = (hash ^ 0x1F) * 1099511628211ULL;  // a separator no id contains
    first = false;
    for (char c : part) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  return hash;
}

}  // namespace

std::string ics_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += c; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
    }
  }
  return out;
}

std::string ics_line(std::string_view line) {
  std::string out;
  std::size_t limit = k_max_octets;  // the first piece; later ones give an octet to the leading space
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && is_continuation_byte(line[cut])) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = k_max_octets - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string ics_uid(std::initializer_list<std::string_view> parts) {
  std::string readable;
  for (auto part : parts) {
    if (part.empty()) continue;
    if (!readable.empty()) readable += '.';
    for (char c : part) {
      bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      readable += plain ? c : '_';
    }
  }
  if (readable.size() > 80) readable.resize(80);
  return fmt::format("{}-{:016x}@cpconf.invalid", readable, fnv1a(parts));
}

std::string format_ics(std::string_view calendar_name, const std::vector<CalendarEvent>& events, Date stamp) {
  std::string out;
  out += ics_line("BEGIN:VCALENDAR");
  out += ics_line("VERSION:2.0");
  out += ics_line("PRODID:-//cpconf//cpconf timeline//EN");
  out += ics_line("CALSCALE:GREGORIAN");
  out += ics_line("METHOD:PUBLISH");
  out += ics_line("X-WR-CALNAME:" + ics_text(calendar_name));
  std::string dtstamp = fmt::format("DTSTAMP:{}T000000Z", ics_date(stamp));
  for (const auto& event : events) {
    out += ics_line("BEGIN:VEVENT");
    out += ics_line("UID:" + event.uid);
    out += ics_line(dtstamp);
    out += ics_line("DTSTART;VALUE=DATE:" + ics_date(event.day));
    out += ics_line("DTEND;VALUE=DATE:" + ics_date(Date::from_serial(event.day.serial() + 1)));
    out += ics_line("SUMMARY:" + ics_text(event.summary));
    if (!event.description.empty()) out += ics_line("DESCRIPTION:" + ics_text(event.description));
    if (!event.categories.empty()) {
      std::string categories = "CATEGORIES:";
      for (std::size_t i = 0; i < event.categories.size(); ++i) {
        if (i > 0) categories += ',';
        categories += ics_text(event.categories[i]);
      }
      out += ics_line(categories);
    }
    out += ics_line("TRANSP:TRANSPARENT");
    out += ics_line("END:VEVENT");
  }
  out += ics_line("END:VCALENDAR");
  return out;
}

}  // namespace cpconf
