#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cpconf/load/model.hpp"
#include "cpconf/text/phrase_search.hpp"

// Redaction of what a command prints from a record, for sharing (with auditors, say): names
// reduced to initials or roles, dates of birth removed. render, vote and timeline apply it to
// every piece of text they take from a record, so names that a record repeats in free text
// (reasoning, concerns, information, ids, the file name) go too. Who is private is
// derive/people.hpp's; names are found as text/phrase_search.hpp finds them (any letter case,
// accent, normal form or apostrophe).
namespace cpconf {

enum class Redaction {
  none,
  family,  // children and every attendee not there as a professional -> initials
  all,     // and professionals -> their role, the chair -> "the chair"
};

struct RedactionOptions {
  Redaction level = Redaction::none;
  // More people to reduce to initials: those named in free text but absent from the record.
  std::vector<std::string> extra_names;
};

// Text safe to lay out: invalid UTF-8 and control characters become U+FFFD, tabs spaces,
// and invisible characters that could hide or reorder text (bidirectional overrides,
// zero-width spaces) are dropped.
std::string clean_text(std::string_view text);

// "C.H." for "Carys Hughes", "DC H.J." for "DC Huw Jones", "Unborn baby O." for
// "Unborn baby Okafor": titles and such words are kept, the name proper reduced to initials.
std::string initials_of(std::string_view name);

// The names of the people a level hides in a record: for sharing them with the other records
// of the same case, where the same people may be named in free text only.
std::vector<std::string> names_to_redact(const Record& record, Redaction level);

class Redactor {
 public:
  Redactor() = default;  // redacts nothing, only cleans
  Redactor(const Record& record, const RedactionOptions& options);

  // The text cleaned, and with every redacted person's full name, first name and surname
  // (whole words) and every child's date of birth (in the usual written forms) replaced.
  std::string apply(std::string_view text) const;
  // Applies the redaction to a string in place.
  void operator()(std::string& text) const { text = apply(text); }

  Redaction level() const { return m_level; }

 private:
  Redaction m_level = Redaction::none;
  PhraseSearch m_phrases;
};

}  // namespace cpconf
