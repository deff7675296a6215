#pragma once

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
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

// Patterns in the order they are tried (longest first, so a full name wins over its parts),
// indexed so that the ones that can match at a place of a text are found at once, not by
// trying every pattern: a record with thousands of family members would make that quadratic.
class RedactionPatterns {
 public:
  RedactionPatterns() = default;
  explicit RedactionPatterns(std::vector<RedactionPattern> in_order);

  // The first pattern, in order, that matches text at pos as a whole word; or nullptr.
  const RedactionPattern* match(std::string_view text, std::size_t pos) const;
  bool empty() const { return m_patterns.empty(); }

 private:
  std::vector<RedactionPattern> m_patterns;
  std::vector<std::size_t> m_lengths;  // the patterns' lengths, each once, longest first
  std::array<bool, 256> m_first_bytes{};  // the bytes patterns start with
  std::unordered_map<std::string, std::vector<std::size_t>> m_by_text;  // in order
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
  RedactionPatterns m_patterns;
};

}  // namespace cpconf
