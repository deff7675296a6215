// The dissent list of `cpconf vote`: every decision that was not unanimous, in every format.
#include <algorithm>

#include <fmt/format.h>

#include "cpconf/text/csv.hpp"
#include "cpconf/text/figures.hpp"
#include "cpconf/text/json.hpp"
#include "cpconf/text/markdown_escape.hpp"
#include "cpconf/text/terminal.hpp"
#include "cpconf/text/text_table.hpp"
#include "cpconf/vote/format.hpp"
#include "cpconf/vote/parts.hpp"

namespace cpconf {

namespace {

std::string outcome_text(std::optional<Outcome> outcome) {
  return outcome ? std::string(name_of(*outcome)) : std::string("none");
}

std::string who(const std::string& id, const std::string& name) {
  if (id.empty()) return "-";
  return name.empty() ? id : fmt::format("{} {}", id, name);
}

// "escalated 2026-03-18" or "not escalated".
std::string escalation_text(const Dissenter& d) {
  if (!d.escalation) return "not escalated";
  return d.escalation->raised.empty() ? "escalated" : "escalated " + d.escalation->raised;
}

// Dissent that the record's list and the votes disagree about.
std::string listing_text(const Dissenter& d) {
  if (d.voted_against && !d.listed) return "not listed in the record";
  if (!d.voted_against && d.listed) return "listed, but did not vote against";
  return "";
}

std::string concern_text(const ChairConcernView& c) {
  std::string escalation = c.escalated_to.empty() || c.escalated_on.empty()
                               ? "not escalated"
                               : fmt::format("escalated {} to {}", c.escalated_on, c.escalated_to);
  return fmt::format("{}: {}", escalation, c.concern);
}

std::string dissent_totals_line(const DissentReport& report) {
  std::size_t dissents = 0, escalated = 0;
  for (const auto& e : report.entries) {
    for (const auto& d : e.dissenters) {
      ++dissents;
      if (d.escalation) ++escalated;
    }
  }
  std::string line = fmt::format("{} not unanimous, {} ({} escalated), in {}",
                                 plural(static_cast<long>(report.entries.size()), "decision", "decisions"),
                                 plural(static_cast<long>(dissents), "dissent", "dissents"), escalated,
                                 plural(report.records, "record", "records"));
  if (report.filtered_out > 0)
    line += fmt::format("; {} outside the filter", plural(report.filtered_out, "record", "records"));
  if (!report.failures.empty()) {
    line += fmt::format("; {} did not load", plural(static_cast<long>(report.failures.size()), "file", "files"));
  }
  return line;
}

std::string text_dissent(const DissentReport& report, bool color, std::size_t width) {
  std::string out;
  for (const auto& e : report.entries) {
    std::string child = e.child_name.empty() ? e.child : fmt::format("{} {}", e.child, e.child_name);
    out += paint(fmt::format("{}  {}  {}", e.date, one_line(e.conference), one_line(child)), style::k_bold, color);
    out += fmt::format("  {} {}-{}, {}, chair {}, {}\n", outcome_text(e.outcome), e.plan, e.no_plan,
                       decided_by_name(e.decided_by), one_line(e.chair), one_line(e.file));
    bool listing = std::any_of(e.dissenters.begin(), e.dissenters.end(),
                               [](const Dissenter& d) { return !listing_text(d).empty(); });
    // As many columns as the rows have, so that the reasoning is the last and may wrap.
    TextTable table(std::vector<std::string>(listing ? 7 : 6, ""));
    for (const auto& d : e.dissenters) {
      std::vector<Cell> row = {{"", {}},
                               {one_line(d.grouping), {}},
                               {d.vote ? std::string(name_of(*d.vote)) : "no vote", {}},
                               {one_line(who(d.by, d.by_name)), {}},
                               {escalation_text(d), d.escalation ? style::k_green : style::k_yellow}};
      if (listing) row.push_back({listing_text(d), style::k_bold_red});
      row.push_back({one_line(d.reasoning), style::k_dim});
      table.add(std::move(row));
    }
    out += table.render(color, width);
    if (e.chair_concern) out += fmt::format("  chair's concern, {}\n", one_line(concern_text(*e.chair_concern)));
    out += "\n";
  }
  return out + paint(dissent_totals_line(report), style::k_bold, color) + "\n";
}

std::string markdown_dissent(const DissentReport& report) {
  std::string out =
      "| date | conference | child | outcome | split | decided by | dissent | vote | by | escalated | "
      "listed | reasoning | chair's concern |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (const auto& e : report.entries) {
    std::string child = e.child_name.empty() ? e.child : fmt::format("{} {}", e.child, e.child_name);
    std::string concern = e.chair_concern ? concern_text(*e.chair_concern) : "";
    for (const auto& d : e.dissenters) {
      out += fmt::format("| {} | {} | {} | {} | {}-{} | {} | {} | {} | {} | {} | {} | {} | {} |\n", e.date,
                         markdown_text(e.conference), markdown_text(child), outcome_text(e.outcome), e.plan, e.no_plan,
                         decided_by_name(e.decided_by), markdown_text(d.grouping), outcome_text(d.vote),
                         markdown_text(who(d.by, d.by_name)), escalation_text(d), d.listed ? "yes" : "no",
                         markdown_text(d.reasoning), markdown_text(concern));
    }
  }
  return out + "\n" + dissent_totals_line(report) + "\n";
}

std::string json_dissent(const DissentReport& report) {
  std::string out = "{\n  \"dissent\": [";
  for (std::size_t i = 0; i < report.entries.size(); ++i) {
    const DissentEntry& e = report.entries[i];
    std::string dissenters;
    for (const auto& d : e.dissenters) {
      std::string escalation = "null";
      if (d.escalation) {
        escalation = fmt::format("{{\"by\": {}, \"raised\": {}, \"about\": {}}}", json_or_null(d.escalation->by),
                                 json_or_null(d.escalation->raised), json_or_null(d.escalation->about));
      }
      dissenters += fmt::format(
          "{}{{\"grouping\": {}, \"by\": {}, \"by_name\": {}, \"vote\": {}, \"reasoning\": {}, "
          "\"voted_against\": {}, \"listed\": {}, \"escalation\": {}}}",
          dissenters.empty() ? "" : ", ", json_string(d.grouping), json_or_null(d.by), json_or_null(d.by_name),
          d.vote ? json_string(name_of(*d.vote)) : "null", json_or_null(d.reasoning),
          d.voted_against ? "true" : "false", d.listed ? "true" : "false", escalation);
    }
    std::string concern = "null";
    if (e.chair_concern) {
      concern = fmt::format("{{\"concern\": {}, \"escalated_to\": {}, \"escalated_on\": {}}}",
                            json_or_null(e.chair_concern->concern), json_or_null(e.chair_concern->escalated_to),
                            json_or_null(e.chair_concern->escalated_on));
    }
    out += fmt::format(
        "{}\n    {{\"file\": {}, \"conference\": {}, \"date\": {}, \"chair\": {}, \"profile\": {}, "
        "\"mode\": {}, \"child\": {}, \"name\": {}, \"outcome\": {}, \"plan\": {}, \"no_plan\": {}, "
        "\"decided_by\": {}, \"dissenters\": [{}], \"chair_concern\": {}}}",
        i ? "," : "", json_string(e.file), json_or_null(e.conference), json_or_null(e.date), json_or_null(e.chair),
        json_string(e.profile), json_string(e.mode == DecisionMode::grouping_vote ? "grouping-vote" : "chair-decides"),
        json_string(e.child), json_or_null(e.child_name), e.outcome ? json_string(name_of(*e.outcome)) : "null", e.plan,
        e.no_plan, json_string(decided_by_name(e.decided_by)), dissenters, concern);
  }
  return out + fmt::format(
                   "{}],\n  \"input_errors\": {},\n  \"summary\": {{\"files\": {}, \"records\": {}, "
                   "\"outside_filter\": {}, \"decisions\": {}}}\n}}\n",
                   report.entries.empty() ? "" : "\n  ", json_load_failures(report.failures), report.files,
                   report.records, report.filtered_out, report.entries.size());
}

std::string csv_dissent(const DissentReport& report) {
  std::string out = csv_row({"date",
                             "conference",
                             "file",
                             "chair",
                             "profile",
                             "child",
                             "name",
                             "outcome",
                             "plan",
                             "no_plan",
                             "decided_by",
                             "grouping",
                             "by",
                             "by_name",
                             "vote",
                             "voted_against",
                             "listed",
                             "reasoning",
                             "escalated",
                             "escalated_by",
                             "escalation_raised",
                             "chair_concern",
                             "chair_escalated_to",
                             "chair_escalated_on"});
  for (const auto& e : report.entries) {
    for (const auto& d : e.dissenters) {
      const auto& c = e.chair_concern;
      out += csv_row({e.date,
                      e.conference,
                      e.file,
                      e.chair,
                      e.profile,
                      e.child,
                      e.child_name,
                      e.outcome ? std::string(name_of(*e.outcome)) : "",
                      std::to_string(e.plan),
                      std::to_string(e.no_plan),
                      std::string(decided_by_name(e.decided_by)),
                      d.grouping,
                      d.by,
                      d.by_name,
                      d.vote ? std::string(name_of(*d.vote)) : "",
                      d.voted_against ? "yes" : "no",
                      d.listed ? "yes" : "no",
                      d.reasoning,
                      d.escalation ? "yes" : "no",
                      d.escalation ? d.escalation->by : "",
                      d.escalation ? d.escalation->raised : "",
                      c ? c->concern : "",
                      c ? c->escalated_to : "",
                      c ? c->escalated_on : ""});
    }
  }
  return out;
}

}  // namespace

std::string format_dissent(const DissentReport& report, VoteFormat format, bool color, std::size_t width) {
  switch (format) {
    case VoteFormat::text: return text_dissent(report, color, width);
    case VoteFormat::markdown: return markdown_dissent(report);
    case VoteFormat::json: return json_dissent(report);
    case VoteFormat::csv: return csv_dissent(report);
  }
  return "";
}

}  // namespace cpconf
