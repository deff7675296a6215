#include "cpconf/check/baseline.hpp"

#include <fmt/format.h>

#include "cpconf/digest.hpp"
#include "cpconf/load/map_reader.hpp"
#include "cpconf/load/profile.hpp"
#include "cpconf/text/json.hpp"

namespace cpconf {

struct BaselineEntry : Node {
  Field<std::string> file, rule, record_path, fingerprint, message;
};

// Version 2 stores a fingerprint of each finding; version 1 stored its message, which names
// children and family members, and is still read.
void describe(MapReader& r, BaselineEntry& e) {
  r.required("file", e.file);
  r.required("rule", e.rule);
  r.optional("path", e.record_path);
  r.required_if(!r.has_value("message"), "fingerprint", e.fingerprint);
  r.optional("message", e.message);
}

namespace {

// A finding's rule, record path and message, hashed: the same finding gives the same
// fingerprint, and the baseline holds no message (no name) a reader could see.
std::string fingerprint(std::string_view rule, std::string_view path, std::string_view message) {
  std::string text = fmt::format("cpconf-baseline\n{}\n{}\n{}", rule, path, message);
  return sha256_hex(text).substr(0, 32);
}

}  // namespace

Baseline Baseline::load(const std::string& path) {
  std::string text = read_source(path, 256 * 1024 * 1024);
  if (auto error = unrecognised_file(text, path, "cpconf-baseline", "baseline")) throw *error;
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
    if (version && *version != 1 && *version != 2) {
      context.add("format-version", version.location, "cpconf-baseline",
                  fmt::format("this baseline is version {}; this build reads versions 1 and 2", *version));
    }
    reader.list("findings", entries);
    reader.finish();
    for (const auto& e : entries) {
      if (!e.file || !e.rule || (!e.fingerprint && !e.message)) continue;
      std::string record_path = e.record_path.value_or(std::string());
      std::string print = e.fingerprint ? *e.fingerprint : fingerprint(*e.rule, record_path, *e.message);
      ++baseline.m_remaining[{*e.file, *e.rule, record_path, print}];
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
  auto it = m_remaining.find(
      {finding.file, finding.rule, finding.path, fingerprint(finding.rule, finding.path, finding.message)});
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
      "# 'cpconf validate --baseline FILE' reports only findings not listed here. Each is known by\n"
      "# a fingerprint of its rule, path and message: the messages, which name people, are not kept.\n"
      "cpconf-baseline: 2\nfindings:{}\n",
      written_on.str(), findings.empty() ? " []" : "");
  for (const auto& f : findings) {
    out += fmt::format("  - file: {}\n    rule: {}\n    path: {}\n    fingerprint: {}\n", json_string(f.file),
                       json_string(f.rule), json_string(f.path), fingerprint(f.rule, f.path, f.message));
  }
  return out;
}

}  // namespace cpconf
