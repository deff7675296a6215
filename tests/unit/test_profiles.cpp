#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "cpconf/check/validator.hpp"
#include "cpconf/derive/calendar.hpp"
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

namespace {

// The messages of a refused profile, one a line; "" when it reads.
std::string refusal(std::string_view text) {
  try {
    parse_profile(text, "p.yaml");
  } catch (const ProfileError& e) {
    std::string out;
    for (const auto& f : e.findings()) out += f.path + ": " + f.message + "\n";
    return out;
  }
  return "";
}

}  // namespace

TEST_CASE("profiles: bank-holidays adds and removes days, and removes only bank holidays") {
  Profile p = parse_profile("cpconf-profile: 1\nname: p\nextends: england\nbank-holidays:\n  add: [2031-05-08]\n"
                            "  remove: [2031-05-05]\n",
                            "p.yaml");
  CHECK(p.bank_holidays_added == std::vector<Date>{{2031, 5, 8}});
  CHECK(p.bank_holidays_removed == std::vector<Date>{{2031, 5, 5}});
  Calendar calendar = calendar_of(p);
  CHECK(calendar.is_working_day({2031, 5, 5}));
  CHECK_FALSE(calendar.is_working_day({2031, 5, 8}));
  CHECK(refusal("cpconf-profile: 1\nname: p\nextends: england\nbank-holidays:\n  remove: [2031-05-06]\n") ==
        "bank-holidays.remove: 2031-05-06 is not a bank holiday of England and Wales, so it cannot be removed\n");
  CHECK(refusal("cpconf-profile: 1\nname: p\nextends: england\nbank-holidays:\n  add: [2031-13-01]\n") ==
        "bank-holidays.add: each of 'bank-holidays.add' must be a date written YYYY-MM-DD, not '2031-13-01'\n");
  CHECK(refusal("cpconf-profile: 1\nname: p\nextends: england\nbank-holidays:\n  moved: [2031-05-06]\n") != "");
}

TEST_CASE("profiles: initial-conference-from chooses the initial conference's clock") {
  CHECK(load_profile("england").initial_clock == InitialClock::strategy_discussion);
  Profile p =
      parse_profile("cpconf-profile: 1\nname: p\nextends: england\ninitial-conference-from: s47-started\n", "p.yaml");
  CHECK(p.initial_clock == InitialClock::s47_started);
  CHECK(refusal("cpconf-profile: 1\nname: p\nextends: england\ninitial-conference-from: s47\n").find(
            "'initial-conference-from' must be") != std::string::npos);
}

TEST_CASE("profiles: an inquorate review reconvenes within its own limit when the profile sets one") {
  Profile england = load_profile("england");
  CHECK(england.timescales.reconvene_limit(ConferenceKind::initial) == 10);
  CHECK(england.timescales.reconvene_limit(ConferenceKind::review) == 10);
  Profile p = parse_profile(
      "cpconf-profile: 1\nname: p\nextends: england\ntimescales:\n  reconvene-working-days: 5\n", "p.yaml");
  CHECK(p.timescales.reconvene_limit(ConferenceKind::review) == 5);  // unset: as an initial
  p = parse_profile("cpconf-profile: 1\nname: p\nextends: england\ntimescales:\n  reconvene-review-working-days: 20\n",
                    "p.yaml");
  CHECK(p.timescales.reconvene_limit(ConferenceKind::initial) == 10);
  CHECK(p.timescales.reconvene_limit(ConferenceKind::pre_birth) == 10);
  CHECK(p.timescales.reconvene_limit(ConferenceKind::review) == 20);
  CHECK(refusal("cpconf-profile: 1\nname: p\nextends: england\ntimescales:\n  reconvene-review-working-days: -1\n") !=
        "");
}

TEST_CASE("profiles: every category has a national one") {
  Profile wales = load_profile("north-wales");
  CHECK(wales.national_category("emotional-psychological") == "emotional");
  CHECK(wales.national_category("financial") == "neglect");
  CHECK(wales.national_category("sexual") == "sexual");
  CHECK(load_profile("england").national_category("emotional") == "emotional");
  // A local word needs its national one; the national one must be the census's.
  CHECK(refusal("cpconf-profile: 1\nname: p\nextends: england\ncategories: [neglect, exploitation]\n") ==
        "categories: category 'exploitation' is not a national one (neglect, physical, emotional, sexual, multiple): "
        "give it one under 'national-categories'\n");
  Profile p = parse_profile(
      "cpconf-profile: 1\nname: p\nextends: north-wales\ncategories: [neglect, financial, exploitation]\n"
      "national-categories:\n  exploitation: sexual\n",
      "p.yaml");
  CHECK(p.national_category("exploitation") == "sexual");
  CHECK(p.national_category("financial") == "neglect");  // merged with the base's mapping
  CHECK(refusal("cpconf-profile: 1\nname: p\nextends: north-wales\nnational-categories:\n  financial: money\n")
            .find("national-categories.financial: the national category of 'financial' must be") == 0);
  CHECK(refusal("cpconf-profile: 1\nname: p\nextends: england\nnational-categories:\n  finance: neglect\n")
            .find("national-categories.finance: 'finance' is not one of this profile's categories") == 0);
}
