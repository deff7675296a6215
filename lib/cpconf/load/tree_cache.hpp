#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "cpconf/load/yaml_tree.hpp"

namespace cpconf {

// A cache of parsed YAML trees, so that a record that has not changed is never parsed again
// (records rarely change once signed off; parsing is most of a cold run's time). Entries live
// in a .cpconf-cache/ folder beside each record, one file per record, mode 0600 because they
// hold what the records hold. An entry is used only when its cpconf version, the record's
// absolute path and a hash of the record's bytes all match, and its own checksum is intact:
// a stale or corrupt entry is parsed again, never trusted. Writes are atomic, so concurrent
// runs are safe. Rules are not cached: they depend on the profile and --as-of.
class TreeCache {
 public:
  // Relative paths are keyed as absolute ones against the working directory at construction,
  // looked up once rather than for every record.
  TreeCache();

  // The parse of text, from the cache when it holds one, else parsed now and stored.
  ParsedYaml parse(const std::string& path, std::string_view text, const YamlLimits& limits) const;

 private:
  std::filesystem::path m_working_directory;  // empty when it cannot be found: nothing is cached
};

// The entry format, exposed for tests: encode a parse, decode it back (nothing when corrupt).
std::string encode_tree_entry(const std::string& key, std::string_view text, const ParsedYaml& parsed);
std::optional<ParsedYaml> decode_tree_entry(std::string_view entry, const std::string& key, std::string_view text,
                                            const std::string& file);

}  // namespace cpconf
