#include "cpconf/load/profile.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cpconf/load/yaml_tree.hpp"

namespace cpconf {

const GroupingDef* Profile::grouping(std::string_view id) const {
  for (const auto& g : groupings) {
    if (g.id == id) return &g;
  }
  return nullptr;
}

bool Profile::is_non_voting(Capacity capacity) const {
  return std::find(non_voting.begin(), non_voting.end(), capacity) != non_voting.end();
}

std::string_view Profile::national_category(std::string_view local) const {
  auto it = national_categories.find(local);
  return it != national_categories.end() ? std::string_view(it->second) : local;
}

int Timescales::reconvene_limit(ConferenceKind kind) const {
  if (kind == ConferenceKind::review && reconvene_review_working_days) return *reconvene_review_working_days;
  return reconvene_working_days;
}

ProfileError::ProfileError(std::string file, std::string message, Findings findings)
    : InputError(std::move(file), std::move(message)), m_findings(std::move(findings)) {}

bool starts_with_key(std::string_view text, std::string_view key) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, end - pos);
    if (line.ends_with('\r')) line.remove_suffix(1);
    auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#' || line == "---" || line.starts_with("%")) {
      pos = end + 1;
      continue;
    }
    if (first != 0) return false;
    for (std::string_view quote : {"", "\"", "'"}) {
      std::string_view rest = line;
      if (!rest.starts_with(quote)) continue;
      rest.remove_prefix(quote.size());
      if (!rest.starts_with(key)) continue;
      rest.remove_prefix(key.size());
      if (!rest.starts_with(quote)) continue;
      rest.remove_prefix(quote.size());
      auto colon = rest.find_first_not_of(" \t");
      if (colon != std::string_view::npos && rest[colon] == ':') return true;
    }
    return false;
  }
  return false;
}

std::optional<ProfileError> unrecognised_file(std::string_view text, const std::string& path, std::string_view key,
                                              std::string_view what) {
  if (starts_with_key(text, key)) return std::nullopt;
  ParsedYaml parsed = parse_yaml(text, path);
  std::string fault;
  if (!parsed.usable) {
    Location at = parsed.findings.empty() ? Location{1, 1} : parsed.findings.front().location;
    fault = parsed.findings.empty() || parsed.findings.front().rule != "input-limits"
                ? fmt::format("it is not YAML that cpconf can read (line {}, column {})", at.line, at.column)
                : "it is too large";
  } else if (!parsed.root.is_mapping()) {
    fault = fmt::format("it is not a YAML mapping (line {})", parsed.root.location.line);
  } else {
    fault = fmt::format("its first key is another (line {})",
                        parsed.root.entries.empty() ? 1 : parsed.root.entries.front().first.location.line);
  }
  return ProfileError(
      path,
      fmt::format("'{}' is not a cpconf {} (a mapping whose first key is '{}'): {}; nothing of it is shown", path, what,
                  key, fault),
      {});
}

}  // namespace cpconf
