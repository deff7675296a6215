#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "cpconf/check/baseline.hpp"
#include "support.hpp"

using namespace cpconf;

namespace {

using Strings = std::vector<std::string>;

Finding finding(std::string file, std::string rule, std::string path, std::string message, int line = 9) {
  return {std::move(rule), Severity::error, std::move(file), {line, 5}, std::move(path), std::move(message)};
}

// The findings Baseline::load gives for a file that is not a baseline.
Strings baseline_faults(const std::string& path) {
  try {
    Baseline::load(path);
  } catch (const ProfileError& error) {
    CHECK(error.file() == path);
    CHECK(std::string(error.what()) == "'" + path + "' is not a usable baseline");
    return test::described(error.findings());
  }
  FAIL("Baseline::load accepted " << path);
  return {};
}

}  // namespace

TEST_CASE("baseline: written and read back, it takes each listed finding once") {
  Findings accepted{
      finding("records/a.yaml", "long-conference", "conference.end", "the conference ran 165 minutes"),
      finding("records/a.yaml", "minutes-late", "follow-up", "no minutes-sent date is recorded"),
      finding("records/a.yaml", "minutes-late", "follow-up", "no minutes-sent date is recorded"),
      finding("records/b.yaml", "decision-missing", "", "child c2 has no decision"),
  };
  test::TempFolder folder;
  std::string path = folder.write("baseline.yaml", Baseline::to_text(accepted, {2026, 11, 22}));
  Baseline baseline = Baseline::load(path);
  CHECK(baseline.unmatched() == 4);

  SUBCASE("the same findings are all taken, and nothing is left over") {
    for (const auto& f : accepted) CHECK(baseline.take(f));
    CHECK(baseline.unmatched() == 0);
  }
  SUBCASE("a finding listed twice is taken twice, and not a third time") {
    auto minutes = accepted[1];
    CHECK(baseline.take(minutes));
    CHECK(baseline.take(minutes));
    CHECK_FALSE(baseline.take(minutes));
    CHECK(baseline.unmatched() == 2);
  }
  SUBCASE("a finding that moved to another line is still the same finding") {
    CHECK(baseline.take(
        finding("records/a.yaml", "long-conference", "conference.end", "the conference ran 165 minutes", 40)));
    CHECK(baseline.unmatched() == 3);
  }
  SUBCASE("a different file, rule, path or message is a new finding") {
    CHECK_FALSE(baseline.take(
        finding("records/c.yaml", "long-conference", "conference.end", "the conference ran 165 minutes")));
    CHECK_FALSE(baseline.take(
        finding("records/a.yaml", "many-professionals", "conference.end", "the conference ran 165 minutes")));
    CHECK_FALSE(
        baseline.take(finding("records/a.yaml", "long-conference", "conference", "the conference ran 165 minutes")));
    CHECK_FALSE(baseline.take(
        finding("records/a.yaml", "long-conference", "conference.end", "the conference ran 195 minutes")));
    CHECK(baseline.unmatched() == 4);
  }
}

TEST_CASE("baseline: the text is a commented YAML file that keeps no message, only its fingerprint") {
  Findings accepted{finding("a \"quoted\" name.yaml", "invalid-value", "children[0].name",
                            "Robin Example: a line break\nand a tab\there, 'quotes' and: colons # not a comment")};
  std::string text = Baseline::to_text(accepted, {2026, 11, 22});
  CHECK(
      text.starts_with("# cpconf baseline, written 2026-11-22: findings accepted until the records are put right.\n"
                       "# 'cpconf validate --baseline FILE' reports only findings not listed here. Each is known by\n"
                       "# a fingerprint of its rule, path and message: the messages, which name people, are not kept.\n"
                       "cpconf-baseline: 2\nfindings:\n  - file: \"a \\\"quoted\\\" name.yaml\"\n"));
  CHECK(text.find("Robin") == std::string::npos);
  CHECK(text.find("    fingerprint: ") != std::string::npos);
  test::TempFolder folder;
  Baseline baseline = Baseline::load(folder.write("baseline.yaml", text));
  CHECK(baseline.unmatched() == 1);
  CHECK(baseline.take(accepted[0]));
  CHECK(baseline.unmatched() == 0);

  SUBCASE("no findings: an empty list") {
    std::string empty = Baseline::to_text({}, {2026, 1, 5});
    CHECK(empty.ends_with("cpconf-baseline: 2\nfindings: []\n"));
    Baseline none = Baseline::load(folder.write("empty.yaml", empty));
    CHECK(none.unmatched() == 0);
    CHECK_FALSE(none.take(accepted[0]));
  }
}

TEST_CASE("baseline: a version 1 file, with messages, is still read") {
  test::TempFolder folder;
  Baseline baseline = Baseline::load(folder.write("baseline.yaml", R"(cpconf-baseline: 1
findings:
  - file: a.yaml
    rule: long-conference
    path: conference.end
    message: the conference ran 165 minutes
)"));
  CHECK(baseline.take(finding("a.yaml", "long-conference", "conference.end", "the conference ran 165 minutes")));
  CHECK(baseline.unmatched() == 0);
}

TEST_CASE("baseline: an entry without a path matches a finding about the file itself") {
  test::TempFolder folder;
  Baseline baseline = Baseline::load(folder.write("baseline.yaml", R"(cpconf-baseline: 1
findings:
  - file: a.yaml
    rule: yaml-syntax
    message: the file is empty
)"));
  CHECK_FALSE(baseline.take(finding("a.yaml", "yaml-syntax", "conference", "the file is empty")));
  CHECK(baseline.take(finding("a.yaml", "yaml-syntax", "", "the file is empty")));
  CHECK(baseline.unmatched() == 0);
}

TEST_CASE("baseline: a file that is not a baseline is refused with its faults placed") {
  test::TempFolder folder;
  SUBCASE("an entry without its message, and an unknown key") {
    std::string path = folder.write("baseline.yaml", R"(cpconf-baseline: 1
findings:
  - file: a.yaml
    rule: long-conference
    path: conference.end
  - file: a.yaml
    rule: minutes-late
    message: late
    line: 12
)");
    Strings faults = baseline_faults(path);
    REQUIRE(faults.size() == 2);
    CHECK(faults[0].starts_with("missing-field 3:5 findings[0].fingerprint: required key 'fingerprint' is missing"));
    CHECK(faults[1].starts_with("unknown-field 9:5 findings[1].line: unknown key 'line'"));
  }
  SUBCASE("findings that are not a list") {
    std::string path = folder.write("baseline.yaml", "cpconf-baseline: 1\nfindings: 3\n");
    Strings faults = baseline_faults(path);
    REQUIRE(faults.size() == 1);
    CHECK(faults[0].starts_with("invalid-value 2:11 findings: "));
  }
  SUBCASE("not a mapping") {
    // Not plainly a baseline: named, its first fault given, nothing of it quoted.
    std::string path = folder.write("baseline.yaml", "# a list\n- a.yaml\n");
    try {
      Baseline::load(path);
      FAIL("Baseline::load accepted " << path);
    } catch (const ProfileError& error) {
      CHECK(error.findings().empty());
      CHECK(std::string(error.what()) ==
            "'" + path +
                "' is not a cpconf baseline (a mapping whose first key is 'cpconf-baseline'): it is not a YAML mapping "
                "(line 2); nothing of it is shown");
    }
  }
  SUBCASE("not YAML") {
    std::string path = folder.write("baseline.yaml", "cpconf-baseline: 1\nfindings: [\n");
    Strings faults = baseline_faults(path);
    REQUIRE(faults.size() == 1);
    CHECK(faults[0].starts_with("yaml-syntax "));
  }
  SUBCASE("a file that cannot be read") {
    CHECK_THROWS_AS(Baseline::load((folder.path() / "missing.yaml").string()), InputError);
  }
}
