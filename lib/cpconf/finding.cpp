#include "cpconf/finding.hpp"

#include <algorithm>
#include <stdexcept>
#include <tuple>

namespace cpconf {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

void sort_findings(Findings& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.file, a.location.line, a.location.column, a.rule, a.path, a.message) <
           std::tie(b.file, b.location.line, b.location.column, b.rule, b.path, b.message);
  });
}

InputError::InputError(std::string file, std::string message)
    : std::runtime_error(std::move(message)), m_file(std::move(file)) {}

}  // namespace cpconf
