// The audit statistics of `cpconf vote --summary`, in every format.
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

constexpr int k_bar_width = 20;
// Decisions listed by name in the terminal table; the machine formats list them all.
constexpr std::size_t k_listed = 10;

constexpr DecidedBy k_split_ways[] = {DecidedBy::majority, DecidedBy::casting_vote, DecidedBy::no_casting_vote,
                                      DecidedBy::over_rule, DecidedBy::chair};

int count_of(const VoteStats& s, DecidedBy how) {
  auto it = s.decided_by.find(how);
  return it == s.decided_by.end() ? 0 : it->second;
}

// A number right-aligned in a column at least `width` wide, so that TextTable (which aligns
// left) lines the digits up.
Cell number(long n, std::size_t width) { return {fmt::format("{:>{}}", n, width), {}}; }

std::size_t digits(long n) { return fmt::formatted_size("{}", n); }

std::string heading(std::string_view text, bool color) { return "\n" + paint(text, style::k_bold, color) + "\n"; }

// Rows of label, count, share of the total and a bar.
class BarTable {
 public:
  explicit BarTable(long total) : m_total(total) {}
  void add(std::string label, long n) { m_rows.emplace_back(std::move(label), n); }
  std::string render(bool color) const {
    std::size_t width = digits(m_total);
    TextTable table({"", "", "", "", ""});
    for (const auto& [label, n] : m_rows) {
      table.add({{"", {}},
                 {label, {}},
                 number(n, width),
                 {fmt::format("{:>4}", percent(n, m_total)), {}},
                 {bar(n, m_total, k_bar_width), style::k_cyan}});
    }
    return table.render(color);
  }

 private:
  long m_total;
  std::vector<std::pair<std::string, long>> m_rows;
};

std::string text_stats(const VoteStats& s, bool color) {
  std::string range = s.first_date.empty() ? "" : fmt::format(", {} to {}", s.first_date, s.last_date);
  std::string out = paint(fmt::format("Votes in {}{}", plural(s.conferences, "conference", "conferences"), range),
                          style::k_bold, color) +
                    "\n";
  long widest = std::max<long>(s.files, s.decisions);
  TextTable overview({"", "", ""});
  overview.add({{"", {}}, {"files read", {}}, number(s.files, digits(widest))});
  overview.add({{"", {}},
                {"did not load", s.failures.empty() ? std::string_view{} : style::k_bold_red},
                {fmt::format("{:>{}}", s.failures.size(), digits(widest)),
                 s.failures.empty() ? std::string_view{} : style::k_bold_red}});
  if (s.filtered_out > 0) overview.add({{"", {}}, {"outside the filter", {}}, number(s.filtered_out, digits(widest))});
  overview.add({{"", {}}, {"conferences", {}}, number(s.conferences, digits(widest))});
  overview.add({{"", {}}, {"children decided", {}}, number(s.decisions, digits(widest))});
  out += overview.render(color);

  long n = s.decisions;
  out += heading(fmt::format("How the decisions were reached (of {})", n), color);
  BarTable how(n);
  how.add("consensus", count_of(s, DecidedBy::consensus));
  how.add("unanimous votes or views", count_of(s, DecidedBy::unanimous));
  how.add("split votes or views", s.split_decisions());
  for (DecidedBy way : k_split_ways) how.add(fmt::format("  {}", decided_by_name(way)), count_of(s, way));
  how.add("no votes recorded", count_of(s, DecidedBy::no_votes));
  how.add("ties", s.ties);
  how.add("  decided by casting vote", s.casting_votes);
  how.add("over-rules", s.over_rules);
  how.add("against the majority", s.against_majority);
  how.add("inconsistent with the votes", s.inconsistent);
  for (const auto& [rule, count] : s.inconsistent_by_rule) how.add("  " + rule, count);
  how.add("plan", s.plans);
  how.add("no plan", s.no_plans);
  out += how.render(color);

  out += heading("Dissent by grouping (counted votes against the outcome)", color);
  long most_votes = 0;
  for (const auto& [grouping, g] : s.groupings) most_votes = std::max<long>(most_votes, g.votes);
  std::size_t w = std::max<std::size_t>(digits(most_votes), 5);
  TextTable dissent({"", "grouping", "votes", "dissents", "rate", "", "escalated"});
  for (const auto& [grouping, g] : s.groupings) {
    dissent.add({{"", {}},
                 {one_line(grouping), {}},
                 number(g.votes, w),
                 number(g.dissents, std::max<std::size_t>(w, 8)),
                 {fmt::format("{:>4}", percent(g.dissents, g.votes)), {}},
                 {fmt::format("{:<{}}", bar(g.dissents, g.votes, k_bar_width), k_bar_width), style::k_cyan},
                 number(g.escalated, 9)});
  }
  out += dissent.render(color);

  out += heading("Chairs", color);
  TextTable chairs({"", "chair", "conferences", "decisions", "casting votes", "over-rules", "against majority",
                    "concerns", "escalated"});
  for (const auto& [chair, c] : s.chairs) {
    chairs.add({{"", {}},
                {one_line(c.name), {}},
                number(c.conferences, 11),
                number(c.decisions, 9),
                number(c.casting_votes, 13),
                number(c.over_rules, 10),
                number(c.against_majority, 16),
                number(c.concerns, 8),
                number(c.concerns_escalated, 9)});
  }
  out += chairs.render(color);

  out += heading(fmt::format("Children's social care prevailed against most other groupings: {} of {}",
                             s.social_care_prevailed.size(), n),
                 color);
  TextTable prevailed({"", "", "", "", "", ""});
  std::size_t shown = std::min(s.social_care_prevailed.size(), k_listed);
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& d = s.social_care_prevailed[i];
    prevailed.add({{"", {}},
                   {d.date, {}},
                   {one_line(d.conference), {}},
                   {one_line(d.child), {}},
                   {d.decided_by, {}},
                   {one_line(d.file), style::k_dim}});
  }
  out += prevailed.render(color);
  if (shown < s.social_care_prevailed.size()) {
    out += fmt::format("  and {} more: --format csv or json lists them all\n", s.social_care_prevailed.size() - shown);
  }

  out += heading(fmt::format("Plans by category of abuse (of {})", s.plans), color);
  BarTable categories(s.plans);
  for (const auto& [category, count] : s.categories) categories.add(one_line(category), count);
  categories.add("none recorded", s.plans_without_category);
  out += categories.render(color);

  if (!s.failures.empty()) {
    out += heading(fmt::format("Did not load ({})", s.failures.size()), color);
    for (const auto& f : s.failures) out += fmt::format("  {}\n", one_line(f.message));
  }
  return out;
}

std::string markdown_stats(const VoteStats& s) {
  long n = s.decisions;
  auto row = [](std::string_view label, long count, long total) {
    return fmt::format("| {} | {} | {} |\n", label, count, percent(count, total));
  };
  std::string out = fmt::format("## Votes in {}{}\n\n", plural(s.conferences, "conference", "conferences"),
                                s.first_date.empty() ? "" : fmt::format(", {} to {}", s.first_date, s.last_date));
  out += fmt::format("Files read: {}; did not load: {}; outside the filter: {}; children decided: {}.\n\n", s.files,
                     s.failures.size(), s.filtered_out, n);
  out += "| how decided | decisions | share |\n|---|--:|--:|\n";
  out += row("consensus", count_of(s, DecidedBy::consensus), n);
  out += row("unanimous votes or views", count_of(s, DecidedBy::unanimous), n);
  out += row("split votes or views", s.split_decisions(), n);
  for (DecidedBy how : k_split_ways) out += row(fmt::format("— {}", decided_by_name(how)), count_of(s, how), n);
  out += row("no votes recorded", count_of(s, DecidedBy::no_votes), n);
  out += row("ties", s.ties, n);
  out += row("— decided by casting vote", s.casting_votes, n);
  out += row("over-rules", s.over_rules, n);
  out += row("against the majority", s.against_majority, n);
  out += row("inconsistent with the votes", s.inconsistent, n);
  for (const auto& [rule, count] : s.inconsistent_by_rule) out += row(fmt::format("— {}", rule), count, n);
  out += row("plan", s.plans, n);
  out += row("no plan", s.no_plans, n);
  out += "\n| grouping | votes | dissents | rate | escalated |\n|---|--:|--:|--:|--:|\n";
  for (const auto& [grouping, g] : s.groupings) {
    out += fmt::format("| {} | {} | {} | {} | {} |\n", markdown_text(grouping), g.votes, g.dissents,
                       percent(g.dissents, g.votes), g.escalated);
  }
  out +=
      "\n| chair | conferences | decisions | casting votes | over-rules | against majority | concerns | escalated "
      "|\n|---|--:|--:|--:|--:|--:|--:|--:|\n";
  for (const auto& [chair, c] : s.chairs) {
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", markdown_text(c.name), c.conferences, c.decisions,
                       c.casting_votes, c.over_rules, c.against_majority, c.concerns, c.concerns_escalated);
  }
  out += fmt::format("\nChildren's social care prevailed against most other groupings: {} of {}.\n\n",
                     s.social_care_prevailed.size(), n);
  for (const auto& d : s.social_care_prevailed) {
    out += fmt::format("- {} {} {} ({}), {}\n", d.date, markdown_text(d.conference), markdown_text(d.child),
                       d.decided_by, markdown_text(d.file));
  }
  out += "\n| category of abuse | plans | share |\n|---|--:|--:|\n";
  for (const auto& [category, count] : s.categories) out += row(markdown_text(category), count, s.plans);
  out += row("none recorded", s.plans_without_category, s.plans);
  for (const auto& f : s.failures) out += fmt::format("\nDid not load: {}\n", markdown_text(f.message));
  return out;
}

std::string json_counts(const std::map<std::string, int, std::less<>>& counts) {
  std::string out = "{";
  for (const auto& [key, n] : counts) out += fmt::format("{}{}: {}", out.size() > 1 ? ", " : "", json_string(key), n);
  return out + "}";
}

std::string json_percent(long n, long total) {
  std::string p = percent_decimal(n, total);
  return p.empty() ? "null" : p;
}

std::string json_stats(const VoteStats& s) {
  std::string decided;
  for (DecidedBy how : {DecidedBy::consensus, DecidedBy::unanimous, DecidedBy::majority, DecidedBy::casting_vote,
                        DecidedBy::no_casting_vote, DecidedBy::over_rule, DecidedBy::chair, DecidedBy::no_votes}) {
    decided +=
        fmt::format("{}{}: {}", decided.empty() ? "" : ", ", json_string(decided_by_name(how)), count_of(s, how));
  }
  std::string groupings;
  for (const auto& [grouping, g] : s.groupings) {
    groupings += fmt::format(
        "{}\n    {{\"grouping\": {}, \"votes\": {}, \"dissents\": {}, \"dissent_percent\": {}, "
        "\"escalated\": {}}}",
        groupings.empty() ? "" : ",", json_string(grouping), g.votes, g.dissents, json_percent(g.dissents, g.votes),
        g.escalated);
  }
  std::string chairs;
  for (const auto& [chair, c] : s.chairs) {
    chairs += fmt::format(
        "{}\n    {{\"chair\": {}, \"conferences\": {}, \"decisions\": {}, \"casting_votes\": {}, "
        "\"over_rules\": {}, \"against_majority\": {}, \"concerns\": {}, \"concerns_escalated\": {}}}",
        chairs.empty() ? "" : ",", json_string(c.name), c.conferences, c.decisions, c.casting_votes, c.over_rules,
        c.against_majority, c.concerns, c.concerns_escalated);
  }
  std::string prevailed;
  for (const auto& d : s.social_care_prevailed) {
    prevailed +=
        fmt::format("{}\n    {{\"file\": {}, \"conference\": {}, \"date\": {}, \"child\": {}, \"decided_by\": {}}}",
                    prevailed.empty() ? "" : ",", json_string(d.file), json_string(d.conference), json_string(d.date),
                    json_string(d.child), json_string(d.decided_by));
  }
  auto block = [](const std::string& items) { return items.empty() ? std::string("[]") : "[" + items + "\n  ]"; };
  return fmt::format(
      "{{\n  \"files\": {},\n  \"input_errors\": {},\n  \"outside_filter\": {},\n  \"conferences\": {},\n"
      "  \"first_date\": {},\n  \"last_date\": {},\n  \"decisions\": {},\n  \"decided_by\": {{{}}},\n"
      "  \"split\": {},\n  \"ties\": {},\n  \"casting_votes\": {},\n  \"over_rules\": {},\n  \"against_majority\": "
      "{},\n"
      "  \"inconsistent\": {},\n  \"inconsistent_by_rule\": {},\n  \"plans\": {},\n  \"no_plans\": {},\n"
      "  \"categories\": {},\n  \"plans_without_category\": {},\n  \"groupings\": {},\n  \"chairs\": {},\n"
      "  \"social_care_prevailed\": {}\n}}\n",
      s.files, json_load_failures(s.failures), s.filtered_out, s.conferences, json_or_null(s.first_date),
      json_or_null(s.last_date), s.decisions, decided, s.split_decisions(), s.ties, s.casting_votes, s.over_rules,
      s.against_majority, s.inconsistent, json_counts(s.inconsistent_by_rule), s.plans, s.no_plans,
      json_counts(s.categories), s.plans_without_category, block(groupings), block(chairs), block(prevailed));
}

// Long form: one figure per row, so every section fits one RFC 4180 table.
std::string csv_stats(const VoteStats& s) {
  std::string out = csv_row({"section", "name", "count", "of", "percent", "note"});
  auto row = [&](std::string_view section, std::string_view name, long count, long of, std::string note = "") {
    out += csv_row({std::string(section), std::string(name), std::to_string(count), std::to_string(of),
                    percent_decimal(count, of), std::move(note)});
  };
  auto figure = [&](std::string_view name, long count) {
    out += csv_row({"overview", std::string(name), std::to_string(count), "", "", ""});
  };
  long n = s.decisions;
  figure("files", s.files);
  figure("did not load", static_cast<long>(s.failures.size()));
  figure("outside the filter", s.filtered_out);
  figure("conferences", s.conferences);
  figure("children decided", n);
  out += csv_row({"overview", "first date", "", "", "", s.first_date});
  out += csv_row({"overview", "last date", "", "", "", s.last_date});
  row("decided by", "consensus", count_of(s, DecidedBy::consensus), n);
  row("decided by", "unanimous", count_of(s, DecidedBy::unanimous), n);
  row("decided by", "split", s.split_decisions(), n);
  for (DecidedBy how : k_split_ways) row("decided by", decided_by_name(how), count_of(s, how), n);
  row("decided by", "no votes recorded", count_of(s, DecidedBy::no_votes), n);
  row("decisions", "ties", s.ties, n);
  row("decisions", "casting votes", s.casting_votes, n);
  row("decisions", "over-rules", s.over_rules, n);
  row("decisions", "against the majority", s.against_majority, n);
  row("decisions", "inconsistent", s.inconsistent, n);
  for (const auto& [rule, count] : s.inconsistent_by_rule) row("inconsistent", rule, count, n);
  row("outcome", "plan", s.plans, n);
  row("outcome", "no-plan", s.no_plans, n);
  for (const auto& [grouping, g] : s.groupings) {
    row("grouping dissent", grouping, g.dissents, g.votes, fmt::format("{} escalated", g.escalated));
  }
  for (const auto& [chair, c] : s.chairs) {
    row("chair conferences", c.name, c.conferences, s.conferences);
    row("chair over-rules", c.name, c.over_rules, c.decisions);
    row("chair casting votes", c.name, c.casting_votes, c.decisions);
    row("chair against majority", c.name, c.against_majority, c.decisions);
    row("chair concerns", c.name, c.concerns, c.decisions, fmt::format("{} escalated", c.concerns_escalated));
  }
  row("social care prevailed", "decisions", static_cast<long>(s.social_care_prevailed.size()), n);
  for (const auto& d : s.social_care_prevailed) {
    out += csv_row({"social care prevailed", d.conference + " " + d.child, "1", "", "",
                    fmt::format("{} {} {}", d.date, d.decided_by, d.file)});
  }
  for (const auto& [category, count] : s.categories) row("category", category, count, s.plans);
  row("category", "none recorded", s.plans_without_category, s.plans);
  for (const auto& f : s.failures) out += csv_row({"did not load", f.file, "1", "", "", f.message});
  return out;
}

}  // namespace

std::string format_vote_stats(const VoteStats& stats, VoteFormat format, bool color) {
  switch (format) {
    case VoteFormat::text: return text_stats(stats, color);
    case VoteFormat::markdown: return markdown_stats(stats);
    case VoteFormat::json: return json_stats(stats);
    case VoteFormat::csv: return csv_stats(stats);
  }
  return "";
}

}  // namespace cpconf
