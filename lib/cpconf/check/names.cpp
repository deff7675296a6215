#include "cpconf/check/names.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cpconf/derive/people.hpp"

namespace cpconf {

namespace {

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

NameRedactor::NameRedactor(const Record& record) {
  std::vector<PrivatePerson> people = private_people(record);
  std::vector<SearchPhrase> phrases;
  // Full names first, so that a part another person shares never takes a full name's place.
  for (const auto& person : people) {
    phrases.push_back({person.name, person.path});
    std::string proper = proper_name(person.name);
    if (proper.find(' ') != std::string::npos) phrases.push_back({proper, person.path});
  }
  for (const auto& person : people) {
    for (auto& part : name_parts(person.name)) phrases.push_back({std::move(part), person.path});
  }
  m_search = PhraseSearch(std::move(phrases));
}

NameRedactor NameRedactor::only_in(std::string_view text) const { return NameRedactor(m_search.found_in(text)); }

NameRedactor NameRedactor::joined(const std::vector<const NameRedactor*>& redactors) {
  std::vector<SearchPhrase> phrases;
  for (const NameRedactor* redactor : redactors) {
    const auto& own = redactor->m_search.phrases();
    phrases.insert(phrases.end(), own.begin(), own.end());
  }
  return NameRedactor(std::move(phrases));
}

const std::string& QuotedTextHider::placeholder_for(const std::string& text, bool is_key) {
  auto found = m_placeholders.find(text);
  if (found != m_placeholders.end()) return found->second;
  std::size_t number = m_placeholders.size() + 1;
  std::string placeholder = fmt::format("<{} {}>", is_key ? "unknown key" : "text", number);
  return m_placeholders.emplace(text, std::move(placeholder)).first->second;
}

std::string redact_findings(Findings& findings, std::string_view file, const Redactor* redactor) {
  std::string shown = redactor != nullptr ? redactor->apply(file) : std::string(file);
  QuotedTextHider hider;
  for (auto& finding : findings) {
    hider.hide(finding);
    if (redactor != nullptr) finding.message = redactor->apply(finding.message);
    finding.file = shown;
  }
  return shown;
}

void QuotedTextHider::hide(Finding& finding) {
  // The longest first, so that a text inside another is never replaced within it.
  std::sort(finding.quoted.begin(), finding.quoted.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const std::string& text : finding.quoted) {
    if (text.empty()) continue;
    std::string dotted = "." + text;
    bool whole_path = finding.path == text;
    bool last_key = !whole_path && finding.path.ends_with(dotted);
    const std::string& placeholder = placeholder_for(text, whole_path || last_key);
    if (whole_path) finding.path = placeholder;
    if (last_key) finding.path.replace(finding.path.size() - text.size(), text.size(), placeholder);
    replace_all(finding.message, fmt::format("'{}'", text), fmt::format("'{}'", placeholder));
  }
  finding.quoted.clear();
}

}  // namespace cpconf
