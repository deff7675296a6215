#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cpconf/load/model.hpp"

// Findings go into CI logs and code-scanning services; the people a record is about must not.
namespace cpconf {

// Replaces the names of a record's children and of its attendees who are not there as
// professionals (an attendee without a capacity counts as family: hiding errs on the safe side)
// with their record paths: "Carys Hughes", "Carys" and "Hughes" become "children[0]". Whole
// words only, in any letter case; a full name wins over its parts. A word two people share (a
// family's surname) becomes the path of the first of them in the record. Titles and words that
// describe rather than name ("Mrs", "Unborn baby") are left alone, as are one-letter initials.
class NameRedactor {
 public:
  NameRedactor() = default;  // redacts nothing
  explicit NameRedactor(const Record& record);

  std::string apply(std::string_view text) const;
  bool empty() const { return m_words.empty() && m_phrases.empty(); }

  // Only the names that occur in text: what a record's ids and file name give away, kept for
  // the cross-record findings that quote them, at a few bytes a record rather than a record.
  NameRedactor only_in(std::string_view text) const;
  // Adds the other's names that this one lacks.
  void add_missing(const NameRedactor& other);

 private:
  void add(std::string text, const std::string& path);

  // A name of one word ("carys"), found by looking the words of a text up, ASCII letters lowered.
  std::unordered_map<std::string, std::string> m_words;
  // Names of several words or with joining marks ("rhian hughes", "anna-marie"), longest first.
  struct Phrase {
    std::string lowered;
    std::string path;
  };
  std::vector<Phrase> m_phrases;
};

// The words of a name searched for on their own: its words and the halves of hyphenated ones,
// without titles, descriptions and initials.
std::vector<std::string> name_parts(std::string_view name);

}  // namespace cpconf
