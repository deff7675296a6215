#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cpconf/finding.hpp"

#include "cpconf/derive/redact.hpp"
#include "cpconf/load/model.hpp"
#include "cpconf/text/phrase_search.hpp"

// Findings go into CI logs and code-scanning services; the people a record is about must not.
namespace cpconf {

// Replaces the names of a record's private people (derive/people.hpp: its children and private
// attendees) with their record paths: "Carys Hughes", "Carys" and "Hughes" become
// "children[0]". Whole words only, in any letter case, accent or normal form
// (text/phrase_search.hpp); a full name wins over its parts. A word two people share (a
// family's surname) becomes the path of the first of them in the record. Titles and words
// that describe rather than name ("Mrs", "Unborn baby") are left alone, as are one-letter
// initials.
class NameRedactor {
 public:
  NameRedactor() = default;  // redacts nothing
  explicit NameRedactor(const Record& record);

  std::string apply(std::string_view text) const { return m_search.replace(text); }
  bool empty() const { return m_search.empty(); }

  // Only the names that occur in text: what a record's ids and file name give away, kept for
  // the cross-record findings that quote them, at a few bytes a record rather than a record.
  NameRedactor only_in(std::string_view text) const;
  // The names of all of these, a name two of them hold replaced as the first one does.
  static NameRedactor joined(const std::vector<const NameRedactor*>& redactors);

 private:
  explicit NameRedactor(std::vector<SearchPhrase> phrases) : m_search(std::move(phrases)) {}
  PhraseSearch m_search;
};

// Replaces the record text that findings quote (Finding::quoted: unknown keys, values the format
// does not allow, ids that match nothing) in their messages and paths: it may be anything, a
// name included, and no list of names can find it. One placeholder per distinct text of a file,
// numbered in the order met: "<unknown key 1>" where a finding's path ends with the text (the
// key itself), "<text 2>" elsewhere, so that two findings about one key still read as one.
class QuotedTextHider {
 public:
  void hide(Finding& finding);
  bool empty() const { return m_placeholders.empty(); }

 private:
  const std::string& placeholder_for(const std::string& text, bool is_key);
  std::map<std::string, std::string, std::less<>> m_placeholders;
};

// The findings a redacting command (vote, timeline --redact) prints beside its output, made to
// hide what the output hides: the quoted record text, and with the record's redactor (when the
// record could be read at all) its names, also in the file name. Returns the file name to show.
std::string redact_findings(Findings& findings, std::string_view file, const Redactor* redactor);

}  // namespace cpconf
