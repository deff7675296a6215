#include "cpconf/source/record_source.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cpconf/source/profile_reader.hpp"
#include "cpconf/text/suggest.hpp"
#include "cpconf/text/words.hpp"

namespace cpconf {

RecordSource::RecordSource(SourceSettings settings)
    : m_settings(std::move(settings)), m_configs(m_settings.warn), m_tree_cache(m_settings.warn) {
  if (m_settings.profile) load_profile(*m_settings.profile);
  if (m_settings.config_mode == SourceSettings::ConfigMode::file) m_fixed_config = load_config(m_settings.config_file);
}

namespace {

void count(std::vector<std::pair<std::string, int>>& counts, const std::string& name) {
  auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& entry) { return entry.first == name; });
  if (it == counts.end()) {
    counts.emplace_back(name, 1);
  } else {
    ++it->second;
  }
}

std::string counted(const std::vector<std::pair<std::string, int>>& counts) {
  std::vector<std::string> parts;
  for (const auto& [name, n] : counts) parts.push_back(fmt::format("{} ({} record{})", name, n, n == 1 ? "" : "s"));
  return join(parts);
}

}  // namespace

std::string describe(const SourceUse& use) {
  std::string text = use.configurations.empty()
                         ? std::string("configuration none")
                         : fmt::format("configuration{} {}", use.configurations.size() == 1 ? "" : "s",
                                       counted(use.configurations));
  if (!use.profiles.empty()) {
    text += fmt::format("; profile{} {}", use.profiles.size() == 1 ? "" : "s", counted(use.profiles));
  }
  return text;
}

SourceUse RecordSource::use() const {
  std::lock_guard lock(m_mutex);
  return m_use;
}

const Config* RecordSource::config_for(const std::string& path) {
  if (m_fixed_config) return &*m_fixed_config;
  if (m_settings.config_mode != SourceSettings::ConfigMode::search) return nullptr;
  std::lock_guard lock(m_mutex);
  return &m_configs.for_input(path);
}

const Profile& RecordSource::profile_for(const Record& record, const Config* config, OpenedRecord& opened) {
  std::string name = "england";
  if (m_settings.profile) {
    name = *m_settings.profile;
  } else if (config != nullptr && config->profile) {
    name = *config->profile;
  } else if (record.conference.profile) {
    name = *record.conference.profile;
    if (!builtin_profile_text(name)) {
      auto names = builtin_profile_names();
      opened.loaded.findings.push_back({"invalid-value", Severity::error, record.file,
                                        record.conference.profile.location, "conference.profile",
                                        fmt::format("'profile' must be one of {}, not '{}'{} (a profile file is given "
                                                    "with --profile or in .cpconf.yaml); checked against england",
                                                    join(names), name, did_you_mean(name, names)),
                                        {name}});
      opened.unknown_profile = true;
      name = "england";
    }
  }
  std::lock_guard lock(m_mutex);
  auto it = m_profiles.find(name);
  if (it == m_profiles.end()) it = m_profiles.emplace(name, std::make_unique<Profile>(load_profile(name))).first;
  const Profile& profile = *it->second;
  count(m_use.profiles, profile.name);
  if (config != nullptr && !config->file.empty()) count(m_use.configurations, config->file);
  auto calendar = m_calendars.find(profile.name);
  if (calendar == m_calendars.end()) {
    calendar = m_calendars.emplace(profile.name, std::make_unique<Calendar>(calendar_of(profile))).first;
  }
  opened.calendar = calendar->second.get();
  return profile;
}

OpenedRecord RecordSource::open(const std::string& path) {
  return open_text(read_source(path, m_settings.limits.max_bytes, m_settings.stdin_name), path);
}

OpenedRecord RecordSource::open_text(std::string text, const std::string& path) {
  OpenedRecord opened;
  opened.path = path;
  opened.display = path == "-" ? m_settings.stdin_name : path;
  opened.text = std::move(text);
  const Config* config = config_for(path);
  bool cache = m_settings.cache || (config != nullptr && config->cache);
  opened.loaded = cache ? read_record(m_tree_cache.parse(path, opened.text, m_settings.limits), opened.display)
                        : load_record(opened.text, opened.display, m_settings.limits);
  if (config != nullptr && !config->file.empty()) opened.config_rules = &config->rules;
  if (opened.loaded.record) opened.profile = &profile_for(*opened.loaded.record, config, opened);
  return opened;
}

}  // namespace cpconf
