#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <fmt/format.h>

#include "cpconf/finding.hpp"
#include "cpconf/load/model.hpp"
#include "cpconf/load/yaml_tree.hpp"

namespace cpconf {

// Where findings of one file go while it is read.
struct ReadContext {
  std::string file;
  Findings findings;
  std::optional<ConferenceKind> kind;  // set once known: some keys depend on it

  // quoted: the record text the message quotes that the format does not define (Finding::quoted).
  void add(std::string_view rule, Location location, std::string path, std::string message,
           std::vector<std::string> quoted = {});
};

// Scalar conversions; each returns what was expected when the text does not fit.
std::optional<std::string> parse_scalar(const YamlNode& node, std::string& out);
std::optional<std::string> parse_scalar(const YamlNode& node, bool& out);
std::optional<std::string> parse_scalar(const YamlNode& node, int& out);
std::optional<std::string> parse_scalar(const YamlNode& node, Date& out);
std::optional<std::string> parse_scalar(const YamlNode& node, DateTime& out);
std::string expected_enum(std::span<const std::string_view> names, std::string_view given);
// A scalar's text, which a message quotes when it is not a value the format allows.
std::vector<std::string> quoted_value(const YamlNode& node);

// Reads one mapping of the record into a struct: each key it asks for is checked for type and
// presence; finish() reports the keys nobody asked for.
class MapReader {
 public:
  MapReader(const YamlNode& node, std::string path, ReadContext& context);

  bool is_mapping() const { return m_node.is_mapping(); }
  // Whether the key is written with a value (valid or not).
  bool has_value(std::string_view key) const;
  const std::string& path() const { return m_path; }
  Location location() const { return m_node.location; }
  ReadContext& context() { return m_context; }

  template <class T>
  void required(std::string_view key, Field<T>& field) {
    read(key, field, true);
  }
  template <class T>
  void optional(std::string_view key, Field<T>& field) {
    read(key, field, false);
  }
  template <class T>
  void required_if(bool needed, std::string_view key, Field<T>& field) {
    read(key, field, needed);
  }
  template <class T>
  void list(std::string_view key, std::vector<T>& out, bool required = false);

  // Marks a key as known without reading it: its value is read elsewhere.
  void skip(std::string_view key) { take(key); }

  // A required key that is absent, for checks that span two keys.
  void missing(std::string_view key, std::string_view why, const YamlNode* empty_value = nullptr);
  void finish();

 private:
  const YamlNode* take(std::string_view key);
  std::string child_path(std::string_view key) const;
  template <class T>
  void read(std::string_view key, Field<T>& field, bool required);
  template <class T>
  bool convert(const YamlNode& node, const std::string& path, std::string_view key, T& out);

  const YamlNode& m_node;
  std::string m_path;
  ReadContext& m_context;
  std::vector<std::string_view> m_known;
};

template <class T>
void MapReader::read(std::string_view key, Field<T>& field, bool required) {
  field.location = m_node.location;
  const YamlNode* node = take(key);
  if constexpr (std::is_base_of_v<Node, T>) {
    // A mapping key written with no value ("over-rule:") is the key with an empty mapping
    // ("over-rule: {}"): it is there, and what it lacks is reported as for {}.
    if (node != nullptr && node->is_null()) {
      YamlNode empty;
      empty.kind = YamlNode::Kind::mapping;
      empty.location = node->location;
      field.location = node->location;
      T value{};
      if (convert(empty, child_path(key), key, value)) field.value = std::move(value);
      return;
    }
  }
  if (node == nullptr || node->is_null()) {
    if (required) missing(key, node == nullptr ? "is missing" : "has no value", node);
    if (node != nullptr) field.location = node->location;
    return;
  }
  field.location = node->location;
  T value{};
  if (!convert(*node, child_path(key), key, value)) return;
  field.value = std::move(value);
  if constexpr (std::is_same_v<T, Ids>) {
    for (const auto& item : node->items) field.item_locations.push_back(item.location);
  }
}

template <class T>
bool MapReader::convert(const YamlNode& node, const std::string& path, std::string_view key, T& out) {
  if constexpr (std::is_base_of_v<Node, T>) {
    if (!node.is_mapping()) {
      m_context.add("invalid-value", node.location, path,
                    fmt::format("'{}' must be a mapping of keys, not {}", key, kind_name(node.kind)));
      return false;
    }
    out.path = path;
    out.location = node.location;
    MapReader reader(node, path, m_context);
    describe(reader, out);
    reader.finish();
    return true;
  } else if constexpr (std::is_same_v<T, Ids>) {
    if (!node.is_sequence()) {
      m_context.add("invalid-value", node.location, path,
                    fmt::format("'{}' must be a list such as [a, b], not {}", key, kind_name(node.kind)));
      return false;
    }
    bool ok = true;
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      std::string item;
      if (auto expected = parse_scalar(node.items[i], item)) {
        m_context.add("invalid-value", node.items[i].location, fmt::format("{}[{}]", path, i),
                      fmt::format("each item of '{}' must be {}", key, *expected));
        ok = false;
      } else {
        out.push_back(std::move(item));
      }
    }
    return ok;
  } else if constexpr (std::is_enum_v<T>) {
    std::vector<std::string_view> names;
    for (const auto& [name, value] : EnumNames<T>::get()) {
      if (node.is_scalar() && node.value == name) {
        out = value;
        return true;
      }
      names.push_back(name);
    }
    std::string given = node.is_scalar() ? node.value : std::string(kind_name(node.kind));
    m_context.add("invalid-value", node.location, path, fmt::format("'{}' must be {}", key, expected_enum(names, given)),
                  quoted_value(node));
    return false;
  } else {
    if (auto expected = parse_scalar(node, out)) {
      std::string given = node.is_scalar() ? fmt::format("'{}'", node.value) : std::string(kind_name(node.kind));
      m_context.add("invalid-value", node.location, path, fmt::format("'{}' must be {}, not {}", key, *expected, given),
                    quoted_value(node));
      return false;
    }
    return true;
  }
}

template <class T>
void MapReader::list(std::string_view key, std::vector<T>& out, bool required) {
  const YamlNode* node = take(key);
  if (node == nullptr || node->is_null()) {
    if (required) missing(key, node == nullptr ? "is missing" : "has no value", node);
    return;
  }
  std::string path = child_path(key);
  if (!node->is_sequence()) {
    m_context.add("invalid-value", node->location, path,
                  fmt::format("'{}' must be a list (items starting with '- '), not {}", key, kind_name(node->kind)));
    return;
  }
  if (required && node->items.empty()) {
    m_context.add("missing-field", node->location, path, fmt::format("'{}' must list at least one item", key));
    return;
  }
  out.reserve(node->items.size());
  for (std::size_t i = 0; i < node->items.size(); ++i) {
    T item{};
    if (convert(node->items[i], fmt::format("{}[{}]", path, i), key, item)) out.push_back(std::move(item));
  }
}

}  // namespace cpconf
