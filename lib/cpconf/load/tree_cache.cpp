#include "cpconf/load/tree_cache.hpp"

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sys/stat.h>

#include <fmt/format.h>

#include "cpconf/atomic_file.hpp"
#include "cpconf/version.hpp"

namespace cpconf {

namespace fs = std::filesystem;

namespace {

// 3: numbers are varints, and the hash below reads words (1 had fixed four-byte numbers and
// a byte-at-a-time FNV-1a), so entries of an earlier version are never read.
constexpr std::string_view k_magic = "cpconf-tree-cache 3\n";

// A 64-bit hash that reads eight bytes at a step: a warm run hashes every record's text and
// every entry, so a byte-at-a-time hash was a fifth of its time. Not cryptographic: it tells
// an edited file from the one the entry was made from, with the size and the path beside it.
std::uint64_t hash64(std::string_view data) {
  constexpr std::uint64_t k_multiplier = 0x9E3779B97F4A7C15ull;
  std::uint64_t hash = 0xCBF29CE484222325ull ^ (data.size() * k_multiplier);
  auto mix = [&](std::uint64_t word) {
    hash = (hash ^ word) * k_multiplier;
    hash ^= hash >> 32;
  };
  std::size_t i = 0;
  for (; i + 8 <= data.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, data.data() + i, 8);
    mix(word);
  }
  std::uint64_t tail = 0;
  if (i < data.size()) std::memcpy(&tail, data.data() + i, data.size() - i);
  mix(tail);
  return hash;
}

// The whole file, or nothing when it cannot be read.
std::optional<std::string> read_entry(const fs::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  auto size = in.tellg();
  if (size < 0) return std::nullopt;
  std::string entry(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(entry.data(), size)) return std::nullopt;
  return entry;
}

class Writer {
 public:
  // Seven bits a byte, the high bit set on all but the last (LEB128): lines, columns and sizes
  // mostly fit one byte, which keeps an entry near its record's size and a warm run's reads short.
  void u32(std::uint32_t value) {
    while (value >= 0x80) {
      m_out.push_back(static_cast<char>((value & 0x7F) | 0x80));
      value >>= 7;
    }
    m_out.push_back(static_cast<char>(value));
  }
  void text(std::string_view value) {
    u32(static_cast<std::uint32_t>(value.size()));
    m_out.append(value);
  }
  void node(const YamlNode& n) {
    u32(static_cast<std::uint32_t>(n.kind) | (n.quoted ? 0x100u : 0u));
    u32(static_cast<std::uint32_t>(n.location.line));
    u32(static_cast<std::uint32_t>(n.location.column));
    text(n.value);
    u32(static_cast<std::uint32_t>(n.items.size()));
    for (const auto& item : n.items) node(item);
    u32(static_cast<std::uint32_t>(n.entries.size()));
    for (const auto& [key, value] : n.entries) {
      node(key);
      node(value);
    }
  }
  std::string take() { return std::move(m_out); }

 private:
  std::string m_out;
};

// Reads what Writer wrote; any overrun or nonsense marks the whole entry bad.
class Reader {
 public:
  explicit Reader(std::string_view data) : m_data(data) {}
  bool ok() const { return m_ok; }
  bool at_end() const { return m_pos == m_data.size(); }

  std::uint32_t u32() {
    std::uint32_t value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (!m_ok || m_pos == m_data.size()) return fail<std::uint32_t>();
      auto byte = static_cast<unsigned char>(m_data[m_pos++]);
      value |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    return fail<std::uint32_t>();  // more than five bytes: not a number Writer wrote
  }
  std::string text() {
    std::uint32_t size = u32();
    if (!m_ok || size > m_data.size() - m_pos) return fail<std::string>();
    std::string out(m_data.substr(m_pos, size));
    m_pos += size;
    return out;
  }
  void node(YamlNode& n, int depth) {
    if (depth > 200) return fail_void();
    std::uint32_t kind = u32();
    if ((kind & 0xFF) > static_cast<std::uint32_t>(YamlNode::Kind::mapping)) return fail_void();
    n.kind = static_cast<YamlNode::Kind>(kind & 0xFF);
    n.quoted = (kind & 0x100u) != 0;
    n.location.line = static_cast<int>(u32());
    n.location.column = static_cast<int>(u32());
    n.value = text();
    std::uint32_t items = u32();
    if (!m_ok || items > m_data.size() - m_pos) return fail_void();
    n.items.resize(items);
    for (auto& item : n.items) node(item, depth + 1);
    std::uint32_t entries = u32();
    if (!m_ok || entries > m_data.size() - m_pos) return fail_void();
    n.entries.resize(entries);
    for (auto& [key, value] : n.entries) {
      node(key, depth + 1);
      node(value, depth + 1);
    }
  }

 private:
  template <class T>
  T fail() {
    m_ok = false;
    return T{};
  }
  void fail_void() { m_ok = false; }

  std::string_view m_data;
  std::size_t m_pos = 0;
  bool m_ok = true;
};

std::string header(const std::string& key, std::string_view text) {
  return fmt::format("{}{}\n{}\n{:016x} {}\n", k_magic, k_version, key, hash64(text), text.size());
}

}  // namespace

std::string encode_tree_entry(const std::string& key, std::string_view text, const ParsedYaml& parsed) {
  Writer body;
  body.u32(parsed.usable ? 1 : 0);
  body.u32(static_cast<std::uint32_t>(parsed.findings.size()));
  for (const auto& f : parsed.findings) {
    body.text(f.rule);
    body.u32(static_cast<std::uint32_t>(f.severity));
    body.u32(static_cast<std::uint32_t>(f.location.line));
    body.u32(static_cast<std::uint32_t>(f.location.column));
    body.text(f.path);
    body.text(f.message);
  }
  body.node(parsed.root);
  std::string payload = body.take();
  return header(key, text) + fmt::format("{:016x}\n", hash64(payload)) + payload;
}

std::optional<ParsedYaml> decode_tree_entry(std::string_view entry, const std::string& key, std::string_view text,
                                            const std::string& file) {
  std::string expected = header(key, text);
  if (entry.substr(0, expected.size()) != expected) return std::nullopt;
  entry.remove_prefix(expected.size());
  if (entry.size() < 17 || entry[16] != '\n') return std::nullopt;
  std::string checksum(entry.substr(0, 16));
  std::string_view payload = entry.substr(17);
  if (checksum != fmt::format("{:016x}", hash64(payload))) return std::nullopt;
  Reader in(payload);
  ParsedYaml parsed;
  parsed.usable = in.u32() == 1;
  std::uint32_t count = in.u32();
  if (!in.ok() || count > payload.size()) return std::nullopt;
  for (std::uint32_t i = 0; i < count && in.ok(); ++i) {
    Finding f;
    f.rule = in.text();
    auto severity = in.u32();
    if (severity > static_cast<std::uint32_t>(Severity::error)) return std::nullopt;
    f.severity = static_cast<Severity>(severity);
    f.location.line = static_cast<int>(in.u32());
    f.location.column = static_cast<int>(in.u32());
    f.path = in.text();
    f.message = in.text();
    f.file = file;  // the name to report may differ from run to run
    parsed.findings.push_back(std::move(f));
  }
  in.node(parsed.root, 0);
  if (!in.ok() || !in.at_end()) return std::nullopt;
  return parsed;
}

ParsedYaml TreeCache::parse(const std::string& path, std::string_view text, const YamlLimits& limits) const {
  if (path == "-") return parse_yaml(text, path, limits);
  std::error_code error;
  fs::path absolute = fs::absolute(path, error);
  if (error) return parse_yaml(text, path, limits);
  std::string key = absolute.lexically_normal().string();
  fs::path folder = absolute.parent_path() / ".cpconf-cache";
  fs::path entry_path = folder / fmt::format("{:016x}.tree", hash64(key));
  if (auto entry = read_entry(entry_path)) {
    if (auto parsed = decode_tree_entry(*entry, key, text, path)) return std::move(*parsed);
  }
  ParsedYaml parsed = parse_yaml(text, path, limits);
  // A cache that cannot be written (read-only folder, full disk) only costs speed.
  if (fs::create_directories(folder, error); !error || fs::is_directory(folder)) {
    ::chmod(folder.c_str(), 0700);
    try {
      write_file_atomically(entry_path.string(), encode_tree_entry(key, text, parsed), 0600, Durability::cache);
    } catch (const InputError&) {
    }
  }
  return parsed;
}

}  // namespace cpconf
