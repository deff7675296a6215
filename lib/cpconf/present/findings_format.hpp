#pragma once

#include <string>
#include <string_view>

#include "cpconf/check/validate.hpp"
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

  void count(const Findings& findings);
};

// Compiler-style text: "file:line:col: severity: message [rule]", the source line, a caret.
std::string format_finding_text(const Finding& finding, std::string_view source, bool color);
std::string format_tally_text(const FindingCounts& tally, bool color);

// A finding a waiver accepted, listed apart from the others.
std::string format_waived_text(const WaivedFinding& waived, bool color);

// JSON: one document {"files": [...], "cross_record": [...], "summary": {...}}, written in
// pieces as files finish.
std::string json_begin();
std::string json_file(const FileReport& report, bool first);
std::string json_input_error(const std::string& file, const std::string& message, bool first);
std::string json_end(const Findings& cross_record, const FindingCounts& tally);

// GitHub Actions workflow commands: "::error file=F,line=L,col=C,title=T::message".
std::string format_finding_github(const Finding& finding);

}  // namespace cpconf
