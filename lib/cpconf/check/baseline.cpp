#include "cpconf/check/baseline.hpp"

#include <fmt/format.h>

#include "cpconf/load/map_reader.hpp"
#include "cpconf/load/profile.hpp"
#include "cpconf/text/json.hpp"

namespace cpconf {

struct BaselineEntry : Node {
  Field<std::string> file, rule, record_path, message;
};

void describe(MapReader& r, BaselineEntry& e) {
  r.required("file", e.file);
  r.required("rule", e.rule);
  r.optional("path", e.record_path);
  r.required("message", e.message);
}

Baseline Baseline::load(const std::string& path) {
  std::string text = read_source(path, 256 * 1024 * 1024);
  YamlLimits limits;
  limits.max_bytes = 256 * 1024 * 1024;
  limits.max_nodes = 50'000'000;
  ParsedYaml parsed = parse_yaml(text, path, limits);
  ReadContext context{path, std::move(parsed.findings), std::nullopt};
  Baseline baseline;
  if (parsed.usable && parsed.root.is_mapping()) {
    MapReader reader(parsed.root, "", context);
    Field<int> version;
    std::vector<BaselineEntry> entries;
    reader.required("cpconf-baseline", version);
    reader.list("findings", entries);
    reader.finish();
    for (const auto& e : entries) {
      if (!e.file || !e.rule || !e.message) continue;
      ++baseline.m_remaining[{*e.file, *e.rule, e.record_path.value_or(std::string()), *e.message}];
    }
  } else if (parsed.usable) {
    context.add("invalid-value", parsed.root.location, "",
                "a baseline is a mapping starting with 'cpconf-baseline: 1'");
  }
  if (!context.findings.empty()) {
    throw ProfileError(path, fmt::format("'{}' is not a usable baseline", path), std::move(context.findings));
  }
  return baseline;
}

bool Baseline::take(const Finding& finding) {
  auto it = m_remaining.find({finding.file, finding.rule, finding.path, finding.message});
  if (it == m_remaining.end() || it->second == 0) return false;
  --it->second;
  return true;
}

int Baseline::unmatched() const {
  int count = 0;
  for (const auto& [key, remaining] : m_remaining) count += remaining;
  return count;
}

std::string Baseline::to_text(const Findings& findings, Date written_on) {
  // JSON strings are valid YAML double-quoted scalars, escapes and all.
  std::string out = fmt::format(
      "# cpconf baseline, written {}: findings accepted until the records are put right.\n"
      "# 'cpconf validate --baseline FILE' reports only findings not listed here.\n"
      "cpconf-baseline: 1\nfindings:{}\n",
      written_on.str(), findings.empty() ? " []" : "");
  for (const auto& f : findings) {
    out += fmt::format("  - file: {}\n    rule: {}\n    path: {}\n    message: {}\n", json_string(f.file),
                       json_string(f.rule), json_string(f.path), json_string(f.message));
  }
  return out;
}

}  // namespace cpconf
