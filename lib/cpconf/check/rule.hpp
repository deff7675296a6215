#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cpconf/date.hpp"
#include "cpconf/derive/tally.hpp"
#include "cpconf/finding.hpp"
#include "cpconf/load/model.hpp"
#include "cpconf/load/profile.hpp"

namespace cpconf {

enum class Family { record, attendance, timescales, decision, case_chain, information, waiver };

// "reports and timescales", as `cpconf rules` names the family.
std::string_view family_name(Family family);
// The one-word name of a family: what --family and --select take, JSON gives, and tests/e2e/
// names a folder after ("timescales").
std::string_view family_key(Family family);
// Every family, in the order `cpconf rules` lists them.
std::span<const Family> all_families();
// A family from its key or its name.
std::optional<Family> family_from_key(std::string_view key);

class Calendar;

// What a rule sees: one loaded record and the procedure it follows.
struct CheckContext {
  const Record& record;
  const Profile& profile;
  const Calendar& calendar;
  Date as_of;  // "today" for timescales whose deadline may not have passed yet
  // The tally of each decision, in record order, made on first use: a dozen decision rules
  // read it, and making it once per rule was a tenth of a warm run's time.
  const std::vector<VoteTally>& tallies() const;
  mutable std::optional<std::vector<VoteTally>> tallies_made = std::nullopt;
};

// One place a rule fires; the runner adds the rule's name, severity and the file.
struct Hit {
  Location location;
  std::string path;
  std::string message;
  std::vector<std::string> quoted = {};  // Finding::quoted
};
using Hits = std::vector<Hit>;

template <class T>
Hit hit_at(const Field<T>& field, std::string path, std::string message, std::vector<std::string> quoted = {}) {
  return {field.location, std::move(path), std::move(message), std::move(quoted)};
}
inline Hit hit_at(const Node& node, std::string message) { return {node.location, node.path, std::move(message)}; }

// A text field that says something: present and not only blanks. Rules treat a blank reason,
// rationale or evidence as missing.
inline bool has_text(const Field<std::string>& field) {
  return field && field->find_first_not_of(" \t\r\n") != std::string::npos;
}

using CheckFn = Hits (*)(const CheckContext&);

// One row of the rule table: everything `cpconf rules`, SARIF metadata and profiles read.
struct Rule {
  std::string_view name;
  Family family;
  Severity severity;
  std::string_view summary;
  std::string_view source;
  std::string_view explanation;
  CheckFn check;  // nullptr for rules the loader applies while reading the file
};

std::span<const Rule> all_rules();
const Rule* find_rule(std::string_view name);

// Each family's rows, defined beside its checks (check/<family>_rules.cpp) and gathered by
// all_rules(). Adding a rule touches only its family's file.
std::span<const Rule> record_rules();
std::span<const Rule> file_rules();  // record and case rules about the file: its first line, its history
std::span<const Rule> attendance_rules();
std::span<const Rule> timescale_rules();
std::span<const Rule> decision_rules();
std::span<const Rule> information_rules();
std::span<const Rule> case_rules();
std::span<const Rule> waiver_rules();

}  // namespace cpconf
