#include "cpconf/source/config.hpp"

#include <filesystem>

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpconf/check/rule.hpp"
#include "cpconf/load/map_reader.hpp"
#include "cpconf/text/suggest.hpp"

namespace cpconf {

namespace fs = std::filesystem;

struct ConfigDoc : Node {
  Field<int> version;
  Field<std::string> profile;
  Field<bool> cache;
};

namespace {

std::vector<std::string> rule_names() {
  std::vector<std::string> names;
  for (const auto& rule : all_rules()) names.emplace_back(rule.name);
  return names;
}

}  // namespace

Config load_config(const std::string& path) {
  std::string text = read_source(path, YamlLimits{}.max_bytes);
  if (auto error = unrecognised_file(text, path, "cpconf-config", "configuration")) throw *error;
  ParsedYaml parsed = parse_yaml(text, path);
  ReadContext context{path, std::move(parsed.findings), std::nullopt};
  Config config;
  config.file = path;
  if (parsed.usable && !parsed.root.is_mapping()) {
    context.add("invalid-value", parsed.root.location, "",
                "a configuration must be a mapping starting with 'cpconf-config: 1'");
  } else if (parsed.usable) {
    ConfigDoc doc;
    MapReader reader(parsed.root, "", context);
    reader.required("cpconf-config", doc.version);
    reader.optional("profile", doc.profile);
    reader.optional("cache", doc.cache);
    reader.skip("rules");  // a free mapping of rule names, read below
    reader.finish();
    if (doc.version && *doc.version != 1) {
      context.add("format-version", doc.version.location, "cpconf-config",
                  fmt::format("this configuration is version {}; this build reads version 1 only", *doc.version));
    }
    config.cache = doc.cache.value_or(false);
    if (doc.profile) {
      bool is_path = doc.profile->find('/') != std::string::npos || doc.profile->ends_with(".yaml") ||
                     doc.profile->ends_with(".yml");
      config.profile =
          is_path ? (fs::path(path).parent_path() / *doc.profile).lexically_normal().string() : *doc.profile;
    }
    const YamlNode* rules = parsed.root.find("rules");
    if (rules != nullptr && !rules->is_null() && !rules->is_mapping()) {
      context.add("invalid-value", rules->location, "rules",
                  "'rules' must map rule names to error, warning, info or off");
    } else if (rules != nullptr && rules->is_mapping()) {
      auto names = rule_names();
      for (const auto& [key, value] : rules->entries) {
        std::string path_of = "rules." + key.value;
        if (!find_rule(key.value)) {
          context.add("unknown-reference", key.location, path_of,
                      fmt::format("no rule is named '{}'{}; 'cpconf rules' lists them", key.value,
                                  did_you_mean(key.value, names)));
          continue;
        }
        bool off = value.is_scalar() && value.value == "off";
        auto severity = value.is_scalar() ? severity_named(value.value) : std::nullopt;
        if (!severity && !off) {
          static constexpr std::string_view k_settings[] = {"error", "warning", "info", "off"};
          context.add("invalid-value", value.location, path_of,
                      fmt::format("the setting of rule '{}' must be {}", key.value,
                                  expected_enum(k_settings, value.is_scalar() ? value.value : "a list or mapping")));
          continue;
        }
        config.rules[key.value] = RuleSetting{!off, severity};
      }
    }
  }
  if (!context.findings.empty()) {
    sort_findings(context.findings);
    throw ProfileError(path, fmt::format("'{}' is not a usable configuration", path), std::move(context.findings));
  }
  return config;
}

std::string distrust_of_config(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return "";
  if (info.st_uid != ::geteuid() && info.st_uid != 0) {
    return fmt::format("belongs to another user (uid {})", info.st_uid);
  }
  if ((info.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
    return fmt::format("may be written by {} (mode {:04o})", (info.st_mode & S_IWOTH) != 0 ? "others" : "its group",
                       info.st_mode & 07777);
  }
  struct stat folder {};
  std::string parent = fs::path(path).parent_path().string();
  if (::stat(parent.empty() ? "." : parent.c_str(), &folder) == 0 && (folder.st_mode & S_IWOTH) != 0 &&
      (folder.st_mode & S_ISVTX) == 0) {
    return fmt::format("sits in '{}', which others may write (mode {:04o}, no sticky bit)", parent,
                       folder.st_mode & 07777);
  }
  return "";
}

const Config& ConfigFinder::for_input(const std::string& input_path) {
  static const Config k_none;
  fs::path start = input_path == "-" ? fs::current_path() : fs::absolute(input_path).parent_path();
  std::vector<std::string> visited;
  std::shared_ptr<const Config> found;
  for (fs::path folder = start;; folder = folder.parent_path()) {
    auto key = folder.string();
    if (auto it = m_by_folder.find(key); it != m_by_folder.end()) {
      found = it->second;
      break;
    }
    visited.push_back(key);
    std::error_code error;
    if (fs::is_regular_file(folder / k_config_name, error)) {
      std::string file = (folder / k_config_name).string();
      if (std::string why = distrust_of_config(file); !why.empty()) {
        if (m_warn) {
          m_warn(
              fmt::format("the configuration '{}' {}: it is ignored, as if there were none (only its "
                          "owner may be able to write it)",
                          file, why));
        }
        found = std::make_shared<const Config>();
        break;
      }
      found = std::make_shared<const Config>(load_config(file));
      break;
    }
    if (!folder.has_parent_path() || folder.parent_path() == folder) break;
  }
  for (const auto& folder : visited) m_by_folder[folder] = found;
  return found ? *found : k_none;
}

}  // namespace cpconf
