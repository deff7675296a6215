#include "cpconf/timeline/case_chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "cpconf/derive/calendar.hpp"
#include "cpconf/text/json.hpp"
#include "cpconf/text/terminal.hpp"
#include "cpconf/text/text_table.hpp"
#include "cpconf/timeline/format.hpp"

namespace cpconf {

namespace {

constexpr int k_width = 48;  // columns of the date axis

// Maps dates in [first, last] onto the columns of the axis.
class Axis {
 public:
  Axis(Date first, Date last) : m_first(first.serial()), m_span(std::max(1L, last.serial() - first.serial())) {}

  bool holds(Date date) const { return date.serial() >= m_first && date.serial() <= m_first + m_span; }
  int column(Date date) const {
    double at = static_cast<double>(date.serial() - m_first) * (k_width - 1) / static_cast<double>(m_span);
    return std::clamp(static_cast<int>(std::lround(at)), 0, k_width - 1);
  }

  // "2025-10   2026-01   ..." at the first day of every k-th month, k chosen so labels never touch.
  std::string labels() const {
    double columns_per_month = 30.44 * (k_width - 1) / static_cast<double>(m_span);
    int step = 1;
    for (int k : {1, 2, 3, 6, 12, 24, 60, 120}) {
      step = k;
      if (columns_per_month * k >= 9) break;
    }
    std::string line(k_width, ' ');
    Date first = Date::from_serial(m_first);
    Date tick{first.year, first.month, 1};
    int free_from = 0;
    for (; tick.serial() <= m_first + m_span; tick = Calendar::add_months(tick, 1)) {
      if (tick.serial() < m_first || (tick.month - 1) % step != 0) continue;
      int at = column(tick);
      std::string label = fmt::format("{:04}-{:02}", tick.year, tick.month);
      if (at < free_from || at + static_cast<int>(label.size()) > k_width) continue;
      line.replace(static_cast<std::size_t>(at), label.size(), label);
      free_from = at + static_cast<int>(label.size()) + 1;
    }
    return line;
  }

 private:
  long m_first;
  long m_span;
};

void put(std::string& row, int column, char mark) { row[static_cast<std::size_t>(column)] = mark; }

// A stretch from one column to another: '-' up to the latest date allowed, '!' after it.
void stretch(std::string& row, int from, int to, std::optional<int> limit) {
  for (int c = from + 1; c < to; ++c) put(row, c, limit && c > *limit ? '!' : '-');
}

std::string link_status(const ChainLink& link) {
  if (!link.limit) return {};
  std::string status = link.state == State::met ? "met" : "missed by " + count_of(link.late_days, "day");
  return link.planned ? status + " (arranged)" : status;
}

std::string plan_text(const CaseChain& chain, const PlanSpan& plan) {
  auto at = [&](std::size_t i) { return chain.links[i].conference.date; };
  std::string text = fmt::format("made {}", at(plan.start).str());
  for (auto i : plan.continued) text += fmt::format("; continued {}", at(i).str());
  if (plan.end) {
    Date start = at(plan.start);
    Date end = at(*plan.end);
    int months = 0;
    while (Calendar::add_months(start, months + 1) <= end) ++months;
    text += fmt::format("; ended {} after {}", end.str(),
                        interval_text(months, end.serial() - Calendar::add_months(start, months).serial()));
  } else {
    text += "; open";
  }
  return text;
}

std::string next_text(const CaseChain& chain) {
  if (!chain.next) return "none: " + chain.no_next_reason;
  const NextReview& n = *chain.next;
  const ChainConference& from = chain.links[n.from].conference;
  std::string status = standing_text({n.state, n.amount}, n.due.date, chain.as_of);
  std::string basis = n.set ? fmt::format("the date set; the latest allowed is {}", n.deadline.due.str())
                            : "no date set: the latest allowed";
  return fmt::format("{} ({}, {} after {} on {}): {}", n.due.str(), basis, count_of(n.deadline.limit, "month"), from.id,
                     from.date.str(), status);
}

}  // namespace

std::string format_case_text(const CaseChain& chain, bool color) {
  std::string out = paint(fmt::format("case {}: {} conference{}, as of {}", one_line(chain.case_id), chain.links.size(),
                                      chain.links.size() == 1 ? "" : "s", chain.as_of.str()),
                          style::k_bold, color) +
                    "\n\n";
  if (chain.links.empty()) return out;
  Date last = chain.links.back().conference.date;
  if (chain.next) {
    last = std::max({last, chain.next->due.date, chain.next->deadline.due.date});
    if (chain.next->state == State::overdue) last = std::max(last, chain.as_of);
  }
  Axis axis(chain.links.front().conference.date, last);
  auto today = [&](std::string& row) {
    if (axis.holds(chain.as_of) && row[static_cast<std::size_t>(axis.column(chain.as_of))] == ' ') {
      put(row, axis.column(chain.as_of), ':');
    }
  };

  TextTable table({"KIND", "DATE", "CONFERENCE", axis.labels(), "INTERVAL", "DUE BY", "STATUS"});
  for (const auto& link : chain.links) {
    const ChainConference& c = link.conference;
    std::string row(k_width, ' ');
    int at = axis.column(c.date);
    std::string interval;
    std::string due_by;
    if (link.from) {
      int from = axis.column(chain.links[*link.from].conference.date);
      std::optional<int> limit;
      if (axis.holds(link.limit->due.date)) limit = axis.column(link.limit->due.date);
      stretch(row, from, at, limit);
      put(row, from, '+');
      if (limit && *limit != at) put(row, *limit, '|');
      interval = interval_text(link.interval_months, link.interval_rest_days);
      due_by = fmt::format("{} ({})", link.limit->due.str(), count_of(link.limit->limit, "month"));
    }
    put(row, at, link.planned ? 'o' : '*');
    today(row);
    std::string_view status_style = link.state == State::missed ? style::k_red : style::k_green;
    table.add({{std::string(name_of(c.kind)), {}},
               {c.date.str(), {}},
               {c.id, {}},
               {row, {}},
               {interval, {}},
               {due_by, {}},
               {link_status(link), link.limit ? status_style : std::string_view{}}});
    if (!link.note.empty()) table.add_note(link.note);
  }
  if (chain.next) {
    const NextReview& n = *chain.next;
    std::string row(k_width, ' ');
    int from = axis.column(chain.links[n.from].conference.date);
    int due = axis.column(n.due.date);
    int latest = axis.column(n.deadline.due.date);
    stretch(row, from, due, latest);
    if (n.state == State::overdue) stretch(row, due, axis.column(chain.as_of) + 1, due);
    if (latest != due) put(row, latest, '|');
    put(row, due, '>');
    today(row);
    std::string status = standing_text({n.state, n.amount}, n.due.date, chain.as_of);
    table.add({{"next", {}},
               {n.due.date.str(), {}},
               {"review due", {}},
               {row, {}},
               {"", {}},
               {fmt::format("{} ({})", n.deadline.due.str(), count_of(n.deadline.limit, "month")), {}},
               {status, n.state == State::overdue ? style::k_bold_red : style::k_yellow}});
  }
  out += table.render(color);
  out +=
      paint(fmt::format("* held  o arranged  + measured from  | latest date allowed  ! late  > next review  : as of {}",
                        chain.as_of.str()),
            style::k_dim, color) +
      "\n";

  if (!chain.plans.empty()) {
    out += "\nplans\n";
    TextTable plans({"", "", ""});
    for (const auto& plan : chain.plans)
      plans.add({{"", {}}, {fmt::format("{} ({})", plan.name, plan.key), {}}, {plan_text(chain, plan), {}}});
    out += plans.render(color);
  }
  out += "\nnext review: " + one_line(next_text(chain)) + "\n";
  return out;
}

std::string format_case_json(const CaseChain& chain) {
  auto ref = [&](std::size_t i) {
    const ChainConference& c = chain.links[i].conference;
    return fmt::format("{{\"id\": {}, \"date\": {}}}", json_string(c.id), json_string(c.date.str()));
  };
  std::string conferences;
  for (const auto& link : chain.links) {
    const ChainConference& c = link.conference;
    std::string children;
    for (const auto& child : c.children) {
      children += fmt::format("{}{{\"key\": {}, \"name\": {}, \"outcome\": {}}}", children.empty() ? "" : ", ",
                              json_string(child.key), json_string(child.name),
                              child.outcome ? json_string(name_of(*child.outcome)) : "null");
    }
    std::string measured = "null";
    if (link.from) {
      measured = fmt::format(
          "{{\"from\": {}, \"days\": {}, \"months\": {}, \"rest_days\": {}, \"limit_months\": {}, \"due_by\": {}, "
          "\"status\": {}, \"late_days\": {}}}",
          json_string(chain.links[*link.from].conference.id), link.interval_days, link.interval_months,
          link.interval_rest_days, link.limit->limit, json_string(link.limit->due.str()),
          json_string(state_name(link.state)), link.late_days);
    }
    conferences += fmt::format(
        "{}\n    {{\"id\": {}, \"file\": {}, \"kind\": {}, \"date\": {}, \"chair\": {}, \"previous\": {}, "
        "\"arranged\": {}, \"interval\": {}, \"note\": {}, \"children\": [{}]}}",
        conferences.empty() ? "" : ",", json_string(c.id), json_string(c.file), json_string(name_of(c.kind)),
        json_string(c.date.str()), json_string(c.chair), c.previous.empty() ? "null" : json_string(c.previous),
        link.planned ? "true" : "false", measured, json_string(link.note), children);
  }
  std::string plans;
  for (const auto& plan : chain.plans) {
    std::string continued;
    for (auto i : plan.continued) continued += (continued.empty() ? "" : ", ") + ref(i);
    plans += fmt::format("{}\n    {{\"key\": {}, \"name\": {}, \"start\": {}, \"continued\": [{}], \"end\": {}}}",
                         plans.empty() ? "" : ",", json_string(plan.key), json_string(plan.name), ref(plan.start),
                         continued, plan.end ? ref(*plan.end) : "null");
  }
  std::string next = "null";
  if (chain.next) {
    const NextReview& n = *chain.next;
    next = fmt::format(
        "{{\"after\": {}, \"due\": {}, \"set\": {}, \"latest_allowed\": {}, \"limit_months\": {}, \"status\": {}, "
        "\"{}\": {{\"amount\": {}, \"unit\": \"{}\"}}}}",
        json_string(chain.links[n.from].conference.id), json_string(n.due.str()), n.set ? "true" : "false",
        json_string(n.deadline.due.str()), n.deadline.limit, json_string(state_name(n.state)),
        n.state == State::overdue ? "late_by" : "due_in", n.amount.amount,
        n.amount.unit == LateUnit::days ? "days" : "working-days");
  }
  return fmt::format(
      "{{\n  \"case\": {},\n  \"as_of\": {},\n  \"conferences\": [{}\n  ],\n  \"plans\": [{}{}],\n  \"next_review\": "
      "{},\n  \"no_next_review_reason\": {}\n}}\n",
      json_string(chain.case_id), json_string(chain.as_of.str()), conferences, plans, plans.empty() ? "" : "\n  ", next,
      chain.next ? "null" : json_string(chain.no_next_reason));
}

}  // namespace cpconf
