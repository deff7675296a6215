#include "cpconf/derive/people.hpp"

#include <algorithm>
#include <iterator>

#include "cpconf/text/utf8.hpp"
#include "cpconf/text/words.hpp"

namespace cpconf {

namespace {

// Words of a name that are not the name proper, compared in ASCII lower case without a final
// full stop ("Mrs." is "mrs").
constexpr std::string_view k_titles_and_descriptions[] = {
    "mr",     "mrs",  "ms",    "miss",   "mx",   "dr", "prof", "rev", "sir", "dame", "cllr",  // titles
    "dc",     "ds",   "di",    "dci",    "pc",   "ps", "sgt",  "insp",                        // police ranks
    "unborn", "baby", "child", "infant", "twin", "of", "and"};                                // descriptions
// Joining words of surnames ("de Souza"): part of the initials, too common to search for alone.
constexpr std::string_view k_particles[] = {"de", "da", "di", "du", "la", "le", "van", "von", "der", "den", "bin", "ap"};

template <std::size_t N>
bool listed(const std::string_view (&list)[N], std::string_view word) {
  std::string low = ascii_lowered(word);
  if (!low.empty() && low.back() == '.') low.pop_back();
  return std::find(std::begin(list), std::end(list), low) != std::end(list);
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Letters and digits, and every byte of a non-ASCII character (the letters of "Siân").
bool is_word_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

struct CapacityLabel {
  Capacity capacity;
  std::string_view label;
};
constexpr CapacityLabel k_capacity_labels[] = {
    {Capacity::professional, "Professional"},
    {Capacity::parent, "Parent"},
    {Capacity::child, "Child"},
    {Capacity::family_member, "Family member"},
    {Capacity::supporter, "Supporter"},
    {Capacity::advocate, "Advocate"},
    {Capacity::legal_representative, "Legal representative"},
    {Capacity::inspectorate, "Inspectorate"},
    {Capacity::cafcass, "Cafcass"},
    {Capacity::carer, "Carer"},
    {Capacity::observer, "Observer"},
};

}  // namespace

bool is_private_attendee(const Attendee& attendee) {
  return !attendee.capacity || *attendee.capacity != Capacity::professional;
}

std::vector<PrivatePerson> private_people(const Record& record) {
  std::vector<PrivatePerson> people;
  for (const auto& child : record.children) {
    if (child.name) people.push_back({*child.name, child.path});
  }
  for (const auto& attendee : record.attendees) {
    if (attendee.name && is_private_attendee(attendee)) people.push_back({*attendee.name, attendee.path});
  }
  return people;
}

std::vector<std::string> name_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && is_blank(text[pos])) ++pos;
    std::size_t end = pos;
    while (end < text.size() && !is_blank(text[end])) ++end;
    std::string_view word = text.substr(pos, end - pos);
    while (!word.empty() && !is_word_byte(word.front())) word.remove_prefix(1);
    while (!word.empty() && !is_word_byte(word.back())) word.remove_suffix(1);
    if (!word.empty()) words.emplace_back(word);
    pos = end;
  }
  return words;
}

bool is_title_or_description(std::string_view word) { return listed(k_titles_and_descriptions, word); }

bool is_particle(std::string_view word) { return listed(k_particles, word); }

std::string proper_name(std::string_view name) {
  std::string proper;
  for (const auto& word : name_words(name)) {
    if (!is_title_or_description(word)) proper += (proper.empty() ? "" : " ") + word;
  }
  return proper;
}

std::vector<std::string> name_parts(std::string_view name) {
  std::vector<std::string> parts;
  auto searchable = [](std::string_view word) {
    return !is_title_or_description(word) && !is_particle(word) && display_width(word) >= 2;
  };
  for (const auto& word : name_words(name)) {
    if (!searchable(word)) continue;
    parts.push_back(word);
    if (word.find('-') == std::string::npos) continue;
    std::size_t start = 0;
    while (start <= word.size()) {
      std::size_t dash = std::min(word.find('-', start), word.size());
      std::string half = word.substr(start, dash - start);
      if (searchable(half)) parts.push_back(std::move(half));
      start = dash + 1;
    }
  }
  return parts;
}

std::string_view capacity_label(Capacity capacity) {
  for (const auto& row : k_capacity_labels) {
    if (row.capacity == capacity) return row.label;
  }
  return "?";
}

}  // namespace cpconf
