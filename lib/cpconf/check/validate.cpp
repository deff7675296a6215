#include "cpconf/check/validate.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "cpconf/suggest.hpp"

namespace cpconf {

namespace fs = std::filesystem;

const Profile& ProfileSet::for_record(const Record& record, const ValidateOptions& options, Findings& findings) {
  std::string name = "england";
  if (options.profile) {
    name = *options.profile;
  } else if (record.conference.profile) {
    name = *record.conference.profile;
    if (!builtin_profile_text(name)) {
      auto names = builtin_profile_names();
      findings.push_back({"invalid-value", Severity::error, record.file, record.conference.profile.location,
                          "conference.profile",
                          fmt::format("'profile' must be one of {}, not '{}'{} (a profile file is given "
                                      "with --profile or in .cpconf.yaml); checked against england",
                                      join(names), name, did_you_mean(name, names))});
      name = "england";
    }
  }
  auto it = m_profiles.find(name);
  if (it == m_profiles.end()) {
    it = m_profiles.emplace(name, std::make_unique<Profile>(load_profile(name))).first;
  }
  return *it->second;
}

const Calendar& ProfileSet::calendar_for(const Profile& profile) {
  auto it = m_calendars.find(profile.name);
  if (it == m_calendars.end()) {
    it = m_calendars.emplace(profile.name, std::make_unique<Calendar>(profile.closure_days)).first;
  }
  return *it->second;
}

std::optional<Severity> effective_severity(const Rule& rule, const Profile& profile, const ValidateOptions& options) {
  std::optional<Severity> severity = rule.severity;
  for (const auto* settings : {&profile.rules, &options.rule_settings}) {
    auto it = settings->find(rule.name);
    if (it == settings->end()) continue;
    if (!it->second.enabled) {
      severity.reset();
    } else {
      severity = it->second.severity.value_or(rule.severity);
    }
  }
  return severity;
}

Findings check_record(const Record& record, const Profile& profile, const Calendar& calendar,
                      const ValidateOptions& options) {
  CheckContext context{record, profile, calendar, options.as_of};
  Findings findings;
  for (const Rule& rule : all_rules()) {
    if (rule.check == nullptr) continue;
    auto severity = effective_severity(rule, profile, options);
    if (!severity) continue;
    for (Hit& hit : rule.check(context)) {
      findings.push_back({std::string(rule.name), *severity, record.file, hit.location, std::move(hit.path),
                          std::move(hit.message)});
    }
  }
  return findings;
}

std::vector<std::string> expand_rule_names(const std::vector<std::string>& names) {
  std::vector<std::string> rules;
  std::vector<std::string> known;
  for (const auto& rule : all_rules()) {
    known.emplace_back(rule.name);
    if (std::find(known.begin(), known.end(), family_key(rule.family)) == known.end()) {
      known.emplace_back(family_key(rule.family));
    }
  }
  for (const auto& name : names) {
    bool matched = false;
    for (const auto& rule : all_rules()) {
      if (rule.name == name || family_from_key(name) == rule.family) {
        rules.emplace_back(rule.name);
        matched = true;
      }
    }
    if (!matched) {
      throw InputError(name, fmt::format("no rule or family is named '{}'{}; 'cpconf rules' lists them", name,
                                         did_you_mean(name, known)));
    }
  }
  return rules;
}

Validator::Validator(Settings settings) : m_settings(std::move(settings)) {
  if (m_settings.config_mode == Settings::ConfigMode::file) m_fixed_config = load_config(m_settings.config_file);
  auto selected = expand_rule_names(m_settings.select);
  auto ignored = expand_rule_names(m_settings.ignore);
  for (const auto& rule : all_rules()) {
    std::string name(rule.name);
    bool off = (!selected.empty() && std::find(selected.begin(), selected.end(), name) == selected.end()) ||
               std::find(ignored.begin(), ignored.end(), name) != ignored.end();
    if (off) m_switched_off.insert(name);
  }
}

std::pair<ValidateOptions, const RuleSettings*> Validator::options_for(const std::string& config_path) {
  const Config* config = nullptr;
  if (m_fixed_config) {
    config = &*m_fixed_config;
  } else if (m_settings.config_mode == Settings::ConfigMode::search) {
    std::lock_guard lock(m_mutex);
    config = &m_configs.for_input(config_path);
  }
  ValidateOptions options;
  options.as_of = m_settings.as_of;
  options.limits = m_settings.limits;
  options.profile = m_settings.profile;
  options.cache = m_settings.cache;
  if (config != nullptr) {
    options.cache = options.cache || config->cache;
    if (!options.profile) options.profile = config->profile;
    options.rule_settings = config->rules;
  }
  for (const auto& name : m_switched_off) options.rule_settings[name] = RuleSetting{false, std::nullopt};
  return {options, config != nullptr ? &config->rules : nullptr};
}

FileReport Validator::check(std::string_view text, const std::string& display_name, const std::string& config_path) {
  auto [options, config_rules] = options_for(config_path);
  FileReport report;
  report.file = display_name;
  LoadedRecord loaded = options.cache ? read_record(TreeCache{}.parse(config_path, text, options.limits), display_name)
                               : load_record(text, display_name, options.limits);
  report.findings = std::move(loaded.findings);
  if (loaded.record) {
    std::unique_lock lock(m_mutex);
    const Profile& profile = m_profiles.for_record(*loaded.record, options, report.findings);
    const Calendar& calendar = m_profiles.calendar_for(profile);
    lock.unlock();
    report.profile = profile.name;
    Findings checked = check_record(*loaded.record, profile, calendar, options);
    report.findings.insert(report.findings.end(), std::make_move_iterator(checked.begin()),
                           std::make_move_iterator(checked.end()));
    auto rule_runs = [&](std::string_view name) {
      const Rule* rule = find_rule(name);
      return rule != nullptr && effective_severity(*rule, profile, options).has_value();
    };
    WaiverResult waivers = apply_waivers(*loaded.record, options.as_of, report.findings, rule_runs);
    report.findings.insert(report.findings.end(), std::make_move_iterator(waivers.problems.begin()),
                           std::make_move_iterator(waivers.problems.end()));
    report.waived = std::move(waivers.waived);
    // Findings made while loading and by the waivers follow the same severity settings as the rules.
    std::erase_if(report.findings, [&](Finding& finding) {
      const Rule* rule = find_rule(finding.rule);
      if (rule == nullptr || rule->check != nullptr) return false;
      auto severity = effective_severity(*rule, profile, options);
      if (severity) finding.severity = *severity;
      return !severity;
    });
    report.case_entry = make_case_entry(*loaded.record, profile, calendar);
    report.case_entry->settings = config_rules;
  }
  sort_findings(report.findings);
  return report;
}

Findings Validator::finish() const {
  Findings findings = check_cases(m_cases, m_settings.case_options);
  std::erase_if(findings, [&](const Finding& f) { return m_switched_off.count(f.rule) > 0; });
  return findings;
}

namespace {

bool is_record_file(const fs::path& path) {
  auto extension = path.extension();
  return extension == ".yaml" || extension == ".yml";
}

// Folders that hold no records: version control, caches, dependencies.
bool is_skipped_directory(const fs::path& path) {
  auto name = path.filename().string();
  return name == ".git" || name == ".cpconf-cache" || name == "node_modules";
}

}  // namespace

Inputs collect_inputs(const std::vector<std::string>& paths) {
  Inputs inputs;
  for (const auto& path : paths) {
    if (path == "-") {
      inputs.files.push_back(path);
      continue;
    }
    std::error_code error;
    auto status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      inputs.errors.emplace_back(path, fmt::format("cannot read '{}': no such file or directory", path));
      continue;
    }
    if (!fs::is_directory(status)) {
      inputs.files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    // Symbolic links to directories are not followed, so a link loop cannot trap the walk.
    fs::recursive_directory_iterator it(path, fs::directory_options::none, error), end;
    if (error) {
      inputs.errors.emplace_back(path, fmt::format("cannot list '{}': {}", path, error.message()));
      continue;
    }
    for (; it != end; it.increment(error)) {
      if (error) {
        inputs.errors.emplace_back(path, fmt::format("cannot list part of '{}': {}", path, error.message()));
        break;
      }
      if (it->is_directory(error) && is_skipped_directory(it->path())) {
        it.disable_recursion_pending();
        continue;
      }
      if (is_record_file(it->path()) && !it->is_directory(error)) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    inputs.files.insert(inputs.files.end(), found.begin(), found.end());
  }
  return inputs;
}

}  // namespace cpconf
