#include "cpconf/report/statistics.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "cpconf/text/colour.hpp"
#include "cpconf/text/json.hpp"
#include "cpconf/text/terminal.hpp"

namespace cpconf {

namespace {

using Counted = std::vector<std::pair<std::string_view, long>>;

Counted by_count(const std::map<std::string, long, std::less<>>& counts) {
  Counted out(counts.begin(), counts.end());
  // The map is in name order, and a stable sort keeps it among equal counts.
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

}  // namespace

void FindingStatistics::add(const Finding& finding, std::string_view chair) {
  auto bump = [](std::map<std::string, long, std::less<>>& counts, std::string_view key) {
    auto it = counts.find(key);
    if (it == counts.end()) it = counts.emplace(std::string(key), 0).first;
    ++it->second;
  };
  bump(m_rules, finding.rule);
  bump(m_chairs, chair);
  bump(m_files, finding.file);
}

void FindingStatistics::add(const FileReport& report) {
  std::string_view chair = report.conference ? std::string_view(report.conference->chair) : std::string_view{};
  for (const auto& finding : report.findings) add(finding, chair);
}

std::string FindingStatistics::text(bool color) const {
  if (m_rules.empty()) return {};
  std::string out;
  auto section = [&](std::string_view title, const std::map<std::string, long, std::less<>>& counts) {
    out += color ? fmt::format("{}{}{}\n", k_bold, title, k_reset) : fmt::format("{}\n", title);
    for (const auto& [name, n] : by_count(counts)) {
      out += fmt::format("{:>7}  {}\n", n, name.empty() ? std::string("(none)") : one_line(name));
    }
  };
  section("Findings by rule:", m_rules);
  section("Findings by chair:", m_chairs);
  section("Findings by file:", m_files);
  return out;
}

std::string FindingStatistics::json() const {
  auto list = [](std::string_view key, const std::map<std::string, long, std::less<>>& counts) {
    std::string out = "[";
    for (const auto& [name, n] : by_count(counts)) {
      out += fmt::format("{}{{\"{}\":{},\"count\":{}}}", out.size() == 1 ? "" : ",", key,
                         key == "chair" && name.empty() ? std::string("null") : json_string(name), n);
    }
    return out + "]";
  };
  return fmt::format("{{\"rules\":{},\"chairs\":{},\"files\":{}}}", list("rule", m_rules), list("chair", m_chairs),
                     list("file", m_files));
}

}  // namespace cpconf
