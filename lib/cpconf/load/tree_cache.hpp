#pragma once

#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "cpconf/load/yaml_tree.hpp"

namespace cpconf {

// A cache of parsed YAML trees, so that a record that has not changed is never parsed again
// (records rarely change once signed off; parsing is most of a cold run's time). Entries live
// in a .cpconf-cache/ folder beside each record, one file per record, mode 0600 because they
// hold what the records hold; the folder is made 0700 with a .gitignore of '*'. An entry is
// used only when its cpconf version, the record's absolute path and the SHA-256 of the
// record's bytes all match, its own checksum is intact, and it is a regular file of the user's
// with no group or other permission: a stale, corrupt or forged entry is parsed again, never
// trusted. A cache folder that is a symbolic link, is not the user's, or grants group or other
// any permission is not used at all (a warning says so once): the record is parsed uncached.
// Writes are atomic, so concurrent runs are safe. Rules are not cached: they depend on the
// profile and --as-of.
class TreeCache {
 public:
  using Warn = std::function<void(const std::string&)>;
  // Relative paths are keyed as absolute ones against the working directory at construction,
  // looked up once rather than for every record. warn (when given) hears of each cache folder
  // refused, once.
  explicit TreeCache(Warn warn = {});

  // The parse of text, from the cache when it holds one, else parsed now and stored.
  ParsedYaml parse(const std::string& path, std::string_view text, const YamlLimits& limits) const;

 private:
  // Whether folder can be used, making it when it is missing; warns once of one refused.
  bool usable_folder(const std::filesystem::path& folder) const;

  std::filesystem::path m_working_directory;  // empty when it cannot be found: nothing is cached
  Warn m_warn;
  mutable std::mutex m_mutex;               // guards m_refused
  mutable std::set<std::string> m_refused;  // folders already warned of
};

// The entry format, exposed for tests: encode a parse, decode it back (nothing when corrupt).
std::string encode_tree_entry(const std::string& key, std::string_view text, const ParsedYaml& parsed);
std::optional<ParsedYaml> decode_tree_entry(std::string_view entry, const std::string& key, std::string_view text,
                                            const std::string& file);

}  // namespace cpconf
