#include "cpconf/check/names.hpp"

#include <algorithm>

#include "cpconf/text/words.hpp"

namespace cpconf {

namespace {

// Words of a name never searched for alone: titles, words that describe ("Unborn baby"), and
// the joining words of surnames ("de Souza"), which are too common in other text.
constexpr std::string_view k_not_names[] = {
    "mr",     "mrs",  "ms",    "miss",   "mx",   "dr",  "prof", "rev",  "sir", "dame", "cllr",  // titles
    "dc",     "ds",   "di",    "dci",    "pc",   "ps",  "sgt",  "insp",                         // police ranks
    "unborn", "baby", "child", "infant", "twin", "of",  "and",                                  // descriptions
    "de",     "da",   "du",    "la",     "le",   "van", "von",  "der",  "den", "bin",  "ap"};   // particles

// Letters and digits, and every byte of a non-ASCII character (the letters of "Siân").
bool is_word_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The blank-separated words of a name, without punctuation at either end ("(Nana)" -> "Nana").
std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && is_blank(text[pos])) ++pos;
    std::size_t end = pos;
    while (end < text.size() && !is_blank(text[end])) ++end;
    std::string_view word = text.substr(pos, end - pos);
    while (!word.empty() && !is_word_byte(word.front())) word.remove_prefix(1);
    while (!word.empty() && !is_word_byte(word.back())) word.remove_suffix(1);
    if (!word.empty()) words.push_back(word);
    pos = end;
  }
  return words;
}

bool is_name_word(std::string_view word) {
  if (word.size() < 2) return false;
  std::string low = ascii_lowered(word);
  return std::find(std::begin(k_not_names), std::end(k_not_names), low) == std::end(k_not_names);
}

bool matches_at(std::string_view text, std::size_t pos, std::string_view pattern) {
  if (pos + pattern.size() > text.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (ascii_lower(text[pos + i]) != pattern[i]) return false;
  }
  bool starts = pos == 0 || !is_word_byte(text[pos - 1]);
  bool ends = pos + pattern.size() == text.size() || !is_word_byte(text[pos + pattern.size()]);
  return starts && ends;
}

bool is_professional(const Attendee& attendee) {
  return attendee.capacity && *attendee.capacity == Capacity::professional;
}

}  // namespace

std::vector<std::string> name_parts(std::string_view name) {
  std::vector<std::string> parts;
  for (std::string_view word : words_of(name)) {
    if (!is_name_word(word)) continue;
    parts.emplace_back(word);
    if (word.find('-') == std::string_view::npos) continue;
    std::size_t start = 0;
    while (start <= word.size()) {
      std::size_t dash = std::min(word.find('-', start), word.size());
      std::string_view half = word.substr(start, dash - start);
      if (is_name_word(half)) parts.emplace_back(half);
      start = dash + 1;
    }
  }
  return parts;
}

void NameRedactor::add(std::string text, const std::string& path) {
  std::string low = ascii_lowered(text);
  if (m_words.count(low) ||
      std::any_of(m_phrases.begin(), m_phrases.end(), [&](const Phrase& p) { return p.lowered == low; })) {
    return;
  }
  if (std::all_of(low.begin(), low.end(), is_word_byte)) {
    m_words.emplace(std::move(low), path);
    return;
  }
  auto longer = [](const Phrase& a, const Phrase& b) { return a.lowered.size() > b.lowered.size(); };
  Phrase phrase{std::move(low), path};
  m_phrases.insert(std::upper_bound(m_phrases.begin(), m_phrases.end(), phrase, longer), std::move(phrase));
}

NameRedactor::NameRedactor(const Record& record) {
  std::vector<std::pair<std::string, std::string>> people;  // name, path
  for (const auto& child : record.children) {
    if (child.name) people.emplace_back(*child.name, child.path);
  }
  for (const auto& attendee : record.attendees) {
    if (attendee.name && !is_professional(attendee)) people.emplace_back(*attendee.name, attendee.path);
  }
  // Full names first, so that a part another person shares never takes a full name's place.
  for (const auto& [name, path] : people) {
    std::string whole, proper;  // "Mrs Priya Patel", and "Priya Patel" as people also write it
    for (auto word : words_of(name)) {
      whole += (whole.empty() ? "" : " ") + std::string(word);
      if (is_name_word(word)) proper += (proper.empty() ? "" : " ") + std::string(word);
    }
    if (!whole.empty()) add(whole, path);
    if (proper.find(' ') != std::string::npos) add(proper, path);
  }
  for (const auto& [name, path] : people) {
    for (auto& part : name_parts(name)) add(std::move(part), path);
  }
}

std::string NameRedactor::apply(std::string_view text) const {
  if (empty()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    if (!is_word_byte(text[pos])) {
      out.push_back(text[pos++]);
      continue;
    }
    // A word starts here: the longest name starting with it, else the word itself if a name.
    auto phrase = std::find_if(m_phrases.begin(), m_phrases.end(),
                               [&](const Phrase& p) { return matches_at(text, pos, p.lowered); });
    if (phrase != m_phrases.end()) {
      out += phrase->path;
      pos += phrase->lowered.size();
      continue;
    }
    std::size_t end = pos;
    while (end < text.size() && is_word_byte(text[end])) ++end;
    auto word = m_words.find(ascii_lowered(text.substr(pos, end - pos)));
    if (word != m_words.end()) {
      out += word->second;
    } else {
      out.append(text, pos, end - pos);
    }
    pos = end;
  }
  return out;
}

NameRedactor NameRedactor::only_in(std::string_view text) const {
  NameRedactor found;
  std::string redacted = apply(text);
  if (redacted == text) return found;
  for (const auto& phrase : m_phrases) {
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
      if ((pos == 0 || !is_word_byte(text[pos - 1])) && matches_at(text, pos, phrase.lowered)) {
        found.add(phrase.lowered, phrase.path);
        break;
      }
    }
  }
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = pos;
    while (end < text.size() && is_word_byte(text[end])) ++end;
    if (end > pos) {
      auto word = m_words.find(ascii_lowered(text.substr(pos, end - pos)));
      if (word != m_words.end()) found.add(word->first, word->second);
    }
    pos = end + 1;
  }
  return found;
}

void NameRedactor::add_missing(const NameRedactor& other) {
  for (const auto& phrase : other.m_phrases) add(phrase.lowered, phrase.path);
  for (const auto& [word, path] : other.m_words) add(word, path);
}

}  // namespace cpconf
