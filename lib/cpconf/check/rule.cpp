#include "cpconf/check/rule.hpp"

#include <algorithm>
#include <optional>

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

namespace {

constexpr Family k_families[] = {Family::record,     Family::attendance,  Family::timescales, Family::decision,
                                 Family::case_chain, Family::information, Family::waiver};

}  // namespace

std::span<const Family> all_families() { return k_families; }

std::string_view family_key(Family family) {
  switch (family) {
    case Family::record: return "record";
    case Family::attendance: return "attendance";
    case Family::timescales: return "timescales";
    case Family::decision: return "decision";
    case Family::case_chain: return "case";
    case Family::information: return "information";
    case Family::waiver: return "waiver";
  }
  return "record";
}

std::optional<Family> family_from_key(std::string_view key) {
  for (Family family : k_families) {
    if (key == family_key(family) || key == family_name(family)) return family;
  }
  return std::nullopt;
}

std::span<const Rule> all_rules() {
  static const std::vector<Rule> k_rules = [] {
    std::vector<Rule> rules;
    for (auto family : {record_rules(), file_rules(), attendance_rules(), timescale_rules(), decision_rules(),
                        information_rules(), case_rules(), waiver_rules()}) {
      rules.insert(rules.end(), family.begin(), family.end());
    }
    return rules;
  }();
  return k_rules;
}

const Rule* find_rule(std::string_view name) {
  auto rules = all_rules();
  auto it = std::find_if(rules.begin(), rules.end(), [&](const Rule& rule) { return rule.name == name; });
  return it == rules.end() ? nullptr : &*it;
}

const std::vector<VoteTally>& CheckContext::tallies() const {
  if (!tallies_made) {
    std::vector<VoteTally> made;
    made.reserve(record.decisions.size());
    for (const auto& d : record.decisions) made.push_back(tally_votes(d, record, profile));
    tallies_made = std::move(made);
  }
  return *tallies_made;
}

}  // namespace cpconf
