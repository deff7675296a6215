#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cpconf/check/rule.hpp"
#include "cpconf/load/profile.hpp"

namespace cpconf {

// A rule as `cpconf rules` shows it; under a profile, with the severity it gets there.
struct RuleEntry {
  const Rule* rule = nullptr;
  std::string profile;               // empty: no profile given, severity is the default
  std::optional<Severity> severity;  // nothing when the profile switches the rule off
};

RuleEntry rule_entry(const Rule& rule, const Profile* profile);
// Every rule, or one family's, grouped by family in table order.
std::vector<RuleEntry> list_rules(std::optional<Family> family, const Profile* profile);

// An aligned table: name, family, severity (default and, under a profile, the profile's),
// summary. Colour marks severities only.
std::string format_rules_text(const std::vector<RuleEntry>& entries, bool color);
// One rule: name, family, severity, summary, the explanation wrapped at 80 columns, source.
std::string format_rule_text(const RuleEntry& entry, bool color);
// A JSON array of {name, family, severity, summary, explanation, source}, plus
// profile_severity ("off" when off) under a profile.
std::string format_rules_json(const std::vector<RuleEntry>& entries);
std::string format_rule_json(const RuleEntry& entry);
// The rule reference (docs/rules.md): every rule under a heading of its own name, so that a
// link can point at it (SARIF's helpUri), with its severity, summary, explanation and source,
// then the documents the rules cite.
std::string format_rules_markdown(const std::vector<RuleEntry>& entries);

// A documents the rules cite, in full: who published it and its title.
struct CitedDocument {
  std::string_view publisher;
  std::string_view title;
  std::string_view edition;  // may be empty
};
const std::vector<CitedDocument>& cited_documents();

// "unknown rule 'x' (did you mean 'y'?)" and the like for a family.
std::string unknown_rule_message(std::string_view name);
std::string unknown_family_message(std::string_view name);

// Breaks text at spaces into lines of at most width columns (a longer word keeps its own
// line), each starting with indent and ending with a newline.
std::string wrap_text(std::string_view text, std::size_t width, std::string_view indent);

}  // namespace cpconf
