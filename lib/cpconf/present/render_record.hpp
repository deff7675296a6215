#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cpconf/check/validate.hpp"
#include "cpconf/config.hpp"
#include "cpconf/present/render.hpp"
#include "cpconf/present/render_build.hpp"

namespace cpconf {

struct RenderSettings {
  const RenderFormat* format = nullptr;
  BuildOptions build;
  WriteOptions write;
};

struct RenderedRecord {
  std::string content;
  // A file name for the output, without extension: the input's, redacted as the record is
  // and kept to letters, digits, '-' and '_' when redacting.
  std::string file_stem;
};

// One record's written record in the format asked for, with the findings of its report.
RenderedRecord render_record(const Record& record, const Profile& profile, const FileReport& report,
                             const RenderSettings& settings);

// The profile a record is rendered with: the one its findings were judged against (the
// override, else the configuration's, else the record's own, else england). Safe to use from
// several threads.
class RenderProfiles {
 public:
  // override_profile: --profile, or empty; config_file: --config, or empty.
  RenderProfiles(std::string override_profile, const std::string& config_file, bool no_config);
  const Profile& for_record(const Record& record, const std::string& path);

 private:
  std::string m_override;
  bool m_no_config;
  std::mutex m_mutex;
  std::optional<Config> m_fixed;
  ConfigFinder m_configs;
  ProfileSet m_profiles;
};

// The names redaction hides in each case's records, pooled over every file given (standard
// input excepted): a review may name in free text a relative who came only to the initial
// conference. Files that cannot be read add nothing; their rendering reports them.
using NamesByCase = std::map<std::string, std::vector<std::string>>;
NamesByCase names_by_case(const std::vector<std::string>& files, Redaction level, const YamlLimits& limits,
                          unsigned jobs);

}  // namespace cpconf
