#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "cpconf/check/waivers.hpp"
#include "support.hpp"

using namespace cpconf;

namespace {

using Strings = std::vector<std::string>;

constexpr Date k_as_of{2026, 11, 22};

// A finding of a rule at a record path, as a rule would give it on test.yaml.
Finding finding(std::string rule, std::string path, Location location = {9, 8}) {
  std::string message = "found at " + path;
  return {std::move(rule), Severity::info, "test.yaml", location, std::move(path), std::move(message)};
}

// "rule at path" for each finding.
Strings rules_at(const Findings& findings) {
  Strings out;
  for (const auto& f : findings) out.push_back(f.rule + " at " + f.path);
  return out;
}

Strings rules_at(const std::vector<WaivedFinding>& waived) {
  Strings out;
  for (const auto& w : waived) out.push_back(w.finding.rule + " at " + w.finding.path);
  return out;
}

// A record with the given waivers: list (the lines after "waivers:").
Record with_waivers(std::string_view waivers) {
  return test::record_from(test::record().rest("waivers:\n" + std::string(waivers)).str());
}

bool every_rule_runs(std::string_view) { return true; }

}  // namespace

TEST_CASE("waivers: a waiver covers its rule at its path and below, and nothing else") {
  Record record = with_waivers(R"(  - rule: long-conference
    at: conference
    reason: Interpreter present throughout.
)");
  Findings findings{
      finding("long-conference", "conference"),
      finding("long-conference", "conference.end"),
      finding("long-conference", "conferences[0]"),
      finding("long-conference", "conference-notes"),
      finding("many-professionals", "conference"),
      finding("long-conference", "children[0]"),
      finding("long-conference", "conference.chair.name"),
  };
  WaiverResult result = apply_waivers(record, k_as_of, findings, every_rule_runs);
  CHECK(result.problems.empty());
  CHECK(rules_at(result.waived) == Strings{"long-conference at conference", "long-conference at conference.end",
                                           "long-conference at conference.chair.name"});
  // What is not waived stays, in its order.
  CHECK(rules_at(findings) == Strings{"long-conference at conferences[0]", "long-conference at conference-notes",
                                      "many-professionals at conference", "long-conference at children[0]"});
  for (const auto& w : result.waived) {
    CHECK(w.reason == "Interpreter present throughout.");
    // The waiver is reported where it is written: its first key, on line 23 of the record.
    CHECK(w.waiver.line == 23);
    CHECK(w.waiver.column == 5);
    CHECK(w.finding.location.line == 9);  // the finding itself is unchanged
    CHECK(w.finding.message == "found at " + w.finding.path);
  }
}

TEST_CASE("waivers: an indexed path covers that item and what is inside it, not its neighbours") {
  Record record = with_waivers(R"(  - rule: dissent-not-recorded
    at: decisions[0]
    reason: The dissent was recorded in the minutes, not in this file.
)");
  Findings findings{finding("dissent-not-recorded", "decisions[0]"),
                    finding("dissent-not-recorded", "decisions[0].votes[1]"),
                    finding("dissent-not-recorded", "decisions[01]"), finding("dissent-not-recorded", "decisions[1]"),
                    finding("dissent-not-recorded", "decisions")};
  WaiverResult result = apply_waivers(record, k_as_of, findings, every_rule_runs);
  CHECK(result.problems.empty());
  CHECK(rules_at(result.waived) ==
        Strings{"dissent-not-recorded at decisions[0]", "dissent-not-recorded at decisions[0].votes[1]"});
  CHECK(rules_at(findings) == Strings{"dissent-not-recorded at decisions[01]", "dissent-not-recorded at decisions[1]",
                                      "dissent-not-recorded at decisions"});
}

TEST_CASE("waivers: an expired waiver covers nothing and is reported") {
  Record record = with_waivers(R"(  - rule: long-conference
    at: conference
    reason: Interpreter present throughout.
    expires: 2026-06-30
)");
  Findings findings{finding("long-conference", "conference.end")};
  WaiverResult result = apply_waivers(record, k_as_of, findings, every_rule_runs);
  CHECK(result.waived.empty());
  CHECK(rules_at(findings) == Strings{"long-conference at conference.end"});
  CHECK(test::described(result.problems) ==
        Strings{"waiver-expired 23:5 waivers[0]: the waiver of 'long-conference' at 'conference' expired on "
                "2026-06-30 (as of 2026-11-22): put the record right or renew the waiver"});
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].file == "test.yaml");

  SUBCASE("on its expiry date it still covers") {
    Findings same{finding("long-conference", "conference.end")};
    WaiverResult on_the_day = apply_waivers(record, {2026, 6, 30}, same, every_rule_runs);
    CHECK(on_the_day.problems.empty());
    CHECK(rules_at(on_the_day.waived) == Strings{"long-conference at conference.end"});
    CHECK(same.empty());
  }
}

TEST_CASE("waivers: a waiver without a reason covers nothing and is reported") {
  for (std::string reason : {"", "    reason: '   '\n"}) {
    CAPTURE(reason);
    Record record = with_waivers("  - rule: long-conference\n    at: conference\n" + reason);
    Findings findings{finding("long-conference", "conference.end")};
    WaiverResult result = apply_waivers(record, k_as_of, findings, every_rule_runs);
    CHECK(result.waived.empty());
    CHECK(rules_at(findings) == Strings{"long-conference at conference.end"});
    CHECK(test::described(result.problems) ==
          Strings{"waiver-without-reason 23:5 waivers[0]: the waiver of 'long-conference' at 'conference' gives no "
                  "reason: add 'reason:' saying why the finding is accepted"});
  }
}

TEST_CASE("waivers: a waiver of a rule that does not exist is reported with the nearest name") {
  Record record = with_waivers(R"(  - rule: long-conferance
    at: conference
    reason: Interpreter present throughout.
)");
  Findings findings{finding("long-conference", "conference.end")};
  WaiverResult result = apply_waivers(record, k_as_of, findings, every_rule_runs);
  CHECK(result.waived.empty());
  CHECK(findings.size() == 1);
  CHECK(test::described(result.problems) ==
        Strings{"waiver-unknown-rule 23:5 waivers[0]: the waiver names rule 'long-conferance', which does not exist "
                "(did you mean 'long-conference'?)"});
}

TEST_CASE("waivers: a waiver matching no finding is unused, unless its rule did not run") {
  Record record = with_waivers(R"(  - rule: long-conference
    at: conference
    reason: Interpreter present throughout.
  - rule: many-professionals
    at: attendees
    reason: A large family network attended with their consent.
)");
  Findings findings{finding("long-conference", "children[0]")};
  SUBCASE("both rules ran") {
    WaiverResult result = apply_waivers(record, k_as_of, findings, every_rule_runs);
    CHECK(result.waived.empty());
    CHECK(test::described(result.problems) ==
          Strings{"waiver-unused 23:5 waivers[0]: the waiver of 'long-conference' at 'conference' matches no finding: "
                  "remove it",
                  "waiver-unused 26:5 waivers[1]: the waiver of 'many-professionals' at 'attendees' matches no "
                  "finding: remove it"});
  }
  SUBCASE("many-professionals was switched off") {
    WaiverResult result =
        apply_waivers(record, k_as_of, findings, [](std::string_view rule) { return rule != "many-professionals"; });
    CHECK(test::described(result.problems) ==
          Strings{"waiver-unused 23:5 waivers[0]: the waiver of 'long-conference' at 'conference' matches no finding: "
                  "remove it"});
  }
  CHECK(rules_at(findings) == Strings{"long-conference at children[0]"});
}

TEST_CASE("waivers: each waiver takes the findings it covers; a second one over the same place is unused") {
  Record record = with_waivers(R"(  - rule: long-conference
    at: conference
    reason: Interpreter present throughout.
  - rule: long-conference
    at: conference.end
    reason: The end time was recorded late.
)");
  Findings findings{finding("long-conference", "conference.end")};
  WaiverResult result = apply_waivers(record, k_as_of, findings, every_rule_runs);
  REQUIRE(result.waived.size() == 1);
  CHECK(result.waived[0].reason == "Interpreter present throughout.");
  CHECK(test::described(result.problems) ==
        Strings{"waiver-unused 26:5 waivers[1]: the waiver of 'long-conference' at 'conference.end' matches no "
                "finding: remove it"});
  CHECK(findings.empty());
}
