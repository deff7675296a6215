#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "cpconf/check/rule.hpp"
#include "cpconf/load/profile.hpp"
#include "cpconf/source/profile_reader.hpp"

using namespace cpconf;

namespace {

bool listed(Family family) {
  auto families = all_families();
  return std::find(families.begin(), families.end(), family) != families.end();
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("rule table: names are unique and kebab-case") {
  const std::regex kebab("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  std::set<std::string_view> seen;
  for (const Rule& rule : all_rules()) {
    CAPTURE(rule.name);
    CHECK(std::regex_match(rule.name.begin(), rule.name.end(), kebab));
    CHECK(seen.insert(rule.name).second);
  }
  CHECK_FALSE(all_rules().empty());
}

TEST_CASE("rule table: every rule has a summary, a source and an explanation") {
  for (const Rule& rule : all_rules()) {
    CAPTURE(rule.name);
    CHECK_FALSE(rule.summary.empty());
    CHECK_FALSE(rule.source.empty());
    CHECK_FALSE(rule.explanation.empty());
  }
}

TEST_CASE("rule table: every rule belongs to a listed family, and every listed family has rules") {
  REQUIRE_FALSE(all_families().empty());
  for (const Rule& rule : all_rules()) {
    CAPTURE(rule.name);
    CAPTURE(family_key(rule.family));
    CHECK(listed(rule.family));
  }
  auto rules = all_rules();
  for (Family family : all_families()) {
    CAPTURE(family_key(family));
    CHECK(std::any_of(rules.begin(), rules.end(), [&](const Rule& rule) { return rule.family == family; }));
  }
}

TEST_CASE("rule table: family keys and names are unique and lead back to their family") {
  const std::regex one_word("[a-z]+");
  std::set<std::string_view> keys, names;
  for (Family family : all_families()) {
    std::string_view key = family_key(family), name = family_name(family);
    CAPTURE(key);
    CHECK(std::regex_match(key.begin(), key.end(), one_word));
    CHECK_FALSE(name.empty());
    CHECK(keys.insert(key).second);
    CHECK(names.insert(name).second);
    CHECK(family_from_key(key) == family);
    CHECK(family_from_key(name) == family);
  }
  // The key is what --family and --select take; the name is what `cpconf rules` shows.
  CHECK(family_key(Family::timescales) == "timescales");
  CHECK(family_name(Family::timescales) == "reports and timescales");
  CHECK(family_key(Family::case_chain) == "case");
  CHECK(family_from_key("no-such-family") == std::nullopt);
  CHECK(family_from_key("") == std::nullopt);
}

TEST_CASE("rule table: find_rule finds every rule by name and nothing else") {
  for (const Rule& rule : all_rules()) {
    CAPTURE(rule.name);
    const Rule* found = find_rule(rule.name);
    REQUIRE(found != nullptr);
    CHECK(found->name == rule.name);
  }
  CHECK(find_rule("no-such-rule") == nullptr);
  CHECK(find_rule("") == nullptr);
}

// A rule with a check, and every record rule (applied by the loader), has a golden test that
// fires it: tests/e2e/<family key>/<rule>.yaml, whose expected standard output (<rule>.out)
// names the rule.
TEST_CASE("rule table: every rule has a golden test that fires it") {
  const std::filesystem::path e2e = std::filesystem::path(CPCONF_SOURCE_DIR) / "tests" / "e2e";
  for (Family family : all_families()) {
    CHECK_MESSAGE(std::filesystem::is_directory(e2e / family_key(family)),
                  "no golden folder for family " << family_key(family));
  }
  for (const Rule& rule : all_rules()) {
    bool has_check = rule.check != nullptr;
    if (!has_check && rule.family != Family::record) continue;
    CAPTURE(rule.name);
    REQUIRE(listed(rule.family));
    auto folder = e2e / family_key(rule.family);
    auto yaml = folder / (std::string(rule.name) + ".yaml");
    auto out = folder / (std::string(rule.name) + ".out");
    CHECK_MESSAGE(std::filesystem::is_regular_file(yaml), "missing golden record " << yaml.string());
    CHECK_MESSAGE(std::filesystem::is_regular_file(out), "missing golden transcript " << out.string());
    if (std::filesystem::is_regular_file(out)) {
      std::string tag = "[" + std::string(rule.name) + "]";
      CHECK_MESSAGE(read_file(out).find(tag) != std::string::npos, out.string() << " never shows " << tag);
    }
  }
}

TEST_CASE("rule table: the built-in profiles set only rules that exist") {
  for (const auto& name : builtin_profile_names()) {
    CAPTURE(name);
    Profile profile = load_profile(name);
    for (const auto& [rule, setting] : profile.rules) {
      CAPTURE(rule);
      CHECK(find_rule(rule) != nullptr);
    }
  }
}
