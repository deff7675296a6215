#include "cpconf/load/yaml_tree.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <sstream>
#include <unordered_map>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace cpconf {

YamlNode::YamlNode() = default;
YamlNode::~YamlNode() = default;
YamlNode::YamlNode(const YamlNode&) = default;
YamlNode::YamlNode(YamlNode&&) noexcept = default;
YamlNode& YamlNode::operator=(const YamlNode&) = default;
YamlNode& YamlNode::operator=(YamlNode&&) noexcept = default;

const YamlNode* YamlNode::find(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k.value == key) return &v;
  }
  return nullptr;
}

std::string_view kind_name(YamlNode::Kind kind) {
  switch (kind) {
    case YamlNode::Kind::null: return "nothing";
    case YamlNode::Kind::scalar: return "a single value";
    case YamlNode::Kind::sequence: return "a list";
    case YamlNode::Kind::mapping: return "a mapping";
  }
  return "nothing";
}

namespace {

Location to_location(const YAML::Mark& mark) { return {mark.line + 1, mark.column + 1}; }

// Thrown from inside the event handler to stop yaml-cpp at once.
struct Stop {
  std::string rule;
  Location location;
  std::string message;
};

Location location_of_offset(std::string_view text, std::size_t offset) {
  Location loc{1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++loc.line;
      loc.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++loc.column;
    }
  }
  return loc;
}

// yaml-cpp passes invalid UTF-8 and NUL bytes through; records must be text.
std::optional<Finding> check_text(std::string_view text, const std::string& file) {
  for (std::size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0) {
      return Finding{"yaml-syntax",
                     Severity::error,
                     file,
                     location_of_offset(text, i),
                     "",
                     "the file holds a NUL byte: it is binary, not a YAML text file"};
    }
    std::size_t length = byte < 0x80           ? 1
                         : (byte >> 5) == 0x6  ? 2
                         : (byte >> 4) == 0xE  ? 3
                         : (byte >> 3) == 0x1E ? 4
                                               : 0;
    bool valid = length != 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    }
    if (valid && length == 2) valid = byte >= 0xC2;
    if (valid && length == 3) {
      auto next = static_cast<unsigned char>(text[i + 1]);
      valid = !(byte == 0xE0 && next < 0xA0) && !(byte == 0xED && next >= 0xA0);
    }
    if (valid && length == 4) {
      auto next = static_cast<unsigned char>(text[i + 1]);
      valid = byte <= 0xF4 && !(byte == 0xF0 && next < 0x90) && !(byte == 0xF4 && next >= 0x90);
    }
    if (!valid) {
      return Finding{"yaml-syntax",
                     Severity::error,
                     file,
                     location_of_offset(text, i),
                     "",
                     fmt::format("invalid UTF-8 byte 0x{:02X}: save the file as UTF-8", byte)};
    }
    i += length;
  }
  return std::nullopt;
}

// yaml-cpp lets a quoted scalar that is never closed swallow the rest of the file.
bool quote_is_closed(std::string_view text, std::size_t start) {
  char quote = text[start];
  for (std::size_t i = start + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else {
        return true;
      }
    }
  }
  return false;
}

// Whether a key is written as the record format writes its own (lower-case words joined by
// hyphens): such a key is shown as it is; any other may be a name, so it is the record's own text
// (Finding::quoted), which outputs that promise no names hide. The format's keys are not known
// here, before the record is read.
bool looks_like_format_key(std::string_view key) {
  if (key.empty() || key.front() < 'a' || key.front() > 'z') return false;
  return std::all_of(key.begin(), key.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

void find_duplicate_keys(const YamlNode& mapping, const std::string& file, Findings& findings) {
  std::unordered_map<std::string_view, const YamlNode*> first_of;
  for (const auto& [key, value] : mapping.entries) {
    auto [it, inserted] = first_of.emplace(key.value, &key);
    if (!inserted) {
      findings.push_back({"duplicate-key", Severity::error, file, key.location, "",
                          fmt::format("key '{}' appears again (first at line {}): one of the values "
                                      "would be lost; keep one",
                                      key.value, it->second->location.line),
                          looks_like_format_key(key.value) ? std::vector<std::string>{}
                                                           : std::vector<std::string>{key.value}});
    }
  }
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, const std::string& file, const YamlLimits& limits, YamlNode& root,
              Findings& findings)
      : m_text(text), m_file(file), m_limits(limits), m_root(root), m_findings(findings) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    refuse_anchor(mark, anchor);
    m_placing_null = true;
    YamlNode& node = place(mark);
    m_placing_null = false;
    node.kind = YamlNode::Kind::null;
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw Stop{"input-limits", to_location(mark),
               "aliases (*name) are not used in records: write the value out in full"};
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    refuse_anchor(mark, anchor);
    // yaml-cpp tags a quoted scalar "!"; an explicit !!str (expanded or not) says the same:
    // a string, never a number or a date.
    bool quoted = tag == "!" || tag == "!!str" || tag == "tag:yaml.org,2002:str";
    if (quoted && mark.pos >= 0 && static_cast<std::size_t>(mark.pos) < m_text.size()) {
      auto start = static_cast<std::size_t>(mark.pos);
      char first = m_text[start];
      if ((first == '"' || first == '\'') && !quote_is_closed(m_text, start)) {
        throw Stop{"yaml-syntax", to_location(mark),
                   fmt::format("this quoted string is never closed: add the closing {}", first)};
      }
    }
    YamlNode& node = place(mark);
    node.kind = YamlNode::Kind::scalar;
    node.quoted = quoted;
    node.value = value;
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor, YamlNode::Kind::sequence);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor, YamlNode::Kind::mapping);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    YamlNode* node;
    bool expecting_value;
  };

  void refuse_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != 0) {
      throw Stop{"input-limits", to_location(mark),
                 "anchors (&name) are not used in records: write each value out in full"};
    }
  }

  YamlNode& place(const YAML::Mark& mark) {
    if (++m_nodes > m_limits.max_nodes) {
      throw Stop{"input-limits", to_location(mark),
                 fmt::format("the file holds more than {} values: a record is far smaller", m_limits.max_nodes)};
    }
    YamlNode* node = &m_root;
    Location location = to_location(mark);
    if (!m_stack.empty()) {
      Frame& top = m_stack.back();
      if (top.node->kind == YamlNode::Kind::sequence) {
        node = &top.node->items.emplace_back();
      } else if (!top.expecting_value) {
        node = &top.node->entries.emplace_back().first;
        top.expecting_value = true;
      } else {
        node = &top.node->entries.back().second;
        top.expecting_value = false;
        // yaml-cpp places an empty value ("key:") on the next line; the key is where it belongs.
        if (m_placing_null) location = top.node->entries.back().first.location;
      }
    }
    node->location = location;
    return *node;
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor, YamlNode::Kind kind) {
    refuse_anchor(mark, anchor);
    if (!m_stack.empty() && m_stack.back().node->kind == YamlNode::Kind::mapping && !m_stack.back().expecting_value) {
      throw Stop{"yaml-syntax", to_location(mark), "a key must be a single name, not a list or mapping"};
    }
    if (m_stack.size() >= m_limits.max_depth) {
      throw Stop{
          "input-limits", to_location(mark),
          fmt::format("values are nested more than {} levels deep: a record needs far fewer", m_limits.max_depth)};
    }
    YamlNode& node = place(mark);
    node.kind = kind;
    m_stack.push_back({&node, false});
  }

  // Checked while the node is still on the stack: once closed, a later sibling may move it.
  void close() {
    if (m_stack.back().node->kind == YamlNode::Kind::mapping)
      find_duplicate_keys(*m_stack.back().node, m_file, m_findings);
    m_stack.pop_back();
  }

  std::string_view m_text;
  const std::string& m_file;
  const YamlLimits& m_limits;
  YamlNode& m_root;
  Findings& m_findings;
  std::vector<Frame> m_stack;
  std::size_t m_nodes = 0;
  bool m_placing_null = false;
};

// yaml-cpp's message in words a record's author can act on, where it is terse.
std::string explain_parser_error(const std::string& message) {
  constexpr std::string_view k_invalid_unicode = "invalid unicode: ";
  if (message.starts_with(k_invalid_unicode)) {
    unsigned long code = std::strtoul(message.c_str() + k_invalid_unicode.size(), nullptr, 10);
    return fmt::format(
        "an escape in a double-quoted string (\\u{:04X}) names no character: U+{:04X} is half of a UTF-16 "
        "surrogate pair or past U+10FFFF; write the character itself, or its \\U escape",
        code, code);
  }
  return message;
}

// True when some line holds more than blanks and comments.
bool has_content(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = std::min(text.find('\n', pos), text.size());
    auto first = text.find_first_not_of(" \t", pos);
    if (first < end && text[first] != '#') return true;
    pos = end + 1;
  }
  return false;
}

}  // namespace

ParsedYaml parse_yaml(std::string_view text, const std::string& file, const YamlLimits& limits) {
  ParsedYaml result;
  if (text.size() > limits.max_bytes) {
    result.findings.push_back(
        {"input-limits",
         Severity::error,
         file,
         {1, 1},
         "",
         fmt::format("the file is larger than {} bytes: a record is far smaller", limits.max_bytes)});
    return result;
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (auto bad = check_text(text, file)) {
    result.findings.push_back(*bad);
    return result;
  }
  std::string normalized;
  if (text.find('\r') != std::string_view::npos && text.find('\n') == std::string_view::npos &&
      text.find_first_not_of("\r \t") != std::string_view::npos) {
    result.findings.push_back({"yaml-syntax",
                               Severity::error,
                               file,
                               {1, 1},
                               "",
                               "the file's lines end with a carriage return alone (classic Mac OS line endings): "
                               "cpconf reads LF or CRLF line endings; convert the file, e.g. with mac2unix"});
    return result;
  }
  if (text.find('\r') != std::string_view::npos) {
    normalized.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
      normalized.push_back(text[i]);
    }
    text = normalized;
  }
  if (!has_content(text)) {
    result.findings.push_back({"yaml-syntax",
                               Severity::error,
                               file,
                               {1, 1},
                               "",
                               "the file is empty: a record is a mapping that starts with 'cpconf: 1'"});
    return result;
  }

  std::istringstream stream{std::string(text)};
  TreeBuilder builder(text, file, limits, result.root, result.findings);
  try {
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(builder)) {
      result.findings.push_back({"yaml-syntax", Severity::error, file, {1, 1}, "", "the file holds no YAML document"});
      return result;
    }
    YamlNode extra;
    Findings ignored;
    TreeBuilder rest(text, file, limits, extra, ignored);
    if (parser.HandleNextDocument(rest)) {
      result.findings.push_back({"yaml-syntax", Severity::error, file, extra.location, "",
                                 "a second YAML document starts here ('---'): a record file holds "
                                 "exactly one document; move the second one to a file of its own"});
    }
  } catch (const Stop& stop) {
    result.findings.push_back({stop.rule, Severity::error, file, stop.location, "", stop.message});
    return result;
  } catch (const YAML::ParserException& error) {
    result.findings.push_back(
        {"yaml-syntax", Severity::error, file, to_location(error.mark), "", explain_parser_error(error.msg)});
    return result;
  } catch (const std::bad_alloc&) {
    result.findings.push_back(
        {"input-limits", Severity::error, file, {1, 1}, "", "ran out of memory while reading the file"});
    return result;
  } catch (const YAML::Exception& error) {
    result.findings.push_back({"yaml-syntax", Severity::error, file, to_location(error.mark), "", error.msg});
    return result;
  }
  result.usable = true;
  return result;
}

}  // namespace cpconf
