#include "cpconf/derive/redact.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <unordered_set>

#include <fmt/format.h>

#include "cpconf/derive/people.hpp"
#include "cpconf/text/fold.hpp"
#include "cpconf/text/utf8.hpp"

namespace cpconf {

namespace {

constexpr std::string_view k_month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};

std::string first_letter(std::string_view word) {
  CodePoint cp = decode_at(word, 0);
  char32_t c = cp.value;
  if (c >= 'a' && c <= 'z' && !is_particle(word)) c = c - 'a' + 'A';
  std::string out;
  append_utf8(out, c);
  return out + ".";
}

}  // namespace

std::string clean_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    CodePoint cp = decode_at(text, pos);
    pos += cp.length;
    char32_t c = cp.value;
    bool hidden = (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2069) ||
                  c == 0xFEFF || c == 0xAD || c == '\r';
    if (hidden) continue;
    if (c == '\t') c = ' ';
    if (c == 0x2028 || c == 0x2029) c = '\n';
    bool control = c != '\n' && is_control(c);
    append_utf8(out, control ? k_replacement_character : c);
  }
  return out;
}

namespace {

// The initials alone, for a first name or surname met without the rest of the name.
std::string bare_initials(std::string_view name) {
  std::string initials;
  for (const auto& word : name_words(name)) {
    if (!is_title_or_description(word)) initials += first_letter(word);
  }
  return initials;
}

}  // namespace

std::string initials_of(std::string_view name) {
  std::string kept;
  std::string initials;
  for (const auto& word : name_words(name)) {
    if (!is_title_or_description(word)) {
      initials += first_letter(word);
    } else {
      kept += word + " ";
    }
  }
  return initials.empty() ? kept + "[name]" : kept + initials;
}

namespace {

struct Person {
  std::string name;
  std::string replacement;  // for the full name
  bool professional = false;
};

// Full names, with and without titles; then each part alone, as the initials of its one
// owner or, when several people share it (a family's surname), as its own initial.
std::vector<SearchPhrase> name_phrases(const std::vector<Person>& people) {
  std::vector<SearchPhrase> phrases;
  std::unordered_set<std::string> full_names;  // folded
  std::map<std::string, std::vector<std::size_t>> owners;  // a part, folded -> its people
  std::map<std::string, std::string> part_text;            // a part, folded -> as first written
  for (std::size_t i = 0; i < people.size(); ++i) {
    const Person& person = people[i];
    phrases.push_back({person.name, person.replacement});
    full_names.insert(folded(person.name));
    std::string proper = proper_name(person.name);
    if (!proper.empty() && full_names.insert(folded(proper)).second) {
      // "Huw Jones" for "DC Huw Jones": the title is not there to keep.
      std::string replacement = person.professional ? person.replacement : bare_initials(person.name);
      phrases.push_back({proper, std::move(replacement)});
    }
    for (const auto& part : name_parts(person.name)) {
      std::string key = folded(part);
      part_text.emplace(key, part);
      auto& list = owners[key];
      if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
    }
  }
  for (const auto& [part, list] : owners) {
    if (full_names.count(part) > 0) continue;
    std::string replacement = list.size() == 1 ? bare_initials(people[list.front()].name) : first_letter(part_text[part]);
    phrases.push_back({part_text[part], replacement});
  }
  return phrases;
}

// The people a level hides: the record's own first, so that a name also given as an extra
// keeps the record's replacement (a role, "the chair").
std::vector<Person> people_to_redact(const Record& record, const RedactionOptions& options) {
  std::vector<Person> people;
  std::unordered_set<std::string> known;  // the names added, folded
  auto add = [&](const std::string& raw_name, std::string replacement, bool professional) {
    std::string name = clean_text(raw_name);
    if (name_words(name).empty()) return;
    if (known.insert(folded(name)).second) people.push_back({name, std::move(replacement), professional});
  };
  auto initials = [](const std::string& name) { return initials_of(clean_text(name)); };
  for (const auto& person : private_people(record)) add(person.name, initials(person.name), false);
  if (options.level == Redaction::all) {
    if (record.conference.chair) add(*record.conference.chair, "the chair", true);
    for (const auto& attendee : record.attendees) {
      if (!attendee.name || is_private_attendee(attendee)) continue;
      std::string role = attendee.role ? clean_text(*attendee.role) : std::string();
      if (name_words(role).empty())
        role = std::string(capacity_label(attendee.capacity.value_or(Capacity::professional)));
      add(*attendee.name, role, true);
    }
    const auto& sign_off = record.conference.sign_off;
    if (sign_off && sign_off->by) add(*sign_off->by, initials(*sign_off->by), true);
  }
  for (const auto& name : options.extra_names) add(name, initials(name), false);
  return people;
}

std::string ordinal(int day) {
  std::string_view suffix = "th";
  if (day % 10 == 1 && day != 11) suffix = "st";
  if (day % 10 == 2 && day != 12) suffix = "nd";
  if (day % 10 == 3 && day != 13) suffix = "rd";
  return fmt::format("{}{}", day, suffix);
}

// A child's date of birth in the forms people write it.
std::vector<std::string> date_forms(Date d) {
  std::string_view month = k_month_names[d.month - 1];
  std::string_view short_month = month.substr(0, 3);
  return {d.str(),
          fmt::format("{:02}/{:02}/{}", d.day, d.month, d.year),
          fmt::format("{}/{}/{}", d.day, d.month, d.year),
          fmt::format("{:02}.{:02}.{}", d.day, d.month, d.year),
          fmt::format("{:02}-{:02}-{}", d.day, d.month, d.year),
          fmt::format("{} {} {}", d.day, month, d.year),
          fmt::format("{} {} {}", ordinal(d.day), month, d.year),
          fmt::format("{} {} {}", d.day, short_month, d.year),
          fmt::format("{} {}, {}", month, d.day, d.year)};
}

}  // namespace

std::vector<std::string> names_to_redact(const Record& record, Redaction level) {
  std::vector<std::string> names;
  if (level == Redaction::none) return names;
  for (auto& person : people_to_redact(record, {level, {}})) names.push_back(std::move(person.name));
  return names;
}

Redactor::Redactor(const Record& record, const RedactionOptions& options) : m_level(options.level) {
  if (m_level == Redaction::none) return;
  std::vector<Person> people = people_to_redact(record, options);
  // A professional's role may name a family member ("Advocate for Carys"): the roles that
  // replace professionals' names are redacted with the family's names first.
  std::vector<Person> family;
  std::copy_if(people.begin(), people.end(), std::back_inserter(family),
               [](const Person& p) { return !p.professional; });
  PhraseSearch family_phrases(name_phrases(family));
  for (auto& person : people) {
    if (person.professional) person.replacement = family_phrases.replace(person.replacement);
  }
  std::vector<SearchPhrase> phrases = name_phrases(people);
  for (const auto& child : record.children) {
    if (!child.born) continue;
    for (auto& form : date_forms(*child.born)) phrases.push_back({std::move(form), "[date of birth]", true});
  }
  m_phrases = PhraseSearch(std::move(phrases));
}

std::string Redactor::apply(std::string_view text) const { return m_phrases.replace(clean_text(text)); }

}  // namespace cpconf
