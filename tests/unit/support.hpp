#pragma once

// Helpers for rule tests: load a record from YAML text and run one rule on it.
#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "cpconf/check/rule.hpp"
#include "cpconf/check/validate.hpp"
#include "cpconf/derive/calendar.hpp"
#include "cpconf/load/record_reader.hpp"
#include "cpconf/profile.hpp"

namespace cpconf::test {

// Loads a record that must load without structural findings.
inline Record record_from(std::string_view yaml) {
  LoadedRecord loaded = load_record(yaml, "test.yaml");
  for (const auto& f : loaded.findings) INFO(f.rule << " " << f.location.line << ":" << f.location.column << " " << f.message);
  REQUIRE(loaded.record.has_value());
  CHECK(loaded.findings.empty());
  return *loaded.record;
}

// The messages one rule gives on a record, judged as of the given date.
inline std::vector<std::string> run_rule(std::string_view rule_name, std::string_view yaml,
                                         const std::string& profile_name = "", Date as_of = {2026, 11, 22}) {
  const Rule* rule = find_rule(rule_name);
  REQUIRE_MESSAGE(rule != nullptr, "no rule named " << rule_name);
  bool has_check = rule->check != nullptr;
  REQUIRE_MESSAGE(has_check, rule_name << " is applied by the loader, not a check");
  Record record = record_from(yaml);
  Profile profile = load_profile(profile_name.empty() ? record.conference.profile.value_or(std::string("england"))
                                                      : profile_name);
  Calendar calendar(profile.closure_days);
  CheckContext context{record, profile, calendar, as_of};
  std::vector<std::string> messages;
  for (const auto& hit : rule->check(context)) messages.push_back(hit.path + ": " + hit.message);
  return messages;
}

}  // namespace cpconf::test
