#include "cpconf/check/rule.hpp"

#include <algorithm>

namespace cpconf {

std::string_view family_name(Family family) {
  switch (family) {
    case Family::record: return "record";
    case Family::attendance: return "attendance";
    case Family::timescales: return "reports and timescales";
    case Family::decision: return "decision";
    case Family::case_chain: return "case";
    case Family::information: return "information";
    case Family::waiver: return "waiver";
  }
  return "record";
}

std::span<const Rule> all_rules() {
  static const std::vector<Rule> k_rules = [] {
    std::vector<Rule> rules;
    for (auto family : {record_rules(), attendance_rules(), timescale_rules(), decision_rules(), information_rules(), case_rules(), waiver_rules()}) rules.insert(rules.end(), family.begin(), family.end());
    return rules;
  }();
  return k_rules;
}

const Rule* find_rule(std::string_view name) {
  auto rules = all_rules();
  auto it = std::find_if(rules.begin(), rules.end(), [&](const Rule& rule) { return rule.name == name; });
  return it == rules.end() ? nullptr : &*it;
}

}  // namespace cpconf
