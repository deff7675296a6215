#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cpconf/report/findings_format.hpp"

// JUnit XML, as CI dashboards (Jenkins, GitLab) read it: testsuites/testsuite/testcase/failure.
// Each input is a test suite; each finding is a test case, failed when its severity reaches
// --fail-on, passed with the finding as its output otherwise, skipped when a waiver accepts it;
// a clean input is one passed test case. An input that cannot be read is a test case in error.
namespace cpconf {

class JunitWriter : public FindingsWriter {
 public:
  explicit JunitWriter(const WriterOptions& options) : m_options(options) {}

  std::string begin() override;
  std::string file(const FileReport& report, std::string_view source) override;
  std::string input_error(const std::string& file, const std::string& message) override;
  // Kept until end(): the suite's element counts its test cases.
  std::string cross_record(const Finding& finding) override;
  std::string end(const FindingCounts& counts) override;

 private:
  std::string suite(const std::string& name, const Findings& findings, const std::vector<WaivedFinding>& waived) const;

  WriterOptions m_options;
  Findings m_cross_record;
};

// Text made safe for XML character data and attribute values: markup escaped, line breaks in
// attributes kept, and what XML 1.0 cannot hold (control characters, invalid UTF-8) replaced
// by U+FFFD.
std::string xml_escape(std::string_view text);

}  // namespace cpconf
