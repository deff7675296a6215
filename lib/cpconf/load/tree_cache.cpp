#include "cpconf/load/tree_cache.hpp"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <optional>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpconf/atomic_file.hpp"
#include "cpconf/bytes.hpp"
#include "cpconf/digest.hpp"
#include "cpconf/version.hpp"

namespace cpconf {

namespace fs = std::filesystem;

namespace {

// 5: a finding keeps the record text it quotes (Finding::quoted); 4: the record's bytes are known by their SHA-256 (3 used the fast hash below, which a forger
// could collide); 3: numbers are varints, and the hash below reads words (1 had fixed four-byte
// numbers and a byte-at-a-time FNV-1a), so entries of an earlier version are never read.
constexpr std::string_view k_magic = "cpconf-tree-cache 5\n";

// A 64-bit hash that reads eight bytes at a step, for an entry's own checksum and its file
// name: a warm run hashes every entry, so a byte-at-a-time hash was a fifth of its time. Not
// cryptographic: the record's bytes are matched by SHA-256 (header below).
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

// The whole entry, or nothing when it cannot be read or is not one this user wrote: a regular
// file (not followed through a symbolic link) owned by the user with no group or other
// permission. Entries are about the size of their records; one far larger is not one cpconf wrote.
std::optional<std::string> read_entry(const fs::path& path) {
  constexpr std::size_t k_max_entry_bytes = 64 * 1024 * 1024;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_uid != ::geteuid() || (info.st_mode & 077) != 0 ||
      static_cast<std::size_t>(info.st_size) > k_max_entry_bytes) {
    return std::nullopt;
  }
  std::string entry(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t got = 0;
  while (got < entry.size()) {
    ssize_t n = ::read(fd, entry.data() + got, entry.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return std::nullopt;
    got += static_cast<std::size_t>(n);
  }
  return entry;
}

void write_node(ByteWriter& out, const YamlNode& n) {
  out.u32(static_cast<std::uint32_t>(n.kind) | (n.quoted ? 0x100u : 0u));
  out.u32(static_cast<std::uint32_t>(n.location.line));
  out.u32(static_cast<std::uint32_t>(n.location.column));
  out.text(n.value);
  out.u32(static_cast<std::uint32_t>(n.items.size()));
  for (const auto& item : n.items) write_node(out, item);
  out.u32(static_cast<std::uint32_t>(n.entries.size()));
  for (const auto& [key, value] : n.entries) {
    write_node(out, key);
    write_node(out, value);
  }
}

// Reads what write_node wrote; any overrun or nonsense marks the whole entry bad.
void read_node(ByteReader& in, YamlNode& n, int depth) {
  if (depth > 200) return in.fail();
  std::uint32_t kind = in.u32();
  if ((kind & 0xFF) > static_cast<std::uint32_t>(YamlNode::Kind::mapping)) return in.fail();
  n.kind = static_cast<YamlNode::Kind>(kind & 0xFF);
  n.quoted = (kind & 0x100u) != 0;
  n.location.line = static_cast<int>(in.u32());
  n.location.column = static_cast<int>(in.u32());
  n.value = in.text();
  std::uint32_t items = in.u32();
  if (!in.ok() || items > in.remaining()) return in.fail();
  n.items.resize(items);
  for (auto& item : n.items) read_node(in, item, depth + 1);
  std::uint32_t entries = in.u32();
  if (!in.ok() || entries > in.remaining()) return in.fail();
  n.entries.resize(entries);
  for (auto& [key, value] : n.entries) {
    read_node(in, key, depth + 1);
    read_node(in, value, depth + 1);
  }
}

std::string header(const std::string& key, std::string_view text) {
  return fmt::format("{}{}\n{}\n{} {}\n", k_magic, k_version, key, sha256_hex(text), text.size());
}

}  // namespace

std::string encode_tree_entry(const std::string& key, std::string_view text, const ParsedYaml& parsed) {
  ByteWriter body;
  body.u32(parsed.usable ? 1 : 0);
  body.u32(static_cast<std::uint32_t>(parsed.findings.size()));
  for (const auto& f : parsed.findings) write_finding(body, f);
  write_node(body, parsed.root);
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
  ByteReader in(payload);
  ParsedYaml parsed;
  parsed.usable = in.u32() == 1;
  std::uint32_t count = in.u32();
  if (!in.ok() || count > payload.size()) return std::nullopt;
  for (std::uint32_t i = 0; i < count && in.ok(); ++i) {
    Finding f = read_finding(in);
    f.file = file;  // the name to report may differ from run to run
    parsed.findings.push_back(std::move(f));
  }
  read_node(in, parsed.root, 0);
  if (!in.ok() || !in.at_end()) return std::nullopt;
  return parsed;
}

TreeCache::TreeCache(Warn warn) : m_warn(std::move(warn)) {
  std::error_code error;
  m_working_directory = fs::current_path(error);
  if (error) m_working_directory.clear();
}

bool TreeCache::usable_folder(const fs::path& folder) const {
  struct stat info {};
  if (::lstat(folder.c_str(), &info) != 0) {
    if (errno != ENOENT) return false;
    // Made here, private from the start, with a .gitignore so that it is never committed.
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) return false;
    if (::lstat(folder.c_str(), &info) != 0) return false;
    if (S_ISDIR(info.st_mode) && info.st_uid == ::geteuid() && (info.st_mode & 077) == 0) {
      try {
        write_file_atomically((folder / ".gitignore").string(), "*\n", 0600, Durability::cache);
      } catch (const InputError&) {
      }
    }
  }
  std::string why;
  if (S_ISLNK(info.st_mode)) {
    why = "is a symbolic link";
  } else if (!S_ISDIR(info.st_mode)) {
    why = "is not a folder";
  } else if (info.st_uid != ::geteuid()) {
    why = "belongs to another user";
  } else if ((info.st_mode & 077) != 0) {
    why = fmt::format("is open to group or others (mode {:04o}; cpconf makes it 0700)", info.st_mode & 07777);
  }
  if (why.empty()) return true;
  std::lock_guard lock(m_mutex);
  if (m_warn && m_refused.insert(folder.string()).second) {
    m_warn(fmt::format("the cache folder '{}' {}: it is not used, and its records are parsed afresh", folder.string(),
                       why));
  }
  return false;
}

ParsedYaml TreeCache::parse(const std::string& path, std::string_view text, const YamlLimits& limits) const {
  if (path == "-" || m_working_directory.empty()) return parse_yaml(text, path, limits);
  std::string key = (m_working_directory / path).lexically_normal().string();
  // Opened by the path as given: a relative one is fewer folders for the kernel to walk.
  fs::path folder = fs::path(path).parent_path() / ".cpconf-cache";
  if (!usable_folder(folder)) return parse_yaml(text, path, limits);
  fs::path entry_path = folder / fmt::format("{:016x}.tree", hash64(key));
  if (auto entry = read_entry(entry_path)) {
    if (auto parsed = decode_tree_entry(*entry, key, text, path)) return std::move(*parsed);
  }
  ParsedYaml parsed = parse_yaml(text, path, limits);
  // A cache that cannot be written (read-only folder, full disk) only costs speed.
  try {
    write_file_atomically(entry_path.string(), encode_tree_entry(key, text, parsed), 0600, Durability::cache);
  } catch (const InputError&) {
  }
  return parsed;
}

}  // namespace cpconf
