#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>

#include "cpconf/check/validate.hpp"
#include "cpconf/derive/vote_summary.hpp"

namespace cpconf {

// A record loaded for `cpconf vote` with the profile and options it is judged under.
struct LoadedVotes {
  std::unique_ptr<Record> record;  // held by pointer: reviews point into it
  const Profile* profile = nullptr;
  const Calendar* calendar = nullptr;
  ValidateOptions options;

  RecordReview review() const { return review_votes(*record, *profile, *calendar, options); }
};

// Loads records and finds their profile and configuration as `cpconf validate` does. A record
// with a loader error, or naming no known profile, is a LoadFailure: its votes cannot be
// trusted. Safe to call from several threads at once.
class VoteLoader {
 public:
  using ConfigMode = Validator::Settings::ConfigMode;
  struct Settings {
    std::optional<std::string> profile;  // --profile
    ConfigMode config_mode = ConfigMode::search;
    std::string config_file;
    YamlLimits limits;
  };

  // Throws ProfileError (an InputError) when --profile or --config is unusable.
  explicit VoteLoader(Settings settings);

  std::variant<LoadedVotes, LoadFailure> load(const std::string& path, const std::string& display_name);

 private:
  Settings m_settings;
  std::mutex m_mutex;  // guards the caches below
  ConfigFinder m_configs;
  std::optional<Config> m_fixed_config;
  ProfileSet m_profiles;
};

}  // namespace cpconf
