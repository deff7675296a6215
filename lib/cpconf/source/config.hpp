#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "cpconf/load/profile.hpp"

namespace cpconf {

// A project's .cpconf.yaml: which profile its records are checked against and how rules
// are set. Paths in it are relative to the file's own folder.
struct Config {
  std::string file;                    // where it was read from; empty for "no configuration"
  std::optional<std::string> profile;  // built-in name or path, as resolvable from the working folder
  RuleSettings rules;
  bool cache = false;  // keep parsed records in .cpconf-cache/ (see TreeCache)
};

inline constexpr std::string_view k_config_name = ".cpconf.yaml";

// Reads a configuration file. Throws ProfileError (an InputError) listing every finding
// when it is not valid: a mistyped rule setting must not be silently ignored.
Config load_config(const std::string& path);

// Why a configuration found upward must not be trusted, as git's safe.directory reasons: it
// is not owned by the user or root, group or others may write it, or its folder is writable
// by others without the sticky bit. Empty when it may be trusted (or cannot be looked at).
std::string distrust_of_config(const std::string& path);

// Finds the .cpconf.yaml that governs an input by searching upward from its folder, reading
// each file once. Inputs with none get an empty Config. The first one found is used unless
// distrust_of_config() gives a reason: then warn hears of it (once) and the input is judged as
// if no configuration were found.
class ConfigFinder {
 public:
  explicit ConfigFinder(std::function<void(const std::string&)> warn = {}) : m_warn(std::move(warn)) {}
  const Config& for_input(const std::string& input_path);

 private:
  std::function<void(const std::string&)> m_warn;
  std::map<std::string, std::shared_ptr<const Config>> m_by_folder;
};

}  // namespace cpconf
