// libFuzzer entry point: every reader of untrusted bytes, and every rule, on one input.
// The bytes go through what `cpconf validate` does with a file (load, the record's profile,
// the rules, waivers, the cross-record rules, each output format), through every built-in
// profile's rules, through the profile reader (whose result then checks the example records),
// and through the parse cache's decoder. Anything but a value or the one documented exception
// is a finding: libFuzzer reports uncaught exceptions, aborts and sanitizer reports as crashes.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "cpconf/check/case_rules.hpp"
#include "cpconf/check/validator.hpp"
#include "cpconf/load/profile.hpp"
#include "cpconf/load/record_reader.hpp"
#include "cpconf/load/tree_cache.hpp"
#include "cpconf/report/findings_format.hpp"
#include "cpconf/source/profile_reader.hpp"
#include "cpconf/source/record_source.hpp"

namespace {

using namespace cpconf;

// A fixed "today", so that a finding reproduces whatever day it is replayed on.
constexpr Date k_as_of{2026, 11, 22};

struct Fixture {
  RecordSource source{[] {
    SourceSettings settings;
    settings.config_mode = SourceSettings::ConfigMode::none;
    return settings;
  }()};
  Validator validator{[] {
    Validator::Settings settings;
    settings.as_of = k_as_of;
    return settings;
  }()};
  std::vector<Profile> profiles;
  std::vector<Record> examples;  // records a fuzzed profile is tried on

  Fixture() {
    for (const auto& name : builtin_profile_names()) profiles.push_back(load_profile(name));
    for (const auto& entry : std::filesystem::directory_iterator(CPCONF_SOURCE_DIR "/examples")) {
      if (entry.path().extension() != ".yaml") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      if (auto loaded = load_record(text.str(), entry.path().string()); loaded.record) {
        examples.push_back(std::move(*loaded.record));
      }
    }
  }
};

Fixture& fixture() {
  static Fixture instance;
  return instance;
}

// The whole of `cpconf validate` on one file, output formatting included.
void validate_as_the_cli_does(std::string_view text) {
  OpenedRecord opened = fixture().source.open_text(std::string(text), "fuzz.yaml");
  FileReport report = fixture().validator.check(opened);
  for (const auto& finding : report.findings) {
    (void)format_finding_text(finding, text, true);
    (void)format_finding_github(finding);
  }
  for (const auto& waived : report.waived) (void)format_waived_text(waived, false);
  (void)json_file(report, true);
  if (report.case_entry) {
    // One record alone, and the same record twice (a duplicate id, a chain to itself).
    std::vector<CaseEntry> entries{*report.case_entry};
    for (bool strict : {false, true}) (void)check_cases(entries, CaseOptions{strict});
    entries.push_back(*report.case_entry);
    (void)check_cases(entries, CaseOptions{true});
    // The same with no memory allowance: a block of the index that fills (a record with many
    // children) goes to a temporary file and is read back from it.
    CaseIndex spilled(CaseOptions{true}, 0);
    for (const auto& entry : entries) spilled.add(entry);
    spilled.check([](Finding&&) {});
  }
}

// Every built-in profile's rules, whichever profile the record names.
void check_with_every_profile(std::string_view text) {
  LoadedRecord loaded = load_record(text, "fuzz.yaml");
  if (!loaded.record) return;
  for (const Profile& profile : fixture().profiles) {
    Calendar calendar(profile.closure_days);
    (void)check_record(*loaded.record, profile, calendar, k_as_of, nullptr);
    (void)make_case_entry(*loaded.record, profile, calendar);
  }
}

// The bytes as a user's profile file; a profile that loads checks the example records.
void read_as_profile(std::string_view text) {
  Profile profile;
  try {
    profile = parse_profile(text, "fuzz-profile.yaml");
  } catch (const ProfileError&) {
    return;  // the documented way to refuse a profile
  }
  Calendar calendar(profile.closure_days);
  for (const Record& record : fixture().examples) {
    (void)check_record(record, profile, calendar, k_as_of, nullptr);
    (void)check_cases({make_case_entry(record, profile, calendar)}, CaseOptions{true});
  }
}

// The cache's FNV-1a checksum, so that fuzzed payloads get past the checksum to the decoder.
std::uint64_t cache_checksum(std::string_view data) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : data) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

// The bytes as a cache entry's payload, behind a valid header, and a round trip that must hold:
// the entry the cache writes for a parse decodes to that parse.
void decode_as_cache_entry(std::string_view text) {
  const std::string key = "/fuzz/fuzz.yaml";
  static const std::string header = [&] {
    // An entry's header is its first four lines: magic, version, key, the record's hash and size.
    std::string entry = encode_tree_entry(key, "", ParsedYaml{});
    std::size_t end = 0;
    for (int line = 0; line < 4; ++line) end = entry.find('\n', end) + 1;
    return entry.substr(0, end);
  }();
  std::string forged = header + fmt::format("{:016x}\n", cache_checksum(text)) + std::string(text);
  (void)decode_tree_entry(forged, key, "", "fuzz.yaml");
  (void)decode_tree_entry(text, key, "", "fuzz.yaml");

  ParsedYaml parsed = parse_yaml(text, "fuzz.yaml");
  std::string entry = encode_tree_entry(key, text, parsed);
  auto decoded = decode_tree_entry(entry, key, text, "fuzz.yaml");
  if (!decoded || encode_tree_entry(key, text, *decoded) != entry) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  validate_as_the_cli_does(text);
  check_with_every_profile(text);
  read_as_profile(text);
  decode_as_cache_entry(text);
  return 0;
}
