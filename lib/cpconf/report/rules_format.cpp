#include "cpconf/report/rules_format.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cpconf/check/validator.hpp"
#include "cpconf/text/colour.hpp"
#include "cpconf/text/json.hpp"
#include "cpconf/text/markdown_escape.hpp"
#include "cpconf/text/suggest.hpp"
#include "cpconf/text/words.hpp"

namespace cpconf {

namespace {

std::string_view setting_name(std::optional<Severity> severity) { return severity ? severity_name(*severity) : "off"; }

// The severity word padded to width, coloured without the escapes counting towards the width.
std::string severity_cell(std::optional<Severity> severity, std::size_t width, bool color) {
  std::string_view word = setting_name(severity);
  std::string padding(width > word.size() ? width - word.size() : 0, ' ');
  if (!color) return fmt::format("{}{}", word, padding);
  return fmt::format("{}{}{}{}", severity_colour(severity), word, k_reset, padding);
}

// "label:" padded to the value column, then the value wrapped at 80 columns beneath it.
std::string labelled(std::string_view label, std::string_view value) {
  constexpr std::size_t k_value_column = 10;
  std::string out = wrap_text(value, 80, std::string(k_value_column, ' '));
  return out.replace(0, k_value_column, fmt::format("{:<{}}", fmt::format("{}:", label), k_value_column));
}

std::string json_object(const RuleEntry& entry) {
  const Rule& r = *entry.rule;
  std::string out =
      fmt::format("{{\"name\":{},\"family\":{},\"severity\":{},\"summary\":{},\"explanation\":{},\"source\":{}",
                  json_string(r.name), json_string(family_key(r.family)), json_string(severity_name(r.severity)),
                  json_string(r.summary), json_string(r.explanation), json_string(r.source));
  if (!entry.profile.empty()) {
    out += fmt::format(",\"profile\":{},\"profile_severity\":{}", json_string(entry.profile),
                       json_string(setting_name(entry.severity)));
  }
  return out + "}";
}

}  // namespace

RuleEntry rule_entry(const Rule& rule, const Profile* profile) {
  if (profile == nullptr) return {&rule, "", rule.severity};
  return {&rule, profile->name, effective_severity(rule, *profile, nullptr)};
}

std::vector<RuleEntry> list_rules(std::optional<Family> family, const Profile* profile) {
  auto rules = all_rules();
  std::vector<Family> order;  // families in the order the table first names them
  for (const Rule& rule : rules) {
    if (std::find(order.begin(), order.end(), rule.family) == order.end()) order.push_back(rule.family);
  }
  std::vector<RuleEntry> entries;
  for (Family f : order) {
    if (family && f != *family) continue;
    for (const Rule& rule : rules) {
      if (rule.family == f) entries.push_back(rule_entry(rule, profile));
    }
  }
  return entries;
}

std::string format_rules_text(const std::vector<RuleEntry>& entries, bool color) {
  if (entries.empty()) return "";
  bool under_profile = !entries.front().profile.empty();
  std::size_t name_width = 4, family_width = 6, default_width = under_profile ? 7 : 8, profile_width = 7;
  for (const auto& e : entries) {
    name_width = std::max(name_width, e.rule->name.size());
    family_width = std::max(family_width, family_key(e.rule->family).size());
    default_width = std::max(default_width, severity_name(e.rule->severity).size());
    profile_width = std::max(profile_width, setting_name(e.severity).size());
  }
  std::string out = fmt::format("{:<{}}  {:<{}}  {:<{}}  ", "NAME", name_width, "FAMILY", family_width,
                                under_profile ? "DEFAULT" : "SEVERITY", default_width);
  if (under_profile) out += fmt::format("{:<{}}  ", "PROFILE", profile_width);
  out += "SUMMARY\n";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Rule& r = *entries[i].rule;
    if (i > 0 && entries[i - 1].rule->family != r.family) out += "\n";
    out += fmt::format("{:<{}}  {:<{}}  {}  ", r.name, name_width, family_key(r.family), family_width,
                       severity_cell(r.severity, default_width, color));
    if (under_profile) out += fmt::format("{}  ", severity_cell(entries[i].severity, profile_width, color));
    out += fmt::format("{}\n", r.summary);
  }
  return out;
}

std::string format_rule_text(const RuleEntry& entry, bool color) {
  const Rule& r = *entry.rule;
  std::string severity = severity_cell(r.severity, 0, color);
  if (!entry.profile.empty()) {
    severity = entry.severity == r.severity
                   ? fmt::format("{} under profile {} (the default)", severity, entry.profile)
                   : fmt::format("{} under profile {} (default {})", severity_cell(entry.severity, 0, color),
                                 entry.profile, severity_name(r.severity));
  }
  // The severity line is not wrapped: colour escapes would count towards its width.
  return fmt::format("{}{}severity: {}\n{}\n{}\n{}", labelled("name", r.name), labelled("family", family_key(r.family)),
                     severity, labelled("summary", r.summary), wrap_text(r.explanation, 80, ""),
                     labelled("source", r.source));
}

std::string format_rules_json(const std::vector<RuleEntry>& entries) {
  std::string out = "[";
  for (std::size_t i = 0; i < entries.size(); ++i) out += (i == 0 ? "\n" : ",\n") + json_object(entries[i]);
  return out + "\n]\n";
}

std::string format_rule_json(const RuleEntry& entry) { return json_object(entry) + "\n"; }

const std::vector<CitedDocument>& cited_documents() {
  static const std::vector<CitedDocument> documents = {
      {"North Wales Safeguarding Children's Board, Practice Guide", "Decision Making at Child Protection Conferences",
       "version 2, October 2020"},
      {"West Berkshire Council, Quality Assurance & Safeguarding Service",
       "Guidance on Child Protection Conferences for Professionals", ""},
      {"NSPCC and SCIE, Learning into Practice briefing",
       "Unequal weight given to views of different agencies in child protection conferences", "2016"},
      {"NSPCC and SCIE, Learning into Practice briefing 12",
       "Reluctance to share all information in presence of families at child protection conferences", "2016"},
      {"Andrew Matthews, Community Care", "Five steps towards better child protection conferences", ""},
      {"HM Government", "Working Together to Safeguard Children", "2023"},
      {"The Regional Safeguarding Boards of Wales", "Wales Safeguarding Procedures", "2019 (safeguarding.wales)"},
      {"Department for Education", "Children in need census guide", "and the statistics Characteristics of children in need"},
  };
  return documents;
}

std::string format_rules_markdown(const std::vector<RuleEntry>& entries) {
  std::string out =
      "# cpconf rules\n\n"
      "Every rule `cpconf validate` applies, by family, as `cpconf rules` lists them. A rule's name is\n"
      "stable; a profile may change its severity or switch it off (`cpconf rules --profile NAME`).\n"
      "This file is generated by `cpconf rules --format markdown`; a test checks that it matches.\n";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Rule& r = *entries[i].rule;
    if (i == 0 || entries[i - 1].rule->family != r.family) {
      out += fmt::format("\n## Family: {}\n", family_key(r.family));
    }
    out += fmt::format("\n### {}\n\n", r.name);
    out += fmt::format("- Severity: {}\n", setting_name(entries[i].severity));
    out += fmt::format("- Summary: {}\n", markdown_line(r.summary));
    out += fmt::format("- Source: {}\n\n", markdown_line(r.source));
    out += markdown_inline(r.explanation) + "\n";
  }
  out += "\n## Sources\n\nThe rules cite these documents by a short title, with the clause or heading:\n\n";
  for (const CitedDocument& document : cited_documents()) {
    out += fmt::format("- {}: *{}*{}\n", markdown_line(document.publisher), markdown_line(document.title),
                       document.edition.empty() ? "" : fmt::format(", {}", document.edition));
  }
  return out;
}

std::string unknown_rule_message(std::string_view name) {
  std::vector<std::string_view> names;
  for (const Rule& rule : all_rules()) names.push_back(rule.name);
  std::string suggestion = did_you_mean(name, names);
  return fmt::format("unknown rule '{}'{}", name,
                     suggestion.empty() ? "; run 'cpconf rules' for the list" : suggestion);
}

std::string unknown_family_message(std::string_view name) {
  std::vector<std::string_view> keys;
  for (Family family : all_families()) keys.push_back(family_key(family));
  return fmt::format("unknown rule family '{}': the families are {}{}", name, join(keys), did_you_mean(name, keys));
}

std::string wrap_text(std::string_view text, std::size_t width, std::string_view indent) {
  std::string out;
  std::string line(indent);
  bool empty_line = true;
  std::size_t start = 0;
  while (start < text.size()) {
    if (text[start] == ' ' || text[start] == '\n') {
      ++start;
      continue;
    }
    std::size_t end = text.find_first_of(" \n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    if (!empty_line && line.size() + 1 + word.size() > width) {
      out += line + "\n";
      line = indent;
      empty_line = true;
    }
    if (!empty_line) line += ' ';
    line += word;
    empty_line = false;
    start = end;
  }
  return out + line + "\n";
}

}  // namespace cpconf
