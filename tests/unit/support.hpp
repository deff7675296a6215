#pragma once

// Helpers for unit tests: build record text, write files in a temporary folder, load a record
// from YAML text and run one rule on it, or check it as `cpconf validate` does.
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <doctest/doctest.h>
#include <stdlib.h>

#include "cpconf/check/rule.hpp"
#include "cpconf/check/validator.hpp"
#include "cpconf/derive/calendar.hpp"
#include "cpconf/load/profile.hpp"
#include "cpconf/load/record_reader.hpp"
#include "cpconf/source/profile_reader.hpp"
#include "cpconf/source/record_source.hpp"

namespace cpconf::test {

// --- Record text

// The keys of the usual test conference after its id and case: an initial conference under
// england, strategy discussion on 2 March 2026, held on 20 March 2026 from 10:00 to 11:30.
inline constexpr std::string_view k_initial_conference = R"(  kind: initial
  profile: england
  strategy-discussion: 2026-03-02
  start: 2026-03-20 10:00
  end: 2026-03-20 11:30
  chair: Test Chair
)";

// One child, c1.
inline constexpr std::string_view k_one_child = R"(children:
  - id: c1
    name: Test Child
    born: 2019-05-01
)";

// One professional, a1, present; keys added right after it belong to a1.
inline constexpr std::string_view k_one_worker = R"(attendees:
  - id: a1
    name: Test Worker
    capacity: professional
    role: Social worker
    agency: Children's services
    attendance: present
)";

// The text of a test record, conference t-1 of case case-t, built from its parts in the order
// they are written. The defaults make a minimal record that loads without findings; a test
// replaces the parts it is about: test::record().rest("decisions: ...").str().
class RecordText {
 public:
  // The keys of 'conference' after its id and case.
  RecordText& conference(std::string keys) { return set(m_conference, std::move(keys)); }
  RecordText& children(std::string list) { return set(m_children, std::move(list)); }
  RecordText& attendees(std::string list) { return set(m_attendees, std::move(list)); }
  // Further top-level keys: decisions, waivers, follow-up...
  RecordText& rest(std::string keys) { return set(m_rest, std::move(keys)); }

  std::string str() const {
    return "cpconf: 1\nconference:\n  id: t-1\n  case: case-t\n" + m_conference + m_children + m_attendees + m_rest;
  }

 private:
  RecordText& set(std::string& part, std::string text) {
    part = std::move(text);
    return *this;
  }

  std::string m_conference{k_initial_conference};
  std::string m_children{k_one_child};
  std::string m_attendees{k_one_worker};
  std::string m_rest;
};

inline RecordText record() { return {}; }

// --- Files on disk

// A fresh folder under the system's temporary folder, removed with everything in it at the end
// of the test.
class TempFolder {
 public:
  TempFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "cpconf-unit-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    m_path = std::filesystem::canonical(pattern);
  }
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  // Writes text to a file at a path relative to the folder, making the folders on the way.
  std::string write(const std::string& relative, std::string_view text) const {
    std::filesystem::path file = m_path / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }

 private:
  std::filesystem::path m_path;
};

// "rule line:column path: message" for each finding, to compare whole results.
inline std::vector<std::string> described(const Findings& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) {
    out.push_back(f.rule + " " + std::to_string(f.location.line) + ":" + std::to_string(f.location.column) + " " +
                  f.path + ": " + f.message);
  }
  return out;
}

// --- Loading and checking

// Loads a record that must load without structural findings.
inline Record record_from(std::string_view yaml) {
  LoadedRecord loaded = load_record(yaml, "test.yaml");
  for (const auto& f : loaded.findings)
    INFO(f.rule << " " << f.location.line << ":" << f.location.column << " " << f.message);
  REQUIRE(loaded.record.has_value());
  CHECK(loaded.findings.empty());
  return *loaded.record;
}

// The messages one rule gives on a record, judged as of the given date.
inline std::vector<std::string> run_rule(std::string_view rule_name, std::string_view yaml,
                                         const std::string& profile_name = "", Date as_of = {2026, 11, 22}) {
  const Rule* rule = find_rule(rule_name);
  REQUIRE_MESSAGE(rule != nullptr, "no rule named " << rule_name);
  bool has_check = rule->check != nullptr;
  REQUIRE_MESSAGE(has_check, rule_name << " is applied by the loader, not a check");
  Record record = record_from(yaml);
  Profile profile =
      load_profile(profile_name.empty() ? record.conference.profile.value_or(std::string("england")) : profile_name);
  Calendar calendar = cpconf::calendar_of(profile);
  CheckContext context{record, profile, calendar, as_of};
  std::vector<std::string> messages;
  for (const auto& hit : rule->check(context)) messages.push_back(hit.path + ": " + hit.message);
  return messages;
}

// Checks YAML text as `cpconf validate` checks a file, with no configuration: the records'
// own profiles, or the one given as --profile would give it.
struct Checker {
  RecordSource source;
  Validator validator;

  explicit Checker(Validator::Settings settings, std::optional<std::string> profile = std::nullopt)
      : source([&] {
          SourceSettings s;
          s.profile = std::move(profile);
          s.config_mode = SourceSettings::ConfigMode::none;
          return s;
        }()),
        validator(std::move(settings)) {}

  FileReport check(std::string_view yaml, const std::string& file) {
    OpenedRecord opened = source.open_text(std::string(yaml), file);
    return validator.check(opened);
  }
};

}  // namespace cpconf::test
