#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "cpconf/check/file_report.hpp"
#include "cpconf/finding.hpp"

namespace cpconf {

struct FindingCounts {
  int files = 0;
  int errors = 0;
  int warnings = 0;
  int infos = 0;
  int input_errors = 0;
  int waived = 0;
  int baselined = 0;
  int baseline_unmatched = 0;
  int not_shown = 0;  // findings of a severity --severity leaves out: counted above, not listed

  void count(const Findings& findings);
};

// Compiler-style text: "file:line:col: severity: message [rule]", the source line, a caret.
std::string format_finding_text(const Finding& finding, std::string_view source, bool color);
// One line for grep and editors: "file:line:col: severity [rule] message (at path)".
std::string format_finding_concise(const Finding& finding, bool color);
std::string format_counts_text(const FindingCounts& counts, bool color);

// A finding a waiver accepted, listed apart from the others.
std::string format_waived_text(const WaivedFinding& waived, bool color);

// JSON: one document {"files": [...], "cross_record": [...], "summary": {...}}, written in
// pieces as files finish.
std::string json_begin();
// Each file's entry has its conference's facts ("conference": {"id", "case", "chair", "date"},
// null when the record did not load), so that a script can group findings by them.
std::string json_file(const FileReport& report, bool first);
std::string json_input_error(const std::string& file, const std::string& message, bool first);
std::string json_cross_record(const Finding& finding, bool first);
// statistics, when not empty, is FindingStatistics::json(), under "statistics" after the summary.
std::string json_end(const FindingCounts& counts, bool any_cross_record, std::string_view statistics = {});

// CSV (RFC 4180, CRLF, with csv_row's guard against formulas): a header, then one row per
// finding: file, line, column, severity, rule, conference, case, chair, date, message, path,
// waiver. The conference's facts are empty for a cross-record finding and a record that did not
// load; waiver is empty but for a waived finding ("line N: reason", with show_waived); an input
// that cannot be read is a row of its file, severity error, an empty rule, and why as message.
std::string csv_header();

// GitHub Actions workflow commands: "::error file=F,line=L,col=C,title=T::message".
std::string format_finding_github(const Finding& finding);

// What a format may take into account besides the findings.
struct WriterOptions {
  bool color = false;               // text: terminal colours
  bool quiet = false;               // text: nothing when clean, no list of waived findings
  bool excerpts = true;             // text: the source line and marker under each finding
  bool show_waived = false;         // text, concise: each waived finding, one line each at the end; csv: rows
  bool statistics = false;          // text, concise, json: FindingStatistics at the end
  std::optional<Severity> fail_at;  // junit: findings at or above it fail their test case
  std::string rules_reference;      // sarif: the rule reference's URL; each rule's helpUri is it#name
};

// One output format. Its calls return the text to write, in this order: begin(); file() for
// each input checked, or input_error() for one that could not be; cross_record() for each
// cross-record finding, in order; end(). Findings stream through: a format holds on to them only
// when it must (JUnit, whose test suite element counts its test cases).
class FindingsWriter {
 public:
  virtual ~FindingsWriter() = default;
  virtual std::string begin() { return {}; }
  virtual std::string file(const FileReport& report, std::string_view source) = 0;
  virtual std::string input_error(const std::string& file, const std::string& message) = 0;
  virtual std::string cross_record(const Finding& finding) = 0;
  virtual std::string end(const FindingCounts& counts) = 0;
};

// One row per format that --format takes.
struct FindingsFormat {
  std::string_view name;
  std::string_view note;  // for --help: when it is the default
  // Its output goes into logs and other services, so children and family members are always
  // named by record path (Validator::Settings::redact_names).
  bool redacts_names;
  std::unique_ptr<FindingsWriter> (*make)(const WriterOptions& options);
};

std::span<const FindingsFormat> findings_formats();
const FindingsFormat* find_findings_format(std::string_view name);

}  // namespace cpconf
