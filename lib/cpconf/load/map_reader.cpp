#include "cpconf/load/map_reader.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "cpconf/text/suggest.hpp"
#include "cpconf/text/words.hpp"

namespace cpconf {

void ReadContext::add(std::string_view rule, Location location, std::string path, std::string message,
                      std::vector<std::string> quoted) {
  // Every fault in reading is an error, an unknown key too: the JSON Schemas that editors use
  // refuse unknown keys, and cpconf must not pass what the editor marks broken.
  findings.push_back(
      {std::string(rule), Severity::error, file, location, std::move(path), std::move(message), std::move(quoted)});
}

std::vector<std::string> quoted_value(const YamlNode& node) {
  if (!node.is_scalar()) return {};
  return {node.value};
}

std::optional<std::string> parse_scalar(const YamlNode& node, std::string& out) {
  if (!node.is_scalar()) return "a single value";
  out = node.value;
  return std::nullopt;
}

std::optional<std::string> parse_scalar(const YamlNode& node, bool& out) {
  static constexpr std::string_view k_true[] = {"true", "True", "TRUE"};
  static constexpr std::string_view k_false[] = {"false", "False", "FALSE"};
  if (node.is_scalar() && !node.quoted) {
    for (auto word : k_true) {
      if (node.value == word) return out = true, std::nullopt;
    }
    for (auto word : k_false) {
      if (node.value == word) return out = false, std::nullopt;
    }
  }
  return "true or false (unquoted)";
}

std::optional<std::string> parse_scalar(const YamlNode& node, int& out) {
  if (node.is_scalar() && !node.quoted) {
    const char* begin = node.value.data();
    const char* end = begin + node.value.size();
    auto [ptr, error] = std::from_chars(begin, end, out);
    if (error == std::errc{} && ptr == end) return std::nullopt;
  }
  return "a whole number";
}

std::optional<std::string> parse_scalar(const YamlNode& node, Date& out) {
  if (node.is_scalar()) {
    if (auto date = parse_date(node.value)) return out = *date, std::nullopt;
  }
  return "a real date written YYYY-MM-DD";
}

std::optional<std::string> parse_scalar(const YamlNode& node, DateTime& out) {
  if (node.is_scalar()) {
    if (auto when = parse_date_time(node.value)) return out = *when, std::nullopt;
  }
  return "a real date and time written YYYY-MM-DD HH:MM (or a date, YYYY-MM-DD)";
}

std::string expected_enum(std::span<const std::string_view> names, std::string_view given) {
  return fmt::format("one of {}, not '{}'{}", join(names), given, did_you_mean(given, names));
}

MapReader::MapReader(const YamlNode& node, std::string path, ReadContext& context)
    : m_node(node), m_path(std::move(path)), m_context(context) {}

bool MapReader::has_value(std::string_view key) const {
  const YamlNode* node = m_node.find(key);
  return node != nullptr && !node->is_null();
}

const YamlNode* MapReader::take(std::string_view key) {
  m_known.push_back(key);
  return m_node.find(key);
}

std::string MapReader::child_path(std::string_view key) const {
  // Concatenated, not formatted: every field read makes one, and fmt was a twentieth of a warm run.
  std::string path;
  path.reserve(m_path.size() + 1 + key.size());
  if (!m_path.empty()) (path += m_path) += '.';
  path += key;
  return path;
}

void MapReader::missing(std::string_view key, std::string_view why, const YamlNode* empty_value) {
  std::string where = m_path.empty() ? "the record" : fmt::format("'{}'", m_path);
  m_context.add("missing-field", empty_value != nullptr ? empty_value->location : m_node.location, child_path(key),
                fmt::format("required key '{}' {} in {}", key, why, where));
}

void MapReader::finish() {
  for (const auto& [key, value] : m_node.entries) {
    if (std::find(m_known.begin(), m_known.end(), key.value) != m_known.end()) continue;
    std::string where = m_path.empty() ? "at the top of a record" : fmt::format("in '{}'", m_path);
    m_context.add("unknown-field", key.location, child_path(key.value),
                  fmt::format("unknown key '{}' {}{}; known keys: {}", key.value, where,
                              did_you_mean(key.value, m_known), join(m_known)),
                  {key.value});
  }
}

}  // namespace cpconf
