#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "cpconf/derive/calendar.hpp"
#include "cpconf/load/opened_record.hpp"
#include "cpconf/load/tree_cache.hpp"
#include "cpconf/source/config.hpp"

namespace cpconf {

// How every command opens its inputs: --profile, --config or --no-config, --cache, the input
// limits and the name standard input goes by.
struct SourceSettings {
  std::optional<std::string> profile;  // wins over the configuration's and the record's own
  enum class ConfigMode { search, none, file } config_mode = ConfigMode::search;
  std::string config_file;  // with ConfigMode::file
  bool cache = false;       // keep parsed trees in .cpconf-cache/; a configuration's `cache: true` also does
  YamlLimits limits;
  std::string stdin_name = "<stdin>";
  // Hears each warning about what is not used: a configuration or cache folder others could
  // have written (each once). Unset: no warnings.
  std::function<void(const std::string&)> warn;
};

// Turns paths into records with the settings they are judged under: the .cpconf.yaml that
// governs each (found upward from its folder, from the working folder for standard input),
// the profile (--profile, else the configuration's, else the record's own, else england) and
// its calendar, and the tree cache. Each configuration and profile is read once. open() may
// run on several threads at once.
// What a run's records were judged under: each configuration file used and each profile, with
// how many records each governed, in the order first met.
struct SourceUse {
  std::vector<std::pair<std::string, int>> configurations;
  std::vector<std::pair<std::string, int>> profiles;
};
// "configuration ./.cpconf.yaml (6 records); profiles north-wales (1 record), england (5 records)",
// "configuration none" when no file was read.
std::string describe(const SourceUse& use);

class RecordSource {
 public:
  // Throws ProfileError (an InputError) when --profile or --config cannot be used.
  explicit RecordSource(SourceSettings settings);

  // Reads and loads one input. Throws InputError when it cannot be read, and ProfileError when
  // the configuration or profile that governs it cannot be used.
  OpenedRecord open(const std::string& path);
  // The same for text already read from path.
  OpenedRecord open_text(std::string text, const std::string& path);

  const SourceSettings& settings() const { return m_settings; }
  SourceUse use() const;

 private:
  const Config* config_for(const std::string& path);
  const Profile& profile_for(const Record& record, const Config* config, OpenedRecord& opened);

  SourceSettings m_settings;
  mutable std::mutex m_mutex;  // guards the configurations and profiles read so far, and m_use
  ConfigFinder m_configs;
  std::optional<Config> m_fixed_config;
  std::map<std::string, std::unique_ptr<Profile>, std::less<>> m_profiles;
  std::map<std::string, std::unique_ptr<Calendar>, std::less<>> m_calendars;
  TreeCache m_tree_cache;
  SourceUse m_use;
};

}  // namespace cpconf
