#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "cpconf/source/config.hpp"
#include "support.hpp"

using namespace cpconf;

namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

// The findings load_config gives for a file that is not a usable configuration. The error is
// a ProfileError naming the file: the CLI reports it and exits 2.
Strings config_faults(const std::string& path) {
  try {
    load_config(path);
  } catch (const ProfileError& error) {
    CHECK(error.file() == path);
    CHECK(std::string(error.what()) == "'" + path + "' is not a usable configuration");
    for (const auto& f : error.findings()) CHECK(f.file == path);
    return test::described(error.findings());
  }
  FAIL("load_config accepted " << path);
  return {};
}

// The error load_config gives for a file that is not a configuration at all (its first key is
// not cpconf-config): it names the file and quotes nothing, so it carries no finding.
std::string config_refusal(const std::string& path) {
  try {
    load_config(path);
  } catch (const ProfileError& error) {
    CHECK(error.file() == path);
    CHECK(error.findings().empty());
    return error.what();
  }
  FAIL("load_config accepted " << path);
  return {};
}

}  // namespace

TEST_CASE("config: a valid file sets the profile, the cache and each rule") {
  test::TempFolder folder;
  std::string path = folder.write(".cpconf.yaml", R"(cpconf-config: 1
profile: north-wales
cache: true
rules:
  long-conference: off
  review-late: warning
  many-professionals: info
)");
  Config config = load_config(path);
  CHECK(config.file == path);
  CHECK(config.profile == "north-wales");
  CHECK(config.cache);
  REQUIRE(config.rules.size() == 3);
  CHECK_FALSE(config.rules.at("long-conference").enabled);
  CHECK_FALSE(config.rules.at("long-conference").severity.has_value());
  CHECK(config.rules.at("review-late").enabled);
  CHECK(config.rules.at("review-late").severity == Severity::warning);
  CHECK(config.rules.at("many-professionals").severity == Severity::info);
}

TEST_CASE("config: only the version is required; the cache is off unless asked for") {
  test::TempFolder folder;
  Config config = load_config(folder.write(".cpconf.yaml", "cpconf-config: 1\n"));
  CHECK_FALSE(config.profile.has_value());
  CHECK_FALSE(config.cache);
  CHECK(config.rules.empty());
  SUBCASE("an empty 'rules:' sets nothing") {
    CHECK(load_config(folder.write("empty-rules.yaml", "cpconf-config: 1\nrules:\n")).rules.empty());
  }
}

TEST_CASE("config: a profile given as a path is relative to the configuration's folder") {
  test::TempFolder folder;
  SUBCASE("a path beside it") {
    Config config = load_config(folder.write("team/.cpconf.yaml", "cpconf-config: 1\nprofile: profiles/local.yaml\n"));
    CHECK(config.profile == (folder.path() / "team" / "profiles" / "local.yaml").string());
  }
  SUBCASE("a path up and across, written out without '..'") {
    Config config = load_config(folder.write("team/.cpconf.yaml", "cpconf-config: 1\nprofile: ../shared/area.yml\n"));
    CHECK(config.profile == (folder.path() / "shared" / "area.yml").string());
  }
  SUBCASE("a built-in profile's name is left as it is") {
    Config config = load_config(folder.write("team/.cpconf.yaml", "cpconf-config: 1\nprofile: west-berkshire\n"));
    CHECK(config.profile == "west-berkshire");
  }
}

TEST_CASE("config: a faulty file is refused with every fault at its line and column") {
  test::TempFolder folder;
  SUBCASE("unknown rules, bad settings and an unknown key") {
    std::string path = folder.write(".cpconf.yaml", R"(cpconf-config: 1
profile: england
cahce: true
rules:
  long-conferance: off
  review-late: loud
  many-professionals: [warning]
)");
    Strings faults = config_faults(path);
    REQUIRE(faults.size() == 4);
    // MapReader words the unknown key as it does for records; the place and the suggestion are what matter.
    CHECK(faults[0].starts_with("unknown-field 3:1 cahce: unknown key 'cahce'"));
    CHECK(faults[0].find("(did you mean 'cache'?)") != std::string::npos);
    CHECK(Strings(faults.begin() + 1, faults.end()) ==
          Strings{"unknown-reference 5:3 rules.long-conferance: no rule is named 'long-conferance' (did you mean "
                  "'long-conference'?); 'cpconf rules' lists them",
                  "invalid-value 6:16 rules.review-late: the setting of rule 'review-late' must be one of error, "
                  "warning, info, off, not 'loud'",
                  "invalid-value 7:23 rules.many-professionals: the setting of rule 'many-professionals' must be one "
                  "of error, warning, info, off, not 'a list or mapping'"});
  }
  SUBCASE("a later version") {
    std::string path = folder.write(".cpconf.yaml", "# a team's settings\ncpconf-config: 2\n");
    CHECK(config_faults(path) ==
          Strings{"format-version 2:16 cpconf-config: this configuration is version 2; this build reads version 1 "
                  "only"});
  }
  SUBCASE("no version: not plainly a configuration, so named but not quoted") {
    std::string path = folder.write(".cpconf.yaml", "profile: england\n");
    CHECK(
        config_refusal(path) ==
        "'" + path +
            "' is not a cpconf configuration (a mapping whose first key is 'cpconf-config'): its first key is another "
            "(line 1); nothing of it is shown");
  }
  SUBCASE("'rules' that is not a mapping") {
    std::string path = folder.write(".cpconf.yaml", "cpconf-config: 1\nrules: [long-conference]\n");
    CHECK(config_faults(path) ==
          Strings{"invalid-value 2:8 rules: 'rules' must map rule names to error, warning, info or off"});
  }
  SUBCASE("not a mapping") {
    std::string path = folder.write(".cpconf.yaml", "- cpconf-config: 1\n");
    CHECK(config_refusal(path).find("): it is not a YAML mapping (line 1); nothing of it is shown") !=
          std::string::npos);
  }
  SUBCASE("not YAML") {
    std::string path = folder.write(".cpconf.yaml", "cpconf-config: 1\nprofile: \"england\n");
    CHECK(config_faults(path) == Strings{"yaml-syntax 2:10 : this quoted string is never closed: add the closing \""});
  }
}

TEST_CASE("config: a file that cannot be read is an input error") {
  test::TempFolder folder;
  CHECK_THROWS_AS(load_config((folder.path() / "missing.yaml").string()), InputError);
}

TEST_CASE("config: each input is governed by the nearest .cpconf.yaml above it") {
  test::TempFolder folder;
  // Nothing above the temporary folder may hold a configuration, or the last check means nothing.
  for (fs::path above = folder.path().parent_path();; above = above.parent_path()) {
    REQUIRE_FALSE(fs::exists(above / k_config_name));
    if (above == above.parent_path()) break;
  }
  std::string root_config = folder.write("records/.cpconf.yaml", "cpconf-config: 1\nprofile: england\n");
  std::string area_config =
      folder.write("records/north/.cpconf.yaml", "cpconf-config: 1\nprofile: north-wales\ncache: true\n");
  std::string deep = folder.write("records/north/2026/march/a.yaml", "");
  std::string beside = folder.write("records/north/b.yaml", "");
  std::string other = folder.write("records/south/c.yaml", "");
  std::string outside = folder.write("elsewhere/d.yaml", "");

  ConfigFinder finder;
  const Config& for_deep = finder.for_input(deep);
  CHECK(for_deep.file == area_config);
  CHECK(for_deep.profile == "north-wales");
  CHECK(for_deep.cache);
  CHECK(finder.for_input(beside).file == area_config);
  CHECK(finder.for_input(other).file == root_config);
  CHECK(finder.for_input(other).profile == "england");
  CHECK(finder.for_input(outside).file.empty());
  CHECK_FALSE(finder.for_input(outside).profile.has_value());

  SUBCASE("each file is read once: a later change is not seen by the same finder") {
    folder.write("records/north/.cpconf.yaml", "cpconf-config: 1\nprofile: west-berkshire\n");
    CHECK(&finder.for_input(beside) == &for_deep);
    CHECK(finder.for_input(beside).profile == "north-wales");
    CHECK(ConfigFinder().for_input(beside).profile == "west-berkshire");
  }
  SUBCASE("a relative input path is searched from its own folder") {
    fs::path was = fs::current_path();
    fs::current_path(folder.path() / "records" / "north" / "2026");
    std::string found = ConfigFinder().for_input("march/a.yaml").file;
    fs::current_path(was);
    CHECK(found == area_config);
  }
}

TEST_CASE("config: a faulty .cpconf.yaml found upward is reported, not skipped") {
  test::TempFolder folder;
  folder.write(".cpconf.yaml", "cpconf-config: 1\nrules:\n  no-such-rule: off\n");
  std::string input = folder.write("sub/a.yaml", "");
  ConfigFinder finder;
  CHECK_THROWS_AS(finder.for_input(input), ProfileError);
}
