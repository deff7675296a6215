#include "cpconf/report/sarif.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "cpconf/check/rule.hpp"
#include "cpconf/digest.hpp"
#include "cpconf/report/rules_format.hpp"
#include "cpconf/text/json.hpp"
#include "cpconf/text/markdown_escape.hpp"
#include "cpconf/version.hpp"

namespace cpconf {

namespace {

constexpr std::string_view k_schema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "error";
}

// The rules in the order `cpconf rules` lists them, which tool.driver.rules follows.
const std::vector<RuleEntry>& listed_rules() {
  static const std::vector<RuleEntry> k_entries = list_rules(std::nullopt, nullptr);
  return k_entries;
}

std::string text_object(std::string_view text) { return fmt::format("{{\"text\":{}}}", json_string(text)); }

// A rule of tool.driver: its help as text and as Markdown (which code-scanning services show
// beside an alert), and, given a rule reference, a helpUri at the rule's heading in it (a rule's
// name is its own Markdown anchor: lower case, hyphens).
std::string rule_descriptor(const Rule& rule, std::string_view reference) {
  std::string help_uri =
      reference.empty() ? "" : fmt::format("\"helpUri\":{},", json_string(fmt::format("{}#{}", reference, rule.name)));
  return fmt::format(
      "{{\"id\":{},\"shortDescription\":{},\"fullDescription\":{},{}\"help\":{{\"text\":{},\"markdown\":{}}},"
      "\"defaultConfiguration\":{{\"level\":\"{}\"}},\"properties\":{{\"family\":{},\"source\":{}}}}}",
      json_string(rule.name), text_object(rule.summary), text_object(rule.explanation), help_uri,
      json_string(fmt::format("{}\n\nSource: {}", rule.explanation, rule.source)),
      json_string(fmt::format("{}\n\nSource: {}", markdown_inline(rule.explanation), markdown_inline(rule.source))),
      sarif_level(rule.severity), json_string(family_key(rule.family)), json_string(rule.source));
}

}  // namespace

std::optional<std::string> repository_path(const std::string& file) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_regular_file(file, error)) return std::nullopt;  // standard input, a name given to it
  fs::path absolute = fs::weakly_canonical(fs::absolute(file, error), error);
  if (error) return std::nullopt;
  for (fs::path folder = absolute.parent_path();; folder = folder.parent_path()) {
    if (fs::exists(folder / ".git", error)) return absolute.lexically_relative(folder).generic_string();
    if (folder == folder.root_path() || folder.empty()) return std::nullopt;
  }
}

// A file's artifactLocation, worked out once per file: within a repository, relative to its
// root (%SRCROOT%, as GitHub code scanning reads it); elsewhere, the path as given.
const SarifWriter::Artifact& SarifWriter::artifact(const std::string& file) {
  auto found = m_artifacts.find(file);
  if (found != m_artifacts.end()) return found->second;
  std::optional<std::string> in_repository = repository_path(file);
  Artifact made;
  made.path = in_repository.value_or(file);
  made.location = in_repository
                      ? fmt::format("{{\"uri\":{},\"uriBaseId\":\"%SRCROOT%\"}}", json_string(sarif_uri(made.path)))
                      : fmt::format("{{\"uri\":{}}}", json_string(sarif_uri(file)));
  return m_artifacts.emplace(file, std::move(made)).first->second;
}

// Where a finding points: the file, and the line and column. GitHub code scanning requires a
// region's startLine, so a finding about the whole file is placed at line 1, column 1, as the
// github and text formats place it.
std::string SarifWriter::physical_location(const std::string& file, Location location) {
  return fmt::format("{{\"artifactLocation\":{},\"region\":{{\"startLine\":{},\"startColumn\":{}}}}}",
                     artifact(file).location, std::max(location.line, 1), std::max(location.column, 1));
}

// The same finding keeps its fingerprint across runs and edits elsewhere in the file, so that a
// code-scanning alert is not closed and reopened: made of the rule, the file within its
// repository and the record path (not the line, which edits above move, nor the message, which
// may count things), and which of the findings with those three this is. Hashed, as the path may
// be the record's own text.
std::string SarifWriter::fingerprint(const Finding& finding) {
  std::string key = fmt::format("{}\n{}\n{}", finding.rule, artifact(finding.file).path, finding.path);
  int occurrence = ++m_occurrences[key];
  return sha256_hex(fmt::format("{}\n{}", key, occurrence));
}

std::string sarif_uri(std::string_view path) {
  constexpr std::string_view k_plain = "-._~!$&'()*+,;=@/";
  std::string out = path.substr(0, 1) == "/" ? "file://" : "";
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    bool alphanumeric = (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
    if (alphanumeric || k_plain.find(c) != std::string_view::npos) {
      out.push_back(c);
    } else {
      out += fmt::format("%{:02X}", u);  // ':' too, so that "a:b.yaml" is never read as a scheme
    }
  }
  return out;
}

std::string SarifWriter::begin() {
  std::string out = fmt::format(
      "{{\"$schema\":{},\"version\":\"2.1.0\",\"runs\":[{{\"tool\":{{\"driver\":{{\"name\":\"cpconf\","
      "\"version\":{},\"semanticVersion\":{},\"rules\":[",
      json_string(k_schema), json_string(k_version), json_string(k_version));
  auto entries = listed_rules();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    out += (i == 0 ? "\n" : ",\n") + rule_descriptor(*entries[i].rule, m_rules_reference);
  }
  return out + "]}},\n\"results\":[";
}

std::string SarifWriter::result(const Finding& finding, const WaivedFinding* waived) {
  std::string out = m_first ? "\n" : ",\n";
  m_first = false;
  out += fmt::format("{{\"ruleId\":{},", json_string(finding.rule));
  auto entries = listed_rules();
  auto listed =
      std::find_if(entries.begin(), entries.end(), [&](const RuleEntry& e) { return e.rule->name == finding.rule; });
  if (listed != entries.end()) out += fmt::format("\"ruleIndex\":{},", listed - entries.begin());
  std::string message =
      finding.path.empty() ? finding.message : fmt::format("{} (at {})", finding.message, finding.path);
  out += fmt::format("\"level\":\"{}\",\"message\":{},\"locations\":[{{\"physicalLocation\":{}",
                     sarif_level(finding.severity), text_object(message),
                     physical_location(finding.file, finding.location));
  if (!finding.path.empty()) {
    out += fmt::format(",\"logicalLocations\":[{{\"fullyQualifiedName\":{}}}]", json_string(finding.path));
  }
  out += fmt::format("}}],\"partialFingerprints\":{{\"cpconf/v1\":\"{}\"}}", fingerprint(finding));
  if (waived != nullptr) {
    out += fmt::format(
        ",\"suppressions\":[{{\"kind\":\"inSource\",\"justification\":{},\"location\":{{"
        "\"physicalLocation\":{}}}}}]",
        json_string(waived->reason), physical_location(finding.file, waived->waiver));
  }
  return out + "}";
}

std::string SarifWriter::file(const FileReport& report, std::string_view) {
  std::string out;
  for (const auto& finding : report.findings) out += result(finding, nullptr);
  for (const auto& waived : report.waived) out += result(waived.finding, &waived);
  return out;
}

std::string SarifWriter::input_error(const std::string& file, const std::string& message) {
  m_input_errors.emplace_back(file, message);
  return {};
}

std::string SarifWriter::cross_record(const Finding& finding) { return result(finding, nullptr); }

std::string SarifWriter::end(const FindingCounts&) {
  std::string out = fmt::format("],\n\"invocations\":[{{\"executionSuccessful\":{}", m_input_errors.empty());
  if (!m_input_errors.empty()) {
    out += ",\"toolExecutionNotifications\":[";
    for (std::size_t i = 0; i < m_input_errors.size(); ++i) {
      const auto& [file, message] = m_input_errors[i];
      out += fmt::format("{}{{\"level\":\"error\",\"message\":{},\"locations\":[{{\"physicalLocation\":{}}}]}}",
                         i == 0 ? "\n" : ",\n", text_object(message),
                         fmt::format("{{\"artifactLocation\":{}}}", artifact(file).location));
    }
    out += "]";
  }
  return out + "}]}]}\n";
}

}  // namespace cpconf
