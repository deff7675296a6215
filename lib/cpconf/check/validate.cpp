#include "cpconf/check/validate.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "cpconf/batch.hpp"
#include "cpconf/suggest.hpp"

namespace cpconf {

namespace fs = std::filesystem;

namespace {

// foreign-schema: a first line "# yaml-language-server: $schema=X" whose X is not cpconf's.
std::optional<Finding> foreign_schema(std::string_view text, const std::string& file) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string_view line = text.substr(0, text.find('\n'));
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  auto skip_blanks = [&](std::size_t pos) { return std::min(line.find_first_not_of(" \t", pos), line.size()); };
  if (line.substr(0, 1) != "#") return std::nullopt;
  std::size_t pos = skip_blanks(1);
  constexpr std::string_view k_server = "yaml-language-server:";
  if (line.substr(pos, k_server.size()) != k_server) return std::nullopt;
  pos = skip_blanks(pos + k_server.size());
  constexpr std::string_view k_schema = "$schema=";
  if (line.substr(pos, k_schema.size()) != k_schema) return std::nullopt;
  pos += k_schema.size();
  std::string_view schema = line.substr(pos, line.find_first_of(" \t", pos) - pos);
  constexpr std::string_view k_ours = "conference.schema.json";
  if (schema.size() >= k_ours.size() && schema.substr(schema.size() - k_ours.size()) == k_ours) return std::nullopt;
  return Finding{"foreign-schema", Severity::warning, file, {1, static_cast<int>(pos) + 1}, "",
                 fmt::format("the editors' schema line names '{}', not cpconf's conference.schema.json, so editors "
                             "check this record against another format; cpconf ignores the line (write "
                             "'# yaml-language-server: $schema=PATH/conference.schema.json')",
                             schema)};
}

// edited-after-sign-off: the record's latest change came after its sign-off, and the record was
// already signed off before that change (a change that signs a record off is no edit of it).
std::optional<Finding> edited_after_sign_off(const Record& record, const FileChange& change, const YamlLimits& limits) {
  const auto& sign_off = record.conference.sign_off;
  if (!sign_off || !sign_off->on || !(*sign_off->on < change.date)) return std::nullopt;
  auto before = text_before(change);
  if (!before) return std::nullopt;
  LoadedRecord earlier = load_record(*before, record.file, limits);
  if (!earlier.record || !earlier.record->conference.sign_off || !earlier.record->conference.sign_off->on) {
    return std::nullopt;
  }
  std::string when = change.commit.empty() ? "in changes not yet committed"
                                           : fmt::format("in commit {}", change.commit.substr(0, 12));
  return Finding{"edited-after-sign-off", Severity::error, record.file, sign_off->on.location, "conference.sign-off.on",
                 fmt::format("the record was signed off on {} and changed on {} {}: a signed-off record is corrected "
                             "by an addendum, or signed off again with the date of the change",
                             sign_off->on->str(), change.date.str(), when)};
}

void redact(Findings& findings, const NameRedactor& names) {
  for (auto& finding : findings) finding.message = names.apply(finding.message);
}

}  // namespace

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

Validator::Validator(Settings settings) : m_settings(std::move(settings)), m_cases(m_settings.case_options) {
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
  // Not a structured binding: the lambdas below capture options, which clang 14 (the fuzz
  // build) does not allow for a binding.
  auto options_and_rules = options_for(config_path);
  const ValidateOptions& options = options_and_rules.first;
  const RuleSettings* config_rules = options_and_rules.second;
  FileReport report;
  report.file = display_name;
  LoadedRecord loaded = options.cache ? read_record(m_tree_cache.parse(config_path, text, options.limits), display_name)
                               : load_record(text, display_name, options.limits);
  report.findings = std::move(loaded.findings);
  if (auto schema = foreign_schema(text, display_name); schema && !m_switched_off.count(schema->rule)) {
    report.findings.push_back(std::move(*schema));
  }
  auto change = m_settings.changes.find(config_path);
  if (loaded.record) {
    std::unique_lock lock(m_mutex);
    const Profile& profile = m_profiles.for_record(*loaded.record, options, report.findings);
    const Calendar& calendar = m_profiles.calendar_for(profile);
    lock.unlock();
    report.profile = profile.name;
    Findings checked = check_record(*loaded.record, profile, calendar, options);
    report.findings.insert(report.findings.end(), std::make_move_iterator(checked.begin()),
                           std::make_move_iterator(checked.end()));
    bool changed = change != m_settings.changes.end();
    if (changed && !m_switched_off.count("edited-after-sign-off")) {
      if (auto edited = edited_after_sign_off(*loaded.record, change->second, options.limits)) {
        report.findings.push_back(std::move(*edited));
      }
    }
    auto rule_runs = [&](std::string_view name) {
      // Without a change to compare, edited-after-sign-off has not looked at the record at all.
      if (name == "edited-after-sign-off" && !changed) return false;
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
    if (m_settings.redact_names) {
      NameRedactor names(*loaded.record);
      redact(report.findings, names);
      for (auto& waived : report.waived) {
        waived.finding.message = names.apply(waived.finding.message);
        waived.reason = names.apply(waived.reason);
      }
      const ConferenceInfo& c = loaded.record->conference;
      std::string ids = fmt::format("{}\n{}\n{}\n{}", display_name, c.id.value_or(std::string()),
                                    c.case_id.value_or(std::string()), c.previous.value_or(std::string()));
      if (NameRedactor given_away = names.only_in(ids); !given_away.empty()) {
        std::lock_guard guard(m_mutex);
        m_id_names.insert_or_assign(display_name, std::move(given_away));
      }
    }
  }
  sort_findings(report.findings);
  if (m_settings.keep_records) report.record = std::move(loaded.record);
  return report;
}

void Validator::finish(const std::function<void(Finding&&)>& use) {
  // A message may quote other records' ids too: after the file's own names, every file's. The
  // map is in file order, so a name two files give away is always replaced the same way.
  NameRedactor all;
  for (const auto& [file, names] : m_id_names) all.add_missing(names);
  m_cases.check([&](Finding&& finding) {
    if (m_switched_off.count(finding.rule) > 0) return;
    if (!m_id_names.empty()) {
      auto own = m_id_names.find(finding.file);
      if (own != m_id_names.end()) finding.message = own->second.apply(finding.message);
      finding.message = all.apply(finding.message);
    }
    use(std::move(finding));
  });
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

// Appends the records under a folder to found, and each folder that cannot be listed to errors,
// then goes on with the rest. The order is that of the paths as strings, as if every path found
// were sorted: a folder's entries are sorted by name, a sub-folder's name followed by '/' (so
// "a-b.yaml" comes before "a/x.yaml", and "a.yaml" before both). Only the listings of the
// folders being walked are held, each in one buffer, and found spills to disk: an archive of
// 50,000 records in one folder needs about 1.5 MB while that folder is listed. Symbolic links
// to folders are not followed, so that a link loop cannot trap the walk.
void find_records(const fs::path& folder, SpilledList& found, std::vector<InputError>& errors) {
  std::error_code error;
  fs::directory_iterator it(folder, error), end;
  std::string names;  // each entry's name, then '/' for a folder, then '\0'
  std::vector<std::uint32_t> starts;
  for (; !error && it != end; it.increment(error)) {
    std::error_code type_error;
    bool is_folder = !it->is_symlink(type_error) && it->is_directory(type_error);
    bool wanted = is_folder ? !is_skipped_directory(it->path())
                            : is_record_file(it->path()) && !it->is_directory(type_error);
    if (!wanted) continue;
    starts.push_back(static_cast<std::uint32_t>(names.size()));
    names += it->path().filename().string();
    names += is_folder ? "/" : "";
    names += '\0';
  }
  if (error) {
    errors.emplace_back(folder.string(), fmt::format("cannot list '{}': {}", folder.string(), error.message()));
  }
  auto name_at = [&](std::uint32_t start) { return std::string_view(names.c_str() + start); };
  std::sort(starts.begin(), starts.end(), [&](std::uint32_t a, std::uint32_t b) { return name_at(a) < name_at(b); });
  for (std::uint32_t start : starts) {
    std::string_view name = name_at(start);
    if (name.back() == '/') {
      find_records(folder / name.substr(0, name.size() - 1), found, errors);
    } else {
      found.push_back((folder / name).string());
    }
  }
}

}  // namespace

Inputs collect_inputs(const std::vector<std::string>& paths) {
  Inputs inputs;
  for (const auto& path : paths) {
    if (path == "-") {
      inputs.files.push_back(path);
      inputs.reads_stdin = true;
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
    find_records(path, inputs.files, inputs.errors);
  }
  return inputs;
}

}  // namespace cpconf

namespace cpconf {

namespace {

// What ties records together for the cross-record rules: the case, the conference id (unique
// across records), and the children's person numbers (a child has one plan at a time, whatever
// the case).
struct RecordKeys {
  std::set<std::string> cases, conferences, persons;

  void add(const Record& record) {
    if (record.conference.case_id) cases.insert(*record.conference.case_id);
    if (record.conference.id) conferences.insert(*record.conference.id);
    for (const auto& child : record.children) {
      if (child.person) persons.insert(*child.person);
    }
  }
  bool empty() const { return cases.empty() && conferences.empty() && persons.empty(); }
  bool shared_by(const Record& record) const {
    if (record.conference.case_id && cases.count(*record.conference.case_id)) return true;
    if (record.conference.id && conferences.count(*record.conference.id)) return true;
    return std::any_of(record.children.begin(), record.children.end(),
                       [&](const Child& child) { return child.person && persons.count(*child.person); });
  }
  // Whether the text holds any key at all: a cheap test that spares parsing most of an archive.
  bool mentioned_in(std::string_view text) const {
    for (const auto* keys : {&cases, &conferences, &persons}) {
      for (const auto& key : *keys) {
        if (text.find(key) != std::string_view::npos) return true;
      }
    }
    return false;
  }
};

std::optional<Record> read_record_at(const std::string& path, const YamlLimits& limits, const RecordKeys* keys) {
  std::string text;
  try {
    text = read_source(path, limits.max_bytes);
  } catch (const InputError&) {
    return std::nullopt;
  }
  if (keys != nullptr && !keys->mentioned_in(text)) return std::nullopt;
  return load_record(text, path, limits).record;
}

}  // namespace

ChangedSelection select_changed(const std::vector<std::string>& files, const std::map<std::string, FileChange>& changes,
                                const YamlLimits& limits, unsigned jobs) {
  RecordKeys keys;
  for (const auto& file : files) {
    if (!changes.count(file)) continue;
    if (auto record = read_record_at(file, limits, nullptr)) keys.add(*record);
  }
  ChangedSelection selection;
  std::function<bool(std::size_t)> shares_keys = [&](std::size_t i) {
    if (keys.empty() || changes.count(files[i])) return false;
    auto record = read_record_at(files[i], limits, &keys);
    return record && keys.shared_by(*record);
  };
  std::function<void(std::size_t, bool&&)> keep = [&](std::size_t i, bool&& context) {
    bool changed = changes.count(files[i]) > 0;
    if (!changed && !context) return;
    selection.files.push_back(files[i]);
    selection.context.push_back(!changed);
  };
  ordered_parallel<bool>(files.size(), jobs, shares_keys, keep);
  return selection;
}

}  // namespace cpconf
