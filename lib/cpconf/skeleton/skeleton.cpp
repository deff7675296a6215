#include "cpconf/skeleton/skeleton.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "cpconf/derive/calendar.hpp"
#include "cpconf/skeleton/parts.hpp"
#include "cpconf/source/profile_reader.hpp"
#include "cpconf/text/json.hpp"
#include "cpconf/text/words.hpp"

namespace cpconf {

namespace skeleton_parts {

namespace {

constexpr std::size_t k_comment_column = 30;
constexpr std::size_t k_wrap = 94;

std::string spaces(int indent) { return std::string(static_cast<std::size_t>(indent), ' '); }

// ": by 2026-01-07" when the deadline is known.
std::string by(const std::optional<Deadline>& deadline) {
  return deadline ? fmt::format(": by {}", deadline->due.str()) : "";
}

std::string grouping_ids(const Profile& profile) {
  std::vector<std::string> ids;
  for (const auto& g : profile.groupings) ids.push_back(g.id);
  return join(ids);
}

}  // namespace

void YamlLines::key(int indent, std::string_view key, std::string_view value, std::string_view comment) {
  line(fmt::format("{}{}:{}{}", spaces(indent), key, value.empty() ? "" : " ", value), comment);
}

void YamlLines::item(int indent, std::string_view key, std::string_view value, std::string_view comment) {
  line(fmt::format("{}- {}:{}{}", spaces(indent), key, value.empty() ? "" : " ", value), comment);
}

void YamlLines::note(int indent, std::string_view text) {
  std::string prefix = spaces(indent) + "# ";
  std::string current;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = std::min(text.find(' ', start), text.size());
    std::string_view word = text.substr(start, end - start);
    if (!current.empty() && prefix.size() + current.size() + 1 + word.size() > k_wrap) {
      line(prefix + current, "");
      current.clear();
    }
    if (!current.empty()) current += ' ';
    current += word;
    start = end + 1;
  }
  if (!current.empty()) line(prefix + current, "");
}

void YamlLines::line(std::string text, std::string_view comment) {
  if (m_commented) text = "# " + text;
  if (!comment.empty()) {
    text.resize(std::max(text.size() + 1, k_comment_column), ' ');
    text += "# ";
    text += comment;
  }
  m_out += text;
  m_out += '\n';
}

std::string flow_list(const Ids& ids) {
  std::vector<std::string> items;
  for (const auto& id : ids) items.push_back(yaml_scalar(id, true));
  return fmt::format("[{}]", join(items));
}

std::string derived_id(const std::string& case_id, ConferenceKind kind, std::optional<Date> date) {
  if (case_id.empty() || !date) return "";
  return yaml_scalar(fmt::format("{}-{}-{}", case_id, name_of(kind), date->str()));
}

Record anchor_record(ConferenceKind kind, DateTime start) {
  Record record;
  record.conference.kind.value = kind;
  record.conference.start.value = start;
  return record;
}

std::string start_rule(ConferenceKind kind, const Timescales& t) {
  switch (kind) {
    case ConferenceKind::initial:
      return fmt::format("within {} working days of the strategy discussion", t.initial_conference_working_days);
    case ConferenceKind::pre_birth:
      return fmt::format("at least {} weeks before the expected date of delivery", t.pre_birth_weeks_before_due);
    case ConferenceKind::transfer_in:
      return fmt::format("within {} working days of the written notification", t.transfer_in_working_days);
    case ConferenceKind::review:
      return fmt::format("the first review within {} months of the initial conference, later ones within {}",
                         t.first_review_months, t.later_review_months);
  }
  return "";
}

void write_header(YamlLines& y, const std::string& schema, std::string_view intro) {
  // Never wrapped: the language server reads the schema from this one line.
  y.raw(fmt::format("# yaml-language-server: $schema={}", schema));
  y.key(0, "cpconf", "1");
  y.note(0, intro);
  y.note(0,
         "Fill in the empty values ('cpconf validate' lists each one still empty), correct what does not "
         "apply, and see cpconf-record(5) for every key.");
}

void write_conference(YamlLines& y, ConferenceKind kind, const ConferenceValues& v, const Profile& profile) {
  y.key(0, "conference");
  y.key(2, "id", v.id, "unique: a later review names it as its previous conference");
  y.key(2, "case", v.case_id, v.case_id.empty() ? "the case number every conference of the case shares" : "");
  y.key(2, "kind", name_of(kind));
  y.key(2, "profile", yaml_scalar(profile.name), fmt::format("the local procedure: {}", join(builtin_profile_names())));
  if (kind == ConferenceKind::review) y.key(2, "previous", v.previous, "the id of the conference before this one");
  if (kind == ConferenceKind::transfer_in) y.key(2, "notified", "", "YYYY-MM-DD: written notification of the move");
  if (kind == ConferenceKind::initial || kind == ConferenceKind::pre_birth) {
    y.key(2, "strategy-discussion", "", "YYYY-MM-DD: the one at which the section 47 enquiry began");
    y.key(2, "s47-started", "", "YYYY-MM-DD (optional)");
  }
  y.key(2, "start", v.start, v.start_comment);
  y.key(2, "end", "", "YYYY-MM-DD HH:MM");
  y.key(2, "chair", v.chair, v.chair_comment);
  y.key(2, "quorate", "", "true or false: were enough agencies present to decide?");
  y.note(2, "Once the chair signs the record off: sign-off: {by: NAME, on: YYYY-MM-DD}");
  y.blank();
}

void write_attendees_note(YamlLines& y, const Profile& profile) {
  y.note(2, fmt::format("A professional (capacity: professional) needs a role and an agency, and belongs to a "
                        "grouping: {}. Other capacities: parent, child, family-member, supporter, advocate, "
                        "legal-representative, inspectorate, cafcass, carer, observer.",
                        grouping_ids(profile)));
}

void write_report(YamlLines& y, const std::optional<Deadline>& due, ConferenceKind kind, const Timescales& t) {
  std::string rule = is_initial_kind(kind)
                         ? fmt::format("at least {} hours before", t.report_hours_before_initial)
                         : fmt::format("at least {} working days before", t.report_working_days_before_review);
  y.key(4, "report");
  y.key(6, "to-chair", "", fmt::format("YYYY-MM-DD HH:MM, {}{}", rule, by(due)));
  y.key(6, "to-family", "", "YYYY-MM-DD HH:MM, as for the chair");
  y.key(6, "risk-view", "", "the agency's own view of the risk");
}

void write_decisions(YamlLines& y, const std::vector<DecisionDraft>& drafts, bool review, const Profile& profile) {
  y.note(0, fmt::format("The decisions, one per child, once the conference has made them: remove the '# ' to "
                        "begin. {}",
                        profile.mode == DecisionMode::grouping_vote
                            ? "Each grouping votes; a 50/50 split is settled by the chair's casting-vote."
                            : "Each grouping gives its view and the chair decides."));
  y.set_commented(true);
  y.key(0, "decisions");
  for (const auto& d : drafts) {
    y.item(2, "child", yaml_scalar(d.child));
    y.key(4, "consensus", "", "true or false; when false, resolution-tried");
    y.key(4, "votes", "", "each grouping's view, given by its lead person");
    for (const auto& [grouping, attendee] : d.votes) {
      y.item(6, "grouping", yaml_scalar(grouping));
      y.key(8, "by", yaml_scalar(attendee));
      y.key(8, "vote", "", "plan or no-plan");
      y.key(8, "reasoning");
    }
    y.key(4, "outcome", "", review ? "plan: the plan continues; no-plan: it ends" : "plan or no-plan");
    y.key(4, "categories", flow_list(d.categories),
          d.categories.empty() ? fmt::format("with a plan: {}", join(profile.categories))
                               : "the plan's categories so far");
  }
  y.set_commented(false);
  y.blank();
}

void write_follow_up(YamlLines& y, ConferenceKind kind, std::optional<Date> date, const Profile& profile,
                     const Calendar& calendar) {
  const Timescales& t = profile.timescales;
  std::optional<Record> anchor;
  if (date) anchor = anchor_record(kind, DateTime{*date, -1});
  std::optional<Deadline> core_group, minutes, next_review;
  if (anchor) {
    core_group = core_group_deadline(*anchor, profile, calendar);
    minutes = minutes_deadline(*anchor, profile, calendar);
    next_review = next_review_deadline(*anchor, profile);
  }
  y.key(0, "follow-up");
  y.note(2, fmt::format("Fill in as each is done; the deadlines are those of profile {}.", profile.name));
  y.key(2, "plan-sent", "", fmt::format("YYYY-MM-DD HH:MM, within {} hours of the end", t.plan_hours));
  y.note(2, "Amendments to the plan: amendments: [{by: ATTENDEE, received: YYYY-MM-DD}]");
  if (is_initial_kind(kind)) {
    y.key(2, "core-group", "",
          fmt::format("YYYY-MM-DD, within {} working days{}", t.core_group_working_days, by(core_group)));
  }
  y.key(2, "minutes-sent", "",
        fmt::format("YYYY-MM-DD, within {} working days{}", t.minutes_working_days, by(minutes)));
  y.key(2, "next-review", "",
        fmt::format("YYYY-MM-DD, within {} months while there is a plan{}",
                    is_initial_kind(kind) ? t.first_review_months : t.later_review_months, by(next_review)));
  y.blank();
}

void write_information(YamlLines& y) {
  y.note(0,
         "What was shared, each point marked fact, observation, allegation or opinion; an opinion gives its "
         "evidence, second-hand information its source. Remove the '# ' to begin.");
  y.set_commented(true);
  y.key(0, "information");
  y.item(2, "point", "");
  y.key(4, "basis", "", "fact, observation, allegation or opinion");
  y.key(4, "by", "a1");
  y.set_commented(false);
}

}  // namespace skeleton_parts

namespace {

using namespace skeleton_parts;

// Plain YAML is kept for text that a reader cannot take for a number, a boolean, a date or
// YAML syntax; anything else is double-quoted.
bool is_plain_safe(std::string_view text, bool in_flow) {
  if (text.empty() || text.back() == ' ' || text.back() == ':') return false;
  auto first = static_cast<unsigned char>(text.front());
  if (!(std::isalpha(first) || first >= 0x80)) return false;
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f) return false;
    if (in_flow && std::string_view(",[]{}").find(static_cast<char>(c)) != std::string_view::npos) return false;
  }
  if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos) return false;
  std::string lower;
  for (unsigned char c : text) lower.push_back(static_cast<char>(std::tolower(c)));
  static const std::set<std::string, std::less<>> k_words{"true", "false", "yes", "no", "on", "off", "null", "y", "n"};
  return !k_words.contains(lower);
}

void write_new_children(YamlLines& y, ConferenceKind kind) {
  y.key(0, "children");
  y.note(2, "One entry per child the conference considers; copy it for each further child, as c2, c3 and so on.");
  y.item(2, "id", "c1");
  y.key(4, "person", "", "the authority's person number (optional)");
  y.key(4, "name");
  if (kind == ConferenceKind::pre_birth) {
    y.key(4, "expected", "", "YYYY-MM-DD: the expected date of delivery");
  } else {
    y.key(4, "born", "", "YYYY-MM-DD");
    y.key(4, "invited", "", "true or false: children of 10 and over are normally invited");
    y.key(4, "not-invited-reason", "", "why a child of 10 or over was not invited");
  }
  y.blank();
}

void write_new_attendees(YamlLines& y, ConferenceKind kind, const Profile& profile,
                         const std::optional<Deadline>& report_due) {
  y.key(0, "attendees");
  y.note(2, "Everyone at the conference but the chair, who is named above.");
  write_attendees_note(y, profile);
  y.item(2, "id", "a1");
  y.key(4, "name");
  y.key(4, "role", "Social Worker");
  y.key(4, "agency");
  y.key(4, "grouping", yaml_scalar(profile.social_care_grouping));
  y.key(4, "capacity", "professional");
  y.key(4, "attendance", "present", "or apologies");
  y.key(4, "children", "[c1]", "the children this attendee is involved with");
  write_report(y, report_due, kind, profile.timescales);
  y.item(2, "id", "a2");
  y.key(4, "name");
  y.key(4, "capacity", "parent");
  y.key(4, "attendance", "present", "or apologies");
  y.key(4, "children", "[c1]");
  y.blank();
}

}  // namespace

std::string yaml_scalar(std::string_view text, bool in_flow) {
  return is_plain_safe(text, in_flow) ? std::string(text) : json_string(text);
}

std::string new_record_skeleton(const SkeletonRequest& request, const Profile& profile, const Calendar& calendar) {
  YamlLines y;
  ConferenceKind kind = request.kind;
  write_header(y, request.schema, fmt::format("A new {} conference record, written by 'cpconf new'.", name_of(kind)));
  ConferenceValues v;
  v.id = derived_id(request.case_id, kind, request.date);
  v.case_id = request.case_id.empty() ? "" : yaml_scalar(request.case_id);
  std::optional<Deadline> report_due;
  if (request.date) {
    DateTime start{*request.date, 10 * 60};
    v.start = start.str();
    v.start_comment = fmt::format("check the time; {}", start_rule(kind, profile.timescales));
    report_due = report_deadline(anchor_record(kind, start), profile, calendar);
  } else {
    v.start_comment = fmt::format("YYYY-MM-DD HH:MM, {}", start_rule(kind, profile.timescales));
  }
  write_conference(y, kind, v, profile);
  write_new_children(y, kind);
  write_new_attendees(y, kind, profile, report_due);
  write_decisions(y, {{"c1", {{profile.social_care_grouping, "a1"}}, {}}}, kind == ConferenceKind::review, profile);
  write_follow_up(y, kind, request.date, profile, calendar);
  write_information(y);
  return y.take();
}

}  // namespace cpconf
