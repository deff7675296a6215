#include "cpconf/render/redact.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <unordered_set>

#include <fmt/format.h>

#include "cpconf/render/words.hpp"
#include "cpconf/text/utf8.hpp"
#include "cpconf/text/words.hpp"

namespace cpconf {

namespace {

constexpr std::string_view k_month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};

// Words of a name that are not the name proper: kept whole, never searched for alone.
constexpr std::string_view k_titles[] = {"mr",   "mrs", "ms", "miss", "mx",  "dr", "prof", "rev", "sir", "dame",
                                         "cllr", "dc",  "ds", "di",   "dci", "pc", "ps",   "sgt", "insp"};
constexpr std::string_view k_descriptions[] = {"unborn", "baby", "child", "infant", "twin", "of"};
// Joining words of surnames ("de Souza"): part of the initials, too common to search for alone.
constexpr std::string_view k_particles[] = {"de",  "da",  "di",  "du",  "la",  "le",
                                            "van", "von", "der", "den", "bin", "ap"};

template <std::size_t N>
bool listed(const std::string_view (&list)[N], std::string_view word) {
  std::string low = ascii_lowered(word);
  if (!low.empty() && low.back() == '.') low.pop_back();
  return std::find(std::begin(list), std::end(list), low) != std::end(list);
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ' || c == '\n') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool is_name_part(std::string_view word) { return !listed(k_titles, word) && !listed(k_descriptions, word); }

// The pieces of a name searched for alone: its words and the halves of hyphenated ones.
std::vector<std::string> searchable_parts(std::string_view name) {
  std::vector<std::string> parts;
  for (const auto& word : words_of(name)) {
    if (!is_name_part(word) || listed(k_particles, word)) continue;
    parts.push_back(word);
    std::size_t start = 0;
    for (std::size_t dash = word.find('-'); dash != std::string::npos; dash = word.find('-', start)) {
      parts.push_back(word.substr(start, dash - start));
      start = dash + 1;
    }
    if (start > 0) parts.push_back(word.substr(start));
  }
  std::erase_if(parts, [](const std::string& part) { return display_width(part) < 2; });
  return parts;
}

std::string first_letter(std::string_view word) {
  CodePoint cp = decode_at(word, 0);
  char32_t c = cp.value;
  if (c >= 'a' && c <= 'z' && !listed(k_particles, word)) c = c - 'a' + 'A';
  std::string out;
  append_utf8(out, c);
  return out + ".";
}

bool alphanumeric(char32_t c) { return is_letter(c) || (c >= '0' && c <= '9'); }

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// True when a pattern of this kind may start at pos: no letter before it, or a
// lower-to-upper change of case ("familyHughes").
bool starts_word(std::string_view text, std::size_t pos, bool date) {
  if (pos == 0) return true;
  char32_t before = decode_at(text, previous_start(text, pos)).value;
  if (date) return !alphanumeric(before);
  return !is_letter(before) || (is_lower(text[pos - 1]) && is_upper(text[pos]));
}

bool ends_word(std::string_view text, std::size_t end, bool date) {
  if (end >= text.size()) return true;
  char32_t after = decode_at(text, end).value;
  if (date) return !alphanumeric(after);
  return !is_letter(after) || (is_lower(text[end - 1]) && is_upper(text[end]));
}

bool is_family(const Attendee& attendee) {
  // A missing capacity is treated as family: redaction must err towards hiding.
  static constexpr Capacity k_family[] = {Capacity::parent, Capacity::child, Capacity::family_member,
                                          Capacity::supporter, Capacity::carer};
  if (!attendee.capacity) return true;
  return std::find(std::begin(k_family), std::end(k_family), *attendee.capacity) != std::end(k_family);
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
    bool control = (c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F);
    append_utf8(out, control ? k_replacement_character : c);
  }
  return out;
}

namespace {

// The initials alone, for a first name or surname met without the rest of the name.
std::string bare_initials(std::string_view name) {
  std::string initials;
  for (const auto& word : words_of(name)) {
    if (is_name_part(word)) initials += first_letter(word);
  }
  return initials;
}

}  // namespace

std::string initials_of(std::string_view name) {
  std::string kept;
  std::string initials;
  for (const auto& word : words_of(name)) {
    if (is_name_part(word)) {
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

using Patterns = std::vector<RedactionPattern>;

void sort_longest_first(Patterns& patterns) {
  std::stable_sort(patterns.begin(), patterns.end(), [](const RedactionPattern& a, const RedactionPattern& b) {
    return a.text.size() != b.text.size() ? a.text.size() > b.text.size() : a.text < b.text;
  });
}

std::string replace_all(std::string_view raw, const RedactionPatterns& patterns) {
  std::string text = clean_text(raw);
  if (patterns.empty()) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const RedactionPattern* found = patterns.match(text, pos);
    if (found != nullptr) {
      out += found->replacement;
      pos += found->text.size();
      continue;
    }
    std::size_t length = decode_at(text, pos).length;
    out.append(text, pos, length);
    pos += length;
  }
  return out;
}

// Full names, with and without titles; then each part alone, as the initials of its one
// owner or, when several people share it (a family's surname), as its own initial.
Patterns name_patterns(const std::vector<Person>& people) {
  Patterns patterns;
  std::map<std::string, std::vector<std::size_t>> owners;
  for (std::size_t i = 0; i < people.size(); ++i) {
    const Person& person = people[i];
    patterns.push_back({ascii_lowered(person.name), person.replacement, false});
    std::string proper;
    for (const auto& word : words_of(person.name)) {
      if (is_name_part(word)) proper += (proper.empty() ? "" : " ") + word;
    }
    if (!proper.empty() && ascii_lowered(proper) != ascii_lowered(person.name)) {
      // "Huw Jones" for "DC Huw Jones": the title is not there to keep.
      std::string replacement = person.professional ? person.replacement : bare_initials(person.name);
      patterns.push_back({ascii_lowered(proper), std::move(replacement), false});
    }
    for (const auto& part : searchable_parts(person.name)) {
      auto& list = owners[ascii_lowered(part)];
      if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
    }
  }
  std::unordered_set<std::string> full_names;
  for (const auto& pattern : patterns) full_names.insert(pattern.text);
  for (const auto& [part, list] : owners) {
    if (full_names.count(part) > 0) continue;
    std::string replacement = list.size() == 1 ? bare_initials(people[list.front()].name) : first_letter(part);
    patterns.push_back({part, replacement, false});
  }
  sort_longest_first(patterns);
  return patterns;
}

// The people a level hides: the record's own first, so that a name also given as an extra
// keeps the record's replacement (a role, "the chair").
std::vector<Person> people_to_redact(const Record& record, const RedactionOptions& options) {
  std::vector<Person> people;
  std::unordered_set<std::string> known;  // the names added, lowered
  auto add = [&](const std::string& raw_name, std::string replacement, bool professional) {
    std::string name = clean_text(raw_name);
    if (words_of(name).empty()) return;
    if (known.insert(ascii_lowered(name)).second) people.push_back({name, std::move(replacement), professional});
  };
  auto initials = [](const std::string& name) { return initials_of(clean_text(name)); };
  for (const auto& child : record.children) {
    if (child.name) add(*child.name, initials(*child.name), false);
  }
  for (const auto& attendee : record.attendees) {
    if (attendee.name && is_family(attendee)) add(*attendee.name, initials(*attendee.name), false);
  }
  if (options.level == Redaction::all) {
    if (record.conference.chair) add(*record.conference.chair, "the chair", true);
    for (const auto& attendee : record.attendees) {
      if (!attendee.name || is_family(attendee)) continue;
      std::string role = attendee.role ? clean_text(*attendee.role) : std::string();
      if (words_of(role).empty())
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
  RedactionPatterns family_patterns(name_patterns(family));
  for (auto& person : people) {
    if (person.professional) person.replacement = replace_all(person.replacement, family_patterns);
  }
  Patterns patterns = name_patterns(people);
  std::unordered_set<std::string> known;
  for (const auto& pattern : patterns) known.insert(pattern.text);
  for (const auto& child : record.children) {
    if (!child.born) continue;
    for (const auto& form : date_forms(*child.born)) {
      std::string text = ascii_lowered(form);
      if (known.insert(text).second) patterns.push_back({text, "[date of birth]", true});
    }
  }
  sort_longest_first(patterns);
  m_patterns = RedactionPatterns(std::move(patterns));
}

RedactionPatterns::RedactionPatterns(std::vector<RedactionPattern> in_order) : m_patterns(std::move(in_order)) {
  for (std::size_t i = 0; i < m_patterns.size(); ++i) {
    const std::string& text = m_patterns[i].text;
    if (text.empty()) continue;
    m_by_text[text].push_back(i);
    m_first_bytes[static_cast<unsigned char>(text.front())] = true;
    if (std::find(m_lengths.begin(), m_lengths.end(), text.size()) == m_lengths.end()) m_lengths.push_back(text.size());
  }
  std::sort(m_lengths.rbegin(), m_lengths.rend());
}

const RedactionPattern* RedactionPatterns::match(std::string_view text, std::size_t pos) const {
  if (!m_first_bytes[static_cast<unsigned char>(ascii_lower(text[pos]))]) return nullptr;
  bool name_may_start = starts_word(text, pos, false);
  bool date_may_start = starts_word(text, pos, true);
  if (!name_may_start && !date_may_start) return nullptr;
  // Patterns are in order longest first, so trying lengths longest first and, for one length,
  // the patterns of that text in order finds the same pattern as trying them all in order.
  std::string lowered;
  for (std::size_t length : m_lengths) {
    if (pos + length > text.size()) continue;
    lowered.assign(text.substr(pos, length));
    for (char& c : lowered) c = ascii_lower(c);
    auto found = m_by_text.find(lowered);
    if (found == m_by_text.end()) continue;
    for (std::size_t i : found->second) {
      const RedactionPattern& pattern = m_patterns[i];
      bool starts = pattern.date ? date_may_start : name_may_start;
      if (starts && ends_word(text, pos + length, pattern.date)) return &pattern;
    }
  }
  return nullptr;
}

std::string Redactor::apply(std::string_view text) const { return replace_all(text, m_patterns); }

void Redactor::apply(Document& document) const {
  for_each_text(document, [this](std::string& text) { text = apply(text); });
}

}  // namespace cpconf
