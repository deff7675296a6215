#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "cpconf/check/validator.hpp"
#include "cpconf/load/profile.hpp"
#include "cpconf/source/profile_reader.hpp"
#include "support.hpp"

using namespace cpconf;

namespace {

// "rule severity; rule severity" for the findings of the given rules on a record checked under a
// profile (a string, so that doctest prints it when a check fails).
std::string outcome(std::string_view yaml, const std::string& profile, std::vector<std::string> rules) {
  Validator::Settings settings;
  settings.as_of = {2026, 11, 22};
  settings.select = std::move(rules);
  test::Checker checker(settings, profile);
  FileReport report = checker.check(yaml, "t.yaml");
  std::string out;
  for (const auto& f : report.findings) {
    out += (out.empty() ? "" : "; ") + f.rule + " " + std::string(severity_name(f.severity));
  }
  return out;
}

// Two groupings each way for one child; the chair's decision is 'plan'.
constexpr std::string_view k_tie = R"(cpconf: 1
conference:
  id: t-1
  case: case-t
  kind: initial
  strategy-discussion: 2026-03-02
  start: 2026-03-16 10:00
  chair: Test Chair
children:
  - id: c1
    name: Test Child
    born: 2019-05-01
attendees:
  - {id: a1, name: A One, capacity: professional, role: Social worker, agency: Children's services, attendance: present}
  - {id: a2, name: A Two, capacity: professional, role: Health visitor, agency: Health, attendance: present}
  - {id: a3, name: A Three, capacity: professional, role: Police officer, agency: Police, attendance: present}
  - {id: a4, name: A Four, capacity: professional, role: Teacher, agency: School, attendance: present}
decisions:
  - child: c1
    consensus: false
    resolution-tried: true
    votes:
      - {grouping: childrens-social-care, by: a1, vote: plan}
      - {grouping: child-health, by: a2, vote: plan}
      - {grouping: police, by: a3, vote: no-plan}
      - {grouping: education, by: a4, vote: no-plan}
    outcome: plan
    categories: [emotional]
    dissent: [police, education]
)";

}  // namespace

TEST_CASE("profiles: each built-in profile reads as its source says") {
  Profile england = load_profile("england");
  Profile berkshire = load_profile("west-berkshire");
  Profile wales = load_profile("north-wales");
  CHECK(england.mode == DecisionMode::chair_decides);
  CHECK(berkshire.mode == DecisionMode::chair_decides);
  CHECK(wales.mode == DecisionMode::grouping_vote);
  CHECK(berkshire.chair_may_over_rule);
  CHECK_FALSE(wales.chair_may_over_rule);
  CHECK(england.categories == std::vector<std::string>{"neglect", "physical", "emotional", "sexual"});
  CHECK(wales.categories ==
        std::vector<std::string>{"physical", "emotional-psychological", "sexual", "financial", "neglect"});
  CHECK(england.timescales.initial_conference_working_days == 15);
  CHECK(england.timescales.first_review_months == 3);
  CHECK(england.timescales.later_review_months == 6);
}

TEST_CASE("profiles: a 2-2 split needs a casting vote under a grouping vote, not where the chair decides") {
  // Children's social care's 'plan' carried against two of the three others: a signal everywhere.
  CHECK(outcome(k_tie, "north-wales", {"decision"}) ==
        "tie-without-casting-vote error; social-care-prevailed info; category-not-in-profile error");
  CHECK(outcome(k_tie, "england", {"decision"}) == "social-care-prevailed info");
  CHECK(outcome(k_tie, "west-berkshire", {"decision"}) == "social-care-prevailed info");
}

TEST_CASE("profiles: an over-rule is forbidden in North Wales, allowed with a rationale in West Berkshire") {
  std::string over = std::string(k_tie);
  over.replace(
      over.find("      - {grouping: education, by: a4, vote: no-plan}"), 52,
      "      - {grouping: education, by: a4, vote: no-plan}\n      - {grouping: housing, by: a5, vote: no-plan}");
  over.replace(over.find("decisions:"), 10,
               "  - {id: a5, name: A Five, capacity: professional, role: Housing officer, agency: Housing, attendance: "
               "present}\ndecisions:");
  over.replace(over.find("    outcome: plan"), 17,
               "    outcome: plan\n    over-rule: {rationale: The risk is immediate.}");
  over.replace(over.find("dissent: [police, education]"), 28, "dissent: [police, education, housing]");
  over.replace(over.find("categories: [emotional]"), 23, "categories: [neglect]");
  CHECK(outcome(over, "north-wales", {"decision"}) == "social-care-prevailed info; override-not-allowed error");
  CHECK(outcome(over, "west-berkshire", {"decision"}) == "decision-against-majority info; social-care-prevailed info");
  CHECK(outcome(over, "england", {"decision"}) == "decision-against-majority info; social-care-prevailed info");
}

TEST_CASE("profiles: 004's report timescale is West Berkshire's rule, a signal under England's statutory baseline") {
  std::string late = std::string(k_tie);
  late.replace(late.find("attendance: present}\n  - {id: a2"), 20,
               "attendance: present, report: {to-family: \"2026-03-15 17:00\", to-chair: \"2026-03-12 09:00\"}}");
  CHECK(outcome(late, "west-berkshire", {"report-late-to-family", "report-late-to-chair"}) ==
        "report-late-to-family warning");
  CHECK(outcome(late, "england", {"report-late-to-family", "report-late-to-chair"}) == "report-late-to-family info");
}

TEST_CASE("profiles: Welsh categories are accepted in Wales only") {
  std::string financial = std::string(k_tie);
  financial.replace(financial.find("categories: [emotional]"), 23, "categories: [financial]");
  CHECK(outcome(financial, "north-wales", {"category-not-in-profile"}) == "");
  CHECK(outcome(financial, "england", {"category-not-in-profile"}) == "category-not-in-profile error");
}
