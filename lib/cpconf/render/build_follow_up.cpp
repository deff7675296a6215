#include <algorithm>

#include <fmt/format.h>

#include "cpconf/derive/groupings.hpp"
#include "cpconf/render/build_parts.hpp"
#include "cpconf/render/words.hpp"

namespace cpconf::render_parts {

namespace {

Table chair_concerns(const Context& c) {
  Table table;
  table.caption = "The chair's concerns";
  table.columns = {{"Child"}, {"Escalated on"}, {"Concern", true}, {"Escalated to", true}};
  TableGroup rows;
  for (const auto& d : c.record.decisions) {
    if (!d.chair_concern) continue;
    const ChairConcern& cc = *d.chair_concern;
    rows.rows.push_back(
        {Styled{d.child ? c.child(*d.child) : "-", Tone::strong},
         cc.escalated_on ? plain(long_date_time(*cc.escalated_on)) : Styled{"not escalated", Tone::warning},
         cc.concern ? plain(*cc.concern) : not_recorded(), plain(cc.escalated_to.value_or(std::string()))});
  }
  if (!rows.rows.empty()) table.groups.push_back(std::move(rows));
  return table;
}

Table professional_differences(const Context& c) {
  Table table;
  table.caption = "Professional differences escalated";
  table.columns = {{"Raised by"}, {"Grouping"}, {"Raised on"}, {"Children"}, {"About", true}};
  TableGroup rows;
  for (const auto& e : c.record.escalations) {
    std::string grouping = "-";
    if (e.by) {
      const Attendee* a = find_attendee(c.record, *e.by);
      auto resolved = a != nullptr ? grouping_of(*a, c.record, c.profile) : std::nullopt;
      if (resolved) grouping = c.grouping(resolved->id);
    }
    rows.rows.push_back({Styled{e.by ? c.person(*e.by) : "-", Tone::strong}, plain(grouping),
                         e.raised ? plain(long_date(*e.raised)) : not_recorded(), plain(c.children(e.children)),
                         e.about ? plain(*e.about) : not_recorded()});
  }
  if (!rows.rows.empty()) table.groups.push_back(std::move(rows));
  return table;
}

std::optional<Section> concerns(const Context& c) {
  Section section{2, "concerns", "Concerns and escalations", {}};
  Table concerns = chair_concerns(c);
  Table differences = professional_differences(c);
  for (auto* table : {&concerns, &differences}) {
    if (!table->groups.empty()) section.blocks.push_back(std::move(*table));
  }
  if (section.blocks.empty()) return std::nullopt;
  return section;
}

std::optional<Section> professionals_only(const Context& c) {
  if (c.record.professionals_only.empty()) return std::nullopt;
  Table table;
  table.columns = {{"Held"}, {"To keep it from the family"}, {"Reason", true}};
  TableGroup rows;
  for (const auto& m : c.record.professionals_only) {
    rows.rows.push_back(
        {Styled{m.held ? long_date_time(*m.held) : "-", Tone::strong},
         m.avoids_family ? Styled{std::string(yes_no(*m.avoids_family)), *m.avoids_family ? Tone::warning : Tone::plain}
                         : not_recorded(),
         m.reason ? plain(*m.reason) : not_recorded()});
  }
  table.groups.push_back(std::move(rows));
  return Section{2, "professionals-only", "Professionals-only meetings", {std::move(table)}};
}

Entry dated(std::string label, const Field<Date>& date) {
  return {std::move(label), date ? plain(long_date(*date)) : not_recorded()};
}

Section follow_up(const Context& c) {
  Section section{2, "follow-up", "Plan and follow-up", {}};
  if (!c.record.follow_up) {
    section.blocks.push_back(Paragraph{muted("No follow-up is recorded.")});
    return section;
  }
  const FollowUp& f = *c.record.follow_up;
  EntryList list;
  list.entries.push_back({"Plan sent", f.plan_sent ? plain(long_date_time(*f.plan_sent)) : not_recorded()});
  std::vector<std::string> amendments;
  for (const auto& a : f.amendments) {
    std::string who = a.by ? c.person(*a.by) : "-";
    amendments.push_back(a.received ? fmt::format("{}, received {}", who, long_date(*a.received)) : who);
  }
  if (!amendments.empty()) list.entries.push_back({"Amendments to the plan", plain(joined(amendments, "; "))});
  list.entries.push_back(dated("Core group first meeting", f.core_group));
  list.entries.push_back(dated("Minutes sent", f.minutes_sent));
  bool plan_ended =
      !c.record.decisions.empty() && std::all_of(c.record.decisions.begin(), c.record.decisions.end(),
                                                 [](const Decision& d) { return d.outcome.value == Outcome::no_plan; });
  if (f.next_review || !plan_ended) {
    list.entries.push_back(dated("Next review", f.next_review));
  } else {
    list.entries.push_back({"Next review", muted("none: no child has a plan")});
  }
  section.blocks.push_back(std::move(list));
  return section;
}

std::optional<Section> information(const Context& c) {
  if (c.record.information.empty()) return std::nullopt;
  Table table;
  table.columns = {{"Basis"}, {"Shared by"}, {"Information", true}, {"Evidence", true}, {"Second-hand, from", true}};
  TableGroup rows;
  for (const auto& p : c.record.information) {
    Styled basis =
        p.basis ? Styled{std::string(basis_label(*p.basis)), Tone::strong} : Styled{"unmarked", Tone::warning};
    std::string source;
    if (p.second_hand.value_or(false)) source = p.source.value_or(std::string("a source not recorded"));
    rows.rows.push_back({basis, plain(p.by ? c.person(*p.by) : "-"), plain(p.point.value_or(std::string())),
                         plain(p.evidence.value_or(std::string())), plain(source)});
  }
  table.groups.push_back(std::move(rows));
  return Section{2, "information", "Key information shared", {std::move(table)}};
}

Tone severity_tone(Severity severity) {
  switch (severity) {
    case Severity::error: return Tone::error;
    case Severity::warning: return Tone::warning;
    case Severity::info: return Tone::info;
  }
  return Tone::plain;
}

std::string place(const Finding& f) {
  if (f.location.line <= 0) return "-";
  return fmt::format("{}:{}", f.location.line, f.location.column);
}

std::string message_at(const Finding& f) {
  return f.path.empty() ? f.message : fmt::format("{} (at {})", f.message, f.path);
}

}  // namespace

std::vector<Section> follow_up_sections(const Context& c) {
  std::vector<Section> sections;
  if (auto section = concerns(c)) sections.push_back(std::move(*section));
  if (auto section = professionals_only(c)) sections.push_back(std::move(*section));
  sections.push_back(follow_up(c));
  if (auto section = information(c)) sections.push_back(std::move(*section));
  return sections;
}

std::vector<Section> findings_sections(const Context& c, const FileReport& report) {
  if (report.findings.empty() && report.waived.empty()) return {};
  Section section{2, "findings", "Findings", {}};
  std::size_t n = report.findings.size();
  section.blocks.push_back(Paragraph{plain(
      fmt::format("cpconf validate, as of {}, finds {} {} in this record{}.", long_date(c.options.as_of), n,
                  n == 1 ? "problem" : "problems",
                  report.waived.empty() ? "" : fmt::format(", and {} accepted by a waiver", report.waived.size())))});
  if (n > 0) {
    Table table;
    table.columns = {{"Line"}, {"Severity"}, {"Rule"}, {"Finding", true}};
    TableGroup rows;
    for (const auto& f : report.findings) {
      rows.rows.push_back({plain(place(f)), Styled{std::string(severity_name(f.severity)), severity_tone(f.severity)},
                           plain(f.rule), plain(message_at(f))});
    }
    table.groups.push_back(std::move(rows));
    section.blocks.push_back(std::move(table));
  }
  if (!report.waived.empty()) {
    Table table;
    table.caption = "Accepted by a waiver";
    table.columns = {{"Line"}, {"Rule"}, {"Finding", true}, {"Reason", true}};
    TableGroup rows;
    for (const auto& w : report.waived) {
      rows.rows.push_back(
          {plain(place(w.finding)), plain(w.finding.rule), plain(message_at(w.finding)), plain(w.reason)});
    }
    table.groups.push_back(std::move(rows));
    section.blocks.push_back(std::move(table));
  }
  return {section};
}

}  // namespace cpconf::render_parts
