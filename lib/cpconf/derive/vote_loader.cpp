#include "cpconf/derive/vote_loader.hpp"

#include <fmt/format.h>

namespace cpconf {

VoteLoader::VoteLoader(Settings settings) : m_settings(std::move(settings)) {
  if (m_settings.profile) load_profile(*m_settings.profile);
  if (m_settings.config_mode == ConfigMode::file) m_fixed_config = load_config(m_settings.config_file);
}

std::variant<LoadedVotes, LoadFailure> VoteLoader::load(const std::string& path, const std::string& display_name) {
  std::string text;
  try {
    text = read_source(path, m_settings.limits.max_bytes);
  } catch (const InputError& error) {
    return LoadFailure{display_name, error.what(), {}, {}};
  }
  LoadedRecord loaded = load_record(text, display_name, m_settings.limits);
  std::erase_if(loaded.findings, [](const Finding& f) { return f.severity != Severity::error; });
  LoadedVotes result;
  try {
    std::lock_guard lock(m_mutex);
    const Config* config = m_fixed_config ? &*m_fixed_config : nullptr;
    if (m_settings.config_mode == ConfigMode::search) config = &m_configs.for_input(path);
    result.options.limits = m_settings.limits;
    result.options.profile = m_settings.profile;
    if (config != nullptr) {
      if (!result.options.profile) result.options.profile = config->profile;
      result.options.rule_settings = config->rules;
    }
    if (loaded.record && loaded.findings.empty()) {
      result.profile = &m_profiles.for_record(*loaded.record, result.options, loaded.findings);
      result.calendar = &m_profiles.calendar_for(*result.profile);
    }
  } catch (const ProfileError& error) {
    return LoadFailure{display_name, error.what(), error.findings(), {}};
  }
  if (loaded.record && !loaded.findings.empty() && result.profile != nullptr) {
    // for_record fell back to england: the votes would be read under the wrong decision mode.
    return LoadFailure{
        display_name,
        fmt::format("'{}' names a profile cpconf does not know, so its decision mode is unknown", display_name),
        std::move(loaded.findings), std::move(text)};
  }
  if (!loaded.record || !loaded.findings.empty()) {
    sort_findings(loaded.findings);
    return LoadFailure{display_name, fmt::format("'{}' does not load as a conference record", display_name),
                       std::move(loaded.findings), std::move(text)};
  }
  result.record = std::make_unique<Record>(std::move(*loaded.record));
  return result;
}

}  // namespace cpconf
