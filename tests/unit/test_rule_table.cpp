#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "cpconf/check/rule.hpp"
#include "cpconf/profile.hpp"

using namespace cpconf;

namespace {

// Each family's name and the folder of tests/e2e/ that holds its golden tests.
struct FamilyRow {
  Family family;
  std::string_view name;
  std::string_view folder;
};
constexpr FamilyRow k_families[] = {
    {Family::record, "record", "record"},
    {Family::attendance, "attendance", "attendance"},
    {Family::timescales, "reports and timescales", "timescales"},
    {Family::decision, "decision", "decision"},
    {Family::case_chain, "case", "case"},
    {Family::information, "information", "information"},
    {Family::waiver, "waiver", "waiver"},
};

const FamilyRow* family_row(Family family) {
  for (const auto& row : k_families) {
    if (row.family == family) return &row;
  }
  return nullptr;
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

TEST_CASE("rule table: every family is a known one") {
  for (const auto& row : k_families) CHECK(family_name(row.family) == row.name);
  for (const Rule& rule : all_rules()) {
    CAPTURE(rule.name);
    const FamilyRow* row = family_row(rule.family);
    REQUIRE(row != nullptr);
    CHECK(family_name(rule.family) == row->name);
  }
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
// fires it: tests/e2e/<family folder>/<rule>.yaml, whose transcript names the rule.
TEST_CASE("rule table: every rule has a golden test that fires it") {
  const std::filesystem::path e2e = std::filesystem::path(CPCONF_SOURCE_DIR) / "tests" / "e2e";
  for (const Rule& rule : all_rules()) {
    bool has_check = rule.check != nullptr;
    if (!has_check && rule.family != Family::record) continue;
    CAPTURE(rule.name);
    const FamilyRow* row = family_row(rule.family);
    REQUIRE(row != nullptr);
    auto yaml = e2e / row->folder / (std::string(rule.name) + ".yaml");
    auto out = e2e / row->folder / (std::string(rule.name) + ".out");
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
