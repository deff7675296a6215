#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cpconf/load/model.hpp"
#include "cpconf/render/document.hpp"

// Redaction of a written record for sharing (with auditors, say): names reduced to initials
// or roles, dates of birth removed. It works on the finished document's text, so names that a
// record repeats in free text (reasoning, concerns, information, ids, the file name) go too.
namespace cpconf {

enum class Redaction {
  none,
  family,  // children, family members and other non-professional attendees -> initials
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

// One thing to find (lower case) and what replaces it.
struct RedactionPattern {
  std::string text;
  std::string replacement;
  bool date = false;  // bounded by non-alphanumerics rather than by non-letters
};

class Redactor {
 public:
  Redactor(const Record& record, const RedactionOptions& options);

  // The text cleaned, and with every redacted person's full name, first name and surname
  // (whole words, any case) and every child's date of birth (in the usual written forms)
  // replaced.
  std::string apply(std::string_view text) const;
  void apply(Document& document) const;

  Redaction level() const { return m_level; }

 private:
  Redaction m_level;
  std::vector<RedactionPattern> m_patterns;  // longest first, so a full name wins over its parts
};

}  // namespace cpconf
