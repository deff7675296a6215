#include "cpconf/check/names.hpp"

#include "cpconf/derive/people.hpp"

namespace cpconf {

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

}  // namespace cpconf
