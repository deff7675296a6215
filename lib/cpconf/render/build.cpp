#include "cpconf/render/build.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cpconf/derive/groupings.hpp"
#include "cpconf/render/build_parts.hpp"
#include "cpconf/render/words.hpp"

namespace cpconf {

namespace render_parts {

std::string Context::person(std::string_view id) const {
  const Attendee* attendee = find_attendee(record, id);
  if (attendee == nullptr) return fmt::format("'{}' (not an attendee)", id);
  return attendee->name ? *attendee->name : fmt::format("attendee '{}'", id);
}

std::string Context::child(std::string_view id) const {
  const Child* found = find_child(record, id);
  if (found == nullptr) return fmt::format("'{}' (not a child of the record)", id);
  return found->name ? *found->name : fmt::format("child '{}'", id);
}

std::string Context::grouping(std::string_view id) const {
  for (const auto& g : record.groupings) {
    if (g.id && *g.id == id) return g.name ? *g.name : std::string(id);
  }
  const GroupingDef* def = profile.grouping(id);
  return def != nullptr ? def->name : std::string(id);
}

std::string Context::groupings(const std::vector<std::string>& ids) const {
  std::vector<std::string> names;
  for (const auto& id : ids) names.push_back(grouping(id));
  return joined(names);
}

std::string Context::children(const Field<Ids>& ids) const {
  if (!ids) return {};
  std::vector<std::string> names;
  for (const auto& id : *ids) names.push_back(child(id));
  return joined(names);
}

Styled plain(std::string text) { return {std::move(text), Tone::plain}; }
Styled muted(std::string text) { return {std::move(text), Tone::muted}; }
Styled outcome_styled(std::string text, Outcome outcome) {
  return {std::move(text), outcome == Outcome::plan ? Tone::plan : Tone::no_plan};
}
Styled not_recorded() { return muted("not recorded"); }

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

namespace {

Entry entry(std::string label, std::string value) { return {std::move(label), plain(std::move(value))}; }

std::string date_or(const Field<Date>& date) { return date ? long_date(*date) : std::string(); }

void add_if(EntryList& list, std::string label, std::string value) {
  if (!value.empty()) list.entries.push_back(entry(std::move(label), std::move(value)));
}

std::string when_held(const ConferenceInfo& info) {
  if (!info.start) return {};
  std::string out = long_date(info.start->date);
  if (!info.start->has_time()) return out;
  out += fmt::format(", {:02}:{:02}", info.start->minutes / 60, info.start->minutes % 60);
  if (info.end && info.end->has_time()) {
    out += fmt::format(" to {:02}:{:02}", info.end->minutes / 60, info.end->minutes % 60);
    if (info.end->date != info.start->date) out += " on " + long_date(info.end->date);
    long long minutes = info.end->serial_minutes() - info.start->serial_minutes();
    if (minutes > 0) out += fmt::format(" ({})", duration_words(minutes));
  }
  return out;
}

std::string quorum_words(const ConferenceInfo& info) {
  if (!info.quorate) return {};
  if (*info.quorate) return "yes";
  std::string out = "no";
  if (info.proceed_reason) {
    std::string reason = *info.proceed_reason;
    while (!reason.empty() && (reason.back() == '.' || reason.back() == ' ')) reason.pop_back();
    out += "; the conference went on to decide because: " + reason;
  }
  if (info.reconvened) out += "; reconvened for " + long_date(*info.reconvened);
  return out;
}

std::string procedure_words(const Profile& profile) {
  std::string_view mode = profile.mode == DecisionMode::grouping_vote
                              ? "one vote per professional grouping, the chair's casting vote on a tie"
                              : "the chair decides on the professionals' views";
  return fmt::format("{} ({})", profile.name, mode);
}

Section details(const Context& c) {
  const ConferenceInfo& info = c.record.conference;
  EntryList list;
  add_if(list, "Conference", info.id.value_or(std::string()));
  add_if(list, "Case", info.case_id.value_or(std::string()));
  add_if(list, "Held", when_held(info));
  add_if(list, "Chair", info.chair.value_or(std::string()));
  add_if(list, "Procedure", procedure_words(c.profile));
  add_if(list, "Strategy discussion", date_or(info.strategy_discussion));
  add_if(list, "Section 47 enquiry began", date_or(info.s47_started));
  add_if(list, "Notified of the move", date_or(info.notified));
  add_if(list, "Previous conference", info.previous.value_or(std::string()));
  add_if(list, "Quorate", quorum_words(info));
  if (info.sign_off) {
    const SignOff& s = *info.sign_off;
    std::string signed_off = s.by.value_or(std::string("(no name)"));
    if (s.on) signed_off += " on " + long_date(*s.on);
    add_if(list, "Signed off by", signed_off);
  }
  return {2, "details", "Conference details", {std::move(list)}};
}

std::string yes_no_or_blank(const Field<bool>& value) { return value ? std::string(yes_no(*value)) : "-"; }

Section children(const Context& c) {
  Table table;
  table.columns = {{"Child"}, {c.redacted() ? "Age" : "Born"}};
  if (!c.redacted()) table.columns.push_back({"Person"});
  table.columns.insert(table.columns.end(), {{"Invited"}, {"Attended"}, {"Why not invited", true}});
  TableGroup rows;
  for (const auto& child : c.record.children) {
    std::string born;
    std::optional<std::string> age;
    if (child.born && c.conference_date) age = age_on(*child.born, *c.conference_date);
    if (c.redacted()) {
      born = age.value_or("-");
    } else if (child.born) {
      born = long_date(*child.born) + (age ? fmt::format(" (age {})", *age) : "");
    }
    if (!child.born && child.expected) born = "expected " + long_date(*child.expected);
    std::vector<Styled> row = {Styled{child.name.value_or(child.id.value_or("?")), Tone::strong}, plain(born)};
    if (!c.redacted()) row.push_back(plain(child.person.value_or(std::string("-"))));
    row.push_back(plain(yes_no_or_blank(child.invited)));
    row.push_back(plain(yes_no_or_blank(child.attended)));
    row.push_back(plain(child.not_invited_reason.value_or(std::string())));
    rows.rows.push_back(std::move(row));
  }
  table.groups.push_back(std::move(rows));
  return {2, "children", "Children", {std::move(table)}};
}

bool present(const Attendee& a) { return a.attendance.value_or(Attendance::apologies) == Attendance::present; }
bool professional(const Attendee& a) { return a.capacity.value_or(Capacity::professional) == Capacity::professional; }

std::string role_and_agency(const Attendee& a) {
  std::vector<std::string> parts;
  if (a.role) parts.push_back(*a.role);
  if (a.agency) parts.push_back(*a.agency);
  return joined(parts);
}

// The voting professionals present, under their groupings in order of first appearance.
Table grouped_professionals(const Context& c) {
  Table table;
  table.caption = c.votes() ? "Professional groupings (one vote each)" : "Professionals, by grouping";
  table.group_header = "Grouping";
  table.columns = {{"Name"}, {"Role and agency", true}, {"Involved with", true}};
  for (const auto& a : c.record.attendees) {
    if (!present(a) || !professional(a)) continue;
    auto grouping = grouping_of(a, c.record, c.profile);
    std::string label = grouping ? c.grouping(grouping->id) : "No grouping found";
    auto group =
        std::find_if(table.groups.begin(), table.groups.end(), [&](const TableGroup& g) { return g.label == label; });
    if (group == table.groups.end()) group = table.groups.insert(table.groups.end(), TableGroup{label, {}});
    group->rows.push_back({Styled{a.name.value_or(a.id.value_or("?")), Tone::strong}, plain(role_and_agency(a)),
                           plain(c.children(a.children))});
  }
  return table;
}

Table non_voting(const Context& c) {
  Table table;
  table.caption = "Non-voting attendees";
  table.columns = {{"Name"}, {"Attending as"}, {"Role and agency", true}, {"Involved with", true}};
  TableGroup rows;
  for (const auto& a : c.record.attendees) {
    if (!present(a) || professional(a)) continue;
    std::string as(capacity_label(*a.capacity));
    if (a.observer_request) as += ", asked in writing on " + long_date(*a.observer_request);
    rows.rows.push_back({Styled{a.name.value_or(a.id.value_or("?")), Tone::strong}, plain(as),
                         plain(role_and_agency(a)), plain(c.children(a.children))});
  }
  if (!rows.rows.empty()) table.groups.push_back(std::move(rows));
  return table;
}

Table apologies(const Context& c) {
  Table table;
  table.caption = "Apologies";
  table.columns = {{"Name"}, {"Grouping or capacity"}, {"Role and agency", true}, {"Report", true}};
  TableGroup rows;
  for (const auto& a : c.record.attendees) {
    if (present(a)) continue;
    std::string as;
    if (professional(a)) {
      auto grouping = grouping_of(a, c.record, c.profile);
      as = grouping ? c.grouping(grouping->id) : "no grouping found";
    } else {
      as = std::string(capacity_label(*a.capacity));
    }
    std::string report = a.report ? "sent" : "none recorded";
    if (a.represented_by) report = "presented by " + c.person(*a.represented_by);
    rows.rows.push_back({Styled{a.name.value_or(a.id.value_or("?")), Tone::strong}, plain(as),
                         plain(role_and_agency(a)), plain(report)});
  }
  if (!rows.rows.empty()) table.groups.push_back(std::move(rows));
  return table;
}

Section attendance(const Context& c) {
  Section section{2, "attendance", "Attendance", {}};
  section.blocks.reserve(4);
  std::size_t professionals = 0, others = 0, absent = 0;
  for (const auto& a : c.record.attendees) {
    if (!present(a)) {
      ++absent;
    } else {
      ++(professional(a) ? professionals : others);
    }
  }
  auto count = [](std::size_t n, std::string_view one, std::string_view many) {
    return n == 0 ? fmt::format("no {}", many) : fmt::format("{} {}", n, n == 1 ? one : many);
  };
  Table grouped = grouped_professionals(c);
  Table non_voters = non_voting(c);
  Table absent_list = apologies(c);
  std::string summary = fmt::format(
      "Present: {} in {}, and {}. Apologies: {}.", count(professionals, "professional", "professionals"),
      count(grouped.groups.size(), "grouping", "groupings"), count(others, "other attendee", "other attendees"),
      absent == 0 ? std::string("none") : std::to_string(absent));
  section.blocks.emplace_back(Paragraph{plain(std::move(summary))});
  for (Table* table : {&grouped, &non_voters, &absent_list}) {
    if (!table->groups.empty()) section.blocks.emplace_back(std::in_place_type<Table>, std::move(*table));
  }
  return section;
}

std::optional<Section> chair_groupings(const Context& c) {
  if (c.record.groupings.empty()) return std::nullopt;
  Table table;
  table.columns = {{"Grouping"}, {"Members"}, {"Rationale", true}};
  TableGroup rows;
  for (const auto& g : c.record.groupings) {
    std::vector<std::string> members;
    if (g.members) {
      for (const auto& id : *g.members) members.push_back(c.person(id));
    }
    std::string rationale = g.rationale ? *g.rationale : "";
    rows.rows.push_back({Styled{g.name.value_or(g.id.value_or("?")), Tone::strong}, plain(joined(members)),
                         rationale.empty() ? not_recorded() : plain(rationale)});
  }
  table.groups.push_back(std::move(rows));
  return Section{2, "groupings", "Groupings decided by the chair", {std::move(table)}};
}

std::optional<Section> reports(const Context& c) {
  Table table;
  table.columns = {{"From"}, {"Grouping"}, {"To the chair"}, {"To the family"}, {"View of the risk", true}};
  TableGroup rows;
  for (const auto& a : c.record.attendees) {
    if (!a.report) continue;
    const Report& r = *a.report;
    auto grouping = grouping_of(a, c.record, c.profile);
    rows.rows.push_back({Styled{a.name.value_or(a.id.value_or("?")), Tone::strong},
                         plain(grouping ? c.grouping(grouping->id) : "-"),
                         r.to_chair ? plain(long_date_time(*r.to_chair)) : not_recorded(),
                         r.to_family ? plain(long_date_time(*r.to_family)) : not_recorded(),
                         r.risk_view ? plain(*r.risk_view) : not_recorded()});
  }
  if (rows.rows.empty()) return std::nullopt;
  table.groups.push_back(std::move(rows));
  return Section{2, "reports", "Reports", {std::move(table)}};
}

}  // namespace

std::vector<Section> details_sections(const Context& c) { return {details(c), children(c)}; }

std::vector<Section> attendance_sections(const Context& c) {
  std::vector<Section> sections;
  sections.push_back(attendance(c));
  if (auto section = chair_groupings(c)) sections.push_back(std::move(*section));
  if (auto section = reports(c)) sections.push_back(std::move(*section));
  return sections;
}

}  // namespace render_parts

Document build_document(const Record& record, const Profile& profile, const FileReport* report,
                        const BuildOptions& options) {
  using namespace render_parts;
  Context c{record, profile, options, std::nullopt};
  if (record.conference.start) c.conference_date = record.conference.start->date;

  Document document;
  document.title =
      record.conference.kind ? std::string(kind_title(*record.conference.kind)) : "Child protection conference";
  std::vector<std::string> subtitle;
  if (c.conference_date) subtitle.push_back(long_date(*c.conference_date));
  if (record.conference.id) subtitle.push_back(*record.conference.id);
  document.subtitle = joined(subtitle, " - ");
  if (options.redaction.level == Redaction::family) {
    document.notices.push_back(
        "Redacted: children, family members and other non-professional attendees are "
        "named by their initials, and dates of birth are replaced by ages.");
  } else if (options.redaction.level == Redaction::all) {
    document.notices.push_back(
        "Redacted: children, family members and other non-professional attendees are "
        "named by their initials, professionals by their roles, and dates of birth are "
        "replaced by ages.");
  }
  document.source = record.file;
  auto add = [&](std::vector<Section> sections) {
    for (auto& section : sections) document.sections.push_back(std::move(section));
  };
  add(details_sections(c));
  add(attendance_sections(c));
  add(decision_sections(c));
  add(follow_up_sections(c));
  if (report != nullptr && options.findings) add(findings_sections(c, *report));
  for_each_text(document, Redactor(record, options.redaction));
  return document;
}

}  // namespace cpconf
