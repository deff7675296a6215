#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cpconf/derive/deadlines.hpp"
#include "cpconf/skeleton/skeleton.hpp"

// What skeleton.cpp and skeleton_review.cpp share; not for use elsewhere.
namespace cpconf::skeleton_parts {

// Builds the YAML text a line at a time. Comments on key lines line up, so that a skeleton reads
// as a form; in commented mode every line is itself a comment (a template to uncomment).
class YamlLines {
 public:
  void key(int indent, std::string_view key, std::string_view value = "", std::string_view comment = "");
  // The first key of a list item: "- key: value".
  void item(int indent, std::string_view key, std::string_view value, std::string_view comment = "");
  // A comment line of its own, wrapped.
  void note(int indent, std::string_view text);
  void raw(std::string_view text) { line(std::string(text), ""); }
  void blank() { m_out += '\n'; }
  void set_commented(bool commented) { m_commented = commented; }
  std::string take() { return std::move(m_out); }

 private:
  void line(std::string text, std::string_view comment);

  std::string m_out;
  bool m_commented = false;
};

std::string flow_list(const Ids& ids);  // "[c1, c2]"
// "<case>-<kind>-<date>", or empty when the case or the date is unknown.
std::string derived_id(const std::string& case_id, ConferenceKind kind, std::optional<Date> date);
// A record holding just what a conference's deadlines are counted from.
Record anchor_record(ConferenceKind kind, DateTime start);
std::string start_rule(ConferenceKind kind, const Timescales& t);  // "within 15 working days of ..."

void write_header(YamlLines& y, const std::string& schema, std::string_view intro);

// The conference block's values: empty ones are left for the user.
struct ConferenceValues {
  std::string id;
  std::string case_id;
  std::string previous;
  std::string start;
  std::string start_comment;
  std::string chair;
  std::string chair_comment;
};
void write_conference(YamlLines& y, ConferenceKind kind, const ConferenceValues& v, const Profile& profile);

// The profile's groupings and the capacities an attendee may have.
void write_attendees_note(YamlLines& y, const Profile& profile);
void write_report(YamlLines& y, const std::optional<Deadline>& due, ConferenceKind kind, const Timescales& t);

// What the commented-out decision template proposes for one child.
struct DecisionDraft {
  std::string child;
  std::vector<std::pair<std::string, std::string>> votes;  // grouping, attendee id
  Ids categories;
};
void write_decisions(YamlLines& y, const std::vector<DecisionDraft>& drafts, bool review, const Profile& profile);
void write_follow_up(YamlLines& y, ConferenceKind kind, std::optional<Date> date, const Profile& profile,
                     const Calendar& calendar);
void write_information(YamlLines& y);

}  // namespace cpconf::skeleton_parts
