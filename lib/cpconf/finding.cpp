#include "cpconf/finding.hpp"

#include <algorithm>
#include <stdexcept>
#include <tuple>

#include "cpconf/bytes.hpp"

namespace cpconf {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::optional<Severity> severity_named(std::string_view word) {
  for (Severity severity : {Severity::error, Severity::warning, Severity::info}) {
    if (word == severity_name(severity)) return severity;
  }
  return std::nullopt;
}

bool finding_before(const Finding& a, const Finding& b) {
  return std::tie(a.file, a.location.line, a.location.column, a.rule, a.path, a.message) <
         std::tie(b.file, b.location.line, b.location.column, b.rule, b.path, b.message);
}

void sort_findings(Findings& findings) { std::stable_sort(findings.begin(), findings.end(), finding_before); }

void write_finding(ByteWriter& out, const Finding& finding) {
  out.text(finding.rule);
  out.u32(static_cast<std::uint32_t>(finding.severity));
  out.u32(static_cast<std::uint32_t>(finding.location.line));
  out.u32(static_cast<std::uint32_t>(finding.location.column));
  out.text(finding.path);
  out.text(finding.message);
  out.u32(static_cast<std::uint32_t>(finding.quoted.size()));
  for (const auto& text : finding.quoted) out.text(text);
}

Finding read_finding(ByteReader& in) {
  Finding finding;
  finding.rule = in.text();
  auto severity = in.u32();
  if (severity > static_cast<std::uint32_t>(Severity::error)) in.fail();
  finding.severity = in.ok() ? static_cast<Severity>(severity) : Severity::error;
  finding.location.line = static_cast<int>(in.u32());
  finding.location.column = static_cast<int>(in.u32());
  finding.path = in.text();
  finding.message = in.text();
  std::uint32_t quoted = in.u32();
  for (std::uint32_t i = 0; i < quoted && in.ok(); ++i) finding.quoted.push_back(in.text());
  return finding;
}

InputError::InputError(std::string file, std::string message)
    : std::runtime_error(std::move(message)), m_file(std::move(file)) {}

}  // namespace cpconf
