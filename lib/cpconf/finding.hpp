#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cpconf {

enum class Severity { info, warning, error };

std::string_view severity_name(Severity severity);
// The severity a word names ("error", "warning", "info"), or nothing for any other word.
std::optional<Severity> severity_named(std::string_view word);

// A 1-based position in a source file; line 0 means "the file as a whole".
struct Location {
  int line = 0;
  int column = 0;
};

// One thing a rule found wrong with a record. Rules return these and never throw.
struct Finding {
  std::string rule;
  Severity severity = Severity::error;
  std::string file;
  Location location;
  std::string path;  // record path such as "children[1].born"; empty for the file itself
  std::string message;
  // Text of the record that the message quotes and the path may end with, but that the record
  // format does not define: an unknown key, a value none of the allowed ones, an id that matches
  // nothing. It may be anything, a name included, so outputs that promise no names replace it
  // with a placeholder (check/names.hpp).
  std::vector<std::string> quoted = {};
};

using Findings = std::vector<Finding>;

// Orders findings by file, line, column, then rule, so output never depends on rule order.
void sort_findings(Findings& findings);
// Whether a comes before b in that order.
bool finding_before(const Finding& a, const Finding& b);

class ByteWriter;
class ByteReader;
// A finding in the byte encoding of bytes.hpp, without its file, which callers keep apart (the
// tree cache reports the name given on the command line, not the one the entry was made for).
void write_finding(ByteWriter& out, const Finding& finding);
// Reads what write_finding wrote; a severity out of range marks the reader failed.
Finding read_finding(ByteReader& in);

// A failure to read an input at all (missing, unreadable): reported once by the CLI, exit 2.
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::string message);
  const std::string& file() const { return m_file; }

 private:
  std::string m_file;
};

}  // namespace cpconf
