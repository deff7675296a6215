#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cpconf/finding.hpp"

namespace cpconf {

// A YAML node with its source position. Unlike YAML::Node it keeps every key of a mapping,
// duplicates included, in source order, so that no value is ever silently lost.
struct YamlNode {
  enum class Kind { null, scalar, sequence, mapping };

  Kind kind = Kind::null;
  Location location;
  bool quoted = false;  // a quoted scalar is always a string, never a number or date
  std::string value;
  std::vector<YamlNode> items;
  std::vector<std::pair<YamlNode, YamlNode>> entries;

  // Declared here and defaulted in the .cpp file, where YamlNode is complete: clang with
  // libstdc++ would otherwise instantiate the entries' destructor while the pair's type is
  // still incomplete, and refuse to compile (the fuzz build uses clang).
  YamlNode();
  ~YamlNode();
  YamlNode(const YamlNode&);
  YamlNode(YamlNode&&) noexcept;
  YamlNode& operator=(const YamlNode&);
  YamlNode& operator=(YamlNode&&) noexcept;

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_mapping() const { return kind == Kind::mapping; }
  // The value of the first entry with this key, or nullptr.
  const YamlNode* find(std::string_view key) const;
};

std::string_view kind_name(YamlNode::Kind kind);

// Bounds that keep hostile input from eating time or memory.
struct YamlLimits {
  std::size_t max_bytes = 4 * 1024 * 1024;
  std::size_t max_depth = 64;
  std::size_t max_nodes = 200'000;
};

struct ParsedYaml {
  YamlNode root;
  Findings findings;    // yaml-syntax, input-limits and duplicate-key findings
  bool usable = false;  // false when the tree must not be read further
};

// Parses one YAML document held in memory. Accepts a UTF-8 BOM and CRLF line endings.
ParsedYaml parse_yaml(std::string_view text, const std::string& file, const YamlLimits& limits = {});

// Reads a file, or standard input for "-", reading at most max_bytes + 1 bytes. Standard input
// larger than max_bytes is refused (InputError naming stdin_name): it may never end.
// Throws InputError when the path cannot be read.
std::string read_source(const std::string& path, std::size_t max_bytes, std::string_view stdin_name = "<stdin>");

}  // namespace cpconf
