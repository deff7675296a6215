#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cpconf/report/findings_format.hpp"

// SARIF 2.1.0 (OASIS), the format code-scanning services read: one log with one run, whose
// tool.driver lists every rule of the table, and one result per finding.
namespace cpconf {

class SarifWriter : public FindingsWriter {
 public:
  SarifWriter() = default;
  explicit SarifWriter(const WriterOptions& options) : m_rules_reference(options.rules_reference) {}
  std::string begin() override;
  std::string file(const FileReport& report, std::string_view source) override;
  std::string input_error(const std::string& file, const std::string& message) override;
  std::string cross_record(const Finding& finding) override;
  std::string end(const FindingCounts& counts) override;

 private:
  std::string result(const Finding& finding, const WaivedFinding* waived);
  std::string physical_location(const std::string& file, Location location);
  struct Artifact {
    std::string location;  // the artifactLocation object
    std::string path;      // within its repository, else as given
  };
  const Artifact& artifact(const std::string& file);
  std::string fingerprint(const Finding& finding);

  std::string m_rules_reference;
  bool m_first = true;
  std::vector<std::pair<std::string, std::string>> m_input_errors;  // file, message
  std::map<std::string, Artifact, std::less<>> m_artifacts;           // by the file as given
  std::map<std::string, int, std::less<>> m_occurrences;              // what a fingerprint is made of -> seen
};

// Where a file given on the command line sits in its repository: its path from the repository's
// root (the nearest folder above it that holds .git), so that a code-scanning service places it
// whatever folder cpconf ran from. Nothing for a file outside any repository, or standard input.
std::optional<std::string> repository_path(const std::string& file);

// A path as a SARIF artifact URI: a relative path stays relative, an absolute one becomes a
// file:// URI, and every character a URI reference may not hold is percent-encoded.
std::string sarif_uri(std::string_view path);

}  // namespace cpconf
