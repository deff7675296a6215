#pragma once

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cpconf/text/fold.hpp"

// Finding phrases (people's names, dates) in text as whole words, in any letter case and any
// of the forms text/fold.hpp folds together, and replacing them.
namespace cpconf {

// One phrase to find and what replaces it.
struct SearchPhrase {
  std::string text;  // as written; folded for matching
  std::string replacement;
  // A date is bounded by anything but letters and digits; a name by anything but letters, or
  // by a change from a lower-case to an upper-case letter ("familyHughes" holds "Hughes").
  bool date = false;
};

// Phrases in the order they are tried (longest folded form first, so that a full name wins over
// its parts), indexed so that the ones that can match at a place are found at once, not by
// trying every phrase: a record with thousands of family members would make that quadratic.
class PhraseSearch {
 public:
  PhraseSearch() = default;
  explicit PhraseSearch(std::vector<SearchPhrase> phrases);

  bool empty() const { return m_phrases.empty(); }
  const std::vector<SearchPhrase>& phrases() const { return m_phrases; }  // longest first

  // The text with every phrase found replaced, leftmost first, the longest at each place.
  std::string replace(std::string_view text) const;
  // The phrases found in text, in phrases() order, each once.
  std::vector<SearchPhrase> found_in(std::string_view text) const;

 private:
  struct Match {
    std::size_t phrase = 0;
    std::size_t end_unit = 0;  // the unit after the match
  };
  // Calls found for each match, leftmost first, never overlapping.
  void scan(const FoldedText& text, const std::function<void(std::size_t unit, const Match&)>& found) const;
  // Calls use for each phrase matching at unit, in order, until it returns true.
  void for_each_match_at(const FoldedText& text, std::size_t unit, const std::function<bool(const Match&)>& use) const;

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::vector<SearchPhrase> m_phrases;
  std::vector<std::string> m_folded;      // each phrase's folded text
  std::vector<std::size_t> m_lengths;     // the folded lengths, each once, longest first
  std::array<bool, 256> m_first_bytes{};  // the bytes folded phrases start with
  std::unordered_map<std::string, std::vector<std::size_t>, Hash, std::equal_to<>> m_by_folded;  // in order
};

}  // namespace cpconf
