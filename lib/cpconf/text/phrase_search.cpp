#include "cpconf/text/phrase_search.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_set>

namespace cpconf {

namespace {

using Unit = FoldedText::Unit;

// Inside a word, a change from three or more lower-case letters to an upper-case one starts a
// new word, as in keys and ids ("familyHughes", "childCarys"); surnames such as "McHughes",
// "MacLeod" or "DeSouza" stay one word.
bool word_boundary(const Unit& before, const Unit& after, bool date) {
  if (date) return !(before.letter || before.digit) || !(after.letter || after.digit);
  return !before.letter || !after.letter || (before.lower_run >= 3 && after.upper);
}

}  // namespace

PhraseSearch::PhraseSearch(std::vector<SearchPhrase> phrases) {
  std::vector<std::string> folded_texts;
  folded_texts.reserve(phrases.size());
  for (const auto& phrase : phrases) folded_texts.push_back(folded(phrase.text));
  std::vector<std::size_t> order(phrases.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const std::string& x = folded_texts[a];
    const std::string& y = folded_texts[b];
    return x.size() != y.size() ? x.size() > y.size() : x < y;
  });
  for (std::size_t i : order) {
    if (folded_texts[i].empty()) continue;
    std::size_t index = m_phrases.size();
    m_phrases.push_back(std::move(phrases[i]));
    m_folded.push_back(std::move(folded_texts[i]));
    const std::string& text = m_folded.back();
    m_by_folded[text].push_back(index);
    m_first_bytes[static_cast<unsigned char>(text.front())] = true;
    if (std::find(m_lengths.begin(), m_lengths.end(), text.size()) == m_lengths.end()) m_lengths.push_back(text.size());
  }
  std::sort(m_lengths.rbegin(), m_lengths.rend());
}

void PhraseSearch::for_each_match_at(const FoldedText& text, std::size_t unit,
                                     const std::function<bool(const Match&)>& use) const {
  const auto& units = text.units();
  const std::string& folded_text = text.folded();
  std::size_t start = units[unit].folded_start;
  if (start >= folded_text.size() || !m_first_bytes[static_cast<unsigned char>(folded_text[start])]) return;
  bool name_may_start = unit == 0 || word_boundary(units[unit - 1], units[unit], false);
  bool date_may_start = unit == 0 || word_boundary(units[unit - 1], units[unit], true);
  if (!name_may_start && !date_may_start) return;
  // Phrases are in order longest first, so trying lengths longest first and, for one length,
  // the phrases of that text in order meets them in the same order as trying them all.
  for (std::size_t length : m_lengths) {
    if (start + length > folded_text.size()) continue;
    std::ptrdiff_t end = text.unit_at_folded(start + length);
    if (end < 0) continue;  // ends inside a unit
    auto found = m_by_folded.find(std::string_view(folded_text).substr(start, length));
    if (found == m_by_folded.end()) continue;
    auto end_unit = static_cast<std::size_t>(end);
    for (std::size_t i : found->second) {
      bool date = m_phrases[i].date;
      bool starts = date ? date_may_start : name_may_start;
      bool ends = end_unit == units.size() || word_boundary(units[end_unit - 1], units[end_unit], date);
      if (starts && ends && use({i, end_unit})) return;
    }
  }
}

void PhraseSearch::scan(const FoldedText& text,
                        const std::function<void(std::size_t unit, const Match&)>& found) const {
  for (std::size_t unit = 0; unit < text.units().size();) {
    std::size_t next = unit + 1;
    for_each_match_at(text, unit, [&](const Match& match) {
      found(unit, match);
      next = match.end_unit;
      return true;  // the first is the longest
    });
    unit = next;
  }
}

std::string PhraseSearch::replace(std::string_view source) const {
  if (empty()) return std::string(source);
  FoldedText text(source);
  std::string out;
  out.reserve(source.size());
  std::size_t copied = 0;  // source bytes written so far
  scan(text, [&](std::size_t unit, const Match& match) {
    std::size_t begin = text.source_offset(unit);
    out.append(source.substr(copied, begin - copied));
    out += m_phrases[match.phrase].replacement;
    copied = text.source_offset(match.end_unit);
  });
  out.append(source.substr(copied));
  return out;
}

std::vector<SearchPhrase> PhraseSearch::found_in(std::string_view source) const {
  std::vector<SearchPhrase> found;
  if (empty()) return found;
  FoldedText text(source);
  // Every phrase at every place, overlapping ones too: "Anna-Marie" gives "Anna" away as well.
  std::vector<bool> seen(m_phrases.size(), false);
  for (std::size_t unit = 0; unit < text.units().size(); ++unit) {
    for_each_match_at(text, unit, [&](const Match& match) {
      seen[match.phrase] = true;
      return false;
    });
  }
  for (std::size_t i = 0; i < m_phrases.size(); ++i) {
    if (seen[i]) found.push_back(m_phrases[i]);
  }
  return found;
}

}  // namespace cpconf
