#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "cpconf/derive/tally.hpp"
#include "cpconf/source/profile_reader.hpp"
#include "support.hpp"

namespace {

using cpconf::Outcome;
using cpconf::VoteTally;
using Strings = std::vector<std::string>;

constexpr std::string_view k_head = R"(cpconf: 1
conference:
  id: t-1
  case: case-t
  kind: initial
  strategy-discussion: 2026-03-02
  start: 2026-03-20 10:00
  end: 2026-03-20 11:30
  chair: Test Chair
children:
  - {id: c1, name: Ann Test, born: 2019-05-01}
  - {id: c2, name: Ben Test, born: 2021-02-01}
)";

// Six professionals in six groupings, all present and involved with c1; a7 is police too.
constexpr std::string_view k_team = R"(attendees:
  - {id: a1, name: Sam Shah, capacity: professional, role: Social worker, agency: Children's services, attendance: present, children: [c1, c2]}
  - {id: a2, name: Hana Hill, capacity: professional, role: Health visitor, agency: Health board, attendance: present, children: [c1]}
  - {id: a3, name: Dev Dean, capacity: professional, role: Detective constable, agency: Police, attendance: present, children: [c1]}
  - {id: a4, name: Tia Todd, capacity: professional, role: Teacher, agency: Hill primary school, attendance: present, children: [c1]}
  - {id: a5, name: Hal Hunt, capacity: professional, role: Housing officer, agency: Housing association, attendance: present, children: [c1]}
  - {id: a6, name: Pat Pike, capacity: professional, role: Probation officer, agency: Probation service, attendance: present}
  - {id: a7, name: Sue Sale, capacity: professional, role: Police sergeant, agency: Police, attendance: present}
)";

constexpr std::string_view k_groupings[] = {
    "childrens-social-care", "child-health", "police", "education", "housing", "probation"};

// The votes of a1, a2, ... in their groupings, in order.
std::string votes(std::initializer_list<std::string_view> values) {
  std::string out = "    votes:\n";
  std::size_t i = 0;
  for (auto v : values) {
    out += fmt::format("      - {{grouping: {}, by: a{}, vote: {}}}\n", k_groupings[i], i + 1, v);
    ++i;
  }
  return out;
}

std::string record_with(std::string_view decision) {
  return fmt::format("{}{}decisions:\n  - child: c1\n{}", k_head, k_team, decision);
}

VoteTally tally(const cpconf::Record& record, const std::string& profile_name = "north-wales") {
  cpconf::Profile profile = cpconf::load_profile(profile_name);
  return cpconf::tally_votes(record.decisions.at(0), record, profile);
}

}  // namespace

TEST_CASE("tally: counts one vote per grouping, plan and no-plan") {
  auto record =
      cpconf::test::record_from(record_with(votes({"plan", "plan", "plan", "no-plan"}) + "    outcome: plan\n"));
  VoteTally t = tally(record);
  CHECK(t.child == "c1");
  CHECK(t.plan == Strings{"childrens-social-care", "child-health", "police"});
  CHECK(t.no_plan == Strings{"education"});
  CHECK(t.plan_count() == 3);
  CHECK(t.no_plan_count() == 1);
  CHECK_FALSE(t.tie);
  CHECK(t.majority == Outcome::plan);
  CHECK(t.votes_give == Outcome::plan);
  CHECK(t.recorded == Outcome::plan);
  CHECK(t.votes.size() == 4);
  REQUIRE(t.votes[1].voter != nullptr);
  CHECK(*t.votes[1].voter->id == "a2");
  CHECK(t.votes[1].grouping == "child-health");
  REQUIRE(t.votes[1].voter_grouping.has_value());
  CHECK(t.votes[1].voter_grouping->id == "child-health");
  CHECK(cpconf::describe_count(t) == "plan 3 (childrens-social-care, child-health, police), no-plan 1 (education)");
  CHECK(cpconf::describe_split(t) == "3-1");
}

TEST_CASE("tally: a grouping's second vote is not counted and is remembered as a duplicate") {
  auto record = cpconf::test::record_from(record_with(votes({"plan", "no-plan", "no-plan"}) +
                                                      "      - {grouping: police, by: a7, vote: plan}\n"
                                                      "    outcome: no-plan\n"));
  VoteTally t = tally(record);
  CHECK(t.plan == Strings{"childrens-social-care"});
  CHECK(t.no_plan == Strings{"child-health", "police"});
  CHECK(t.votes.size() == 4);
  CHECK_FALSE(t.votes[3].counted);
  REQUIRE(t.duplicates.size() == 1);
  CHECK(t.duplicates[0].grouping == "police");
  CHECK(t.duplicates[0].counted == &record.decisions[0].votes[2]);
  CHECK(t.duplicates[0].ignored == std::vector<const cpconf::Vote*>{&record.decisions[0].votes[3]});
}

TEST_CASE("tally: ties and the casting vote") {
  SUBCASE("a 2-2 split with a casting vote gives the casting vote") {
    auto record = cpconf::test::record_from(record_with(votes({"plan", "plan", "no-plan", "no-plan"}) +
                                                        "    casting-vote: no-plan\n    outcome: no-plan\n"));
    VoteTally t = tally(record);
    CHECK(t.tie);
    CHECK_FALSE(t.majority.has_value());
    CHECK(t.casting_vote == Outcome::no_plan);
    CHECK(t.votes_give == Outcome::no_plan);
    CHECK(cpconf::describe_split(t) == "2-2");
  }
  SUBCASE("a 2-2 split without a casting vote gives nothing") {
    auto record =
        cpconf::test::record_from(record_with(votes({"plan", "plan", "no-plan", "no-plan"}) + "    outcome: plan\n"));
    VoteTally t = tally(record);
    CHECK(t.tie);
    CHECK_FALSE(t.votes_give.has_value());
  }
  SUBCASE("a 3-3 split is a tie") {
    auto record = cpconf::test::record_from(
        record_with(votes({"plan", "no-plan", "plan", "no-plan", "plan", "no-plan"}) + "    outcome: plan\n"));
    VoteTally t = tally(record);
    CHECK(t.tie);
    CHECK(cpconf::describe_split(t) == "3-3");
  }
  SUBCASE("no votes is not a tie") {
    auto record = cpconf::test::record_from(record_with("    consensus: true\n    outcome: plan\n"));
    VoteTally t = tally(record);
    CHECK_FALSE(t.tie);
    CHECK_FALSE(t.has_votes());
    CHECK_FALSE(t.votes_give.has_value());
    CHECK(cpconf::describe_count(t) == "plan 0, no-plan 0");
  }
  SUBCASE("a casting vote without a tie does not change the majority") {
    auto record = cpconf::test::record_from(
        record_with(votes({"plan", "plan", "plan", "no-plan"}) + "    casting-vote: no-plan\n    outcome: plan\n"));
    VoteTally t = tally(record);
    CHECK_FALSE(t.tie);
    CHECK(t.votes_give == Outcome::plan);
  }
}

TEST_CASE("tally: dissent is computed against the recorded outcome and compared with the record's list") {
  auto record = cpconf::test::record_from(record_with(votes({"plan", "no-plan", "plan", "no-plan", "plan"}) +
                                                      "    outcome: plan\n    dissent: [child-health, housing]\n"));
  VoteTally t = tally(record);
  CHECK(t.dissent_computed == Strings{"child-health", "education"});
  CHECK(t.dissent_recorded == Strings{"child-health", "housing"});
  CHECK(t.dissent_not_listed == Strings{"education"});
  CHECK(t.dissent_listed_wrongly == Strings{"housing"});
}

TEST_CASE("tally: groupings present that did not vote") {
  auto record = cpconf::test::record_from(record_with(votes({"plan", "plan", "plan"}) + "    outcome: plan\n"));
  VoteTally t = tally(record);
  CHECK(t.present_not_voting == Strings{"education", "housing", "probation"});
}

TEST_CASE("tally: eligible groupings of a child decided separately") {
  SUBCASE("groupings with an attendee involved with the child, and a lone school representative") {
    auto record = cpconf::test::record_from(
        fmt::format("{}{}decisions:\n  - child: c2\n    separately: true\n    outcome: no-plan\n", k_head, k_team));
    cpconf::Profile profile = cpconf::load_profile("north-wales");
    VoteTally t = cpconf::tally_votes(record.decisions[0], record, profile);
    CHECK(t.separately);
    CHECK(t.eligible == Strings{"childrens-social-care", "education"});
    REQUIRE(t.lone_school_representative != nullptr);
    CHECK(*t.lone_school_representative->id == "a4");
    CHECK(t.eligible_for_child("education"));
    CHECK_FALSE(t.eligible_for_child("police"));
  }
  SUBCASE("two school representatives: each school votes only for its own children") {
    std::string team = std::string(k_team) +
                       "  - {id: a8, name: Rob Reed, capacity: professional, role: Teacher, agency: Vale "
                       "secondary school, attendance: present}\n";
    auto record = cpconf::test::record_from(
        fmt::format("{}{}decisions:\n  - child: c2\n    separately: true\n    outcome: no-plan\n", k_head, team));
    cpconf::Profile profile = cpconf::load_profile("north-wales");
    VoteTally t = cpconf::tally_votes(record.decisions[0], record, profile);
    CHECK(t.eligible == Strings{"childrens-social-care"});
    CHECK(t.lone_school_representative == nullptr);
  }
}

TEST_CASE("tally: children's social care prevailing against most other groupings") {
  SUBCASE("by the casting vote on a 2-2 split") {
    auto record = cpconf::test::record_from(
        record_with(votes({"plan", "plan", "no-plan", "no-plan"}) + "    casting-vote: plan\n    outcome: plan\n"));
    VoteTally t = tally(record);
    CHECK(t.social_care_vote == Outcome::plan);
    CHECK(t.others_with_outcome == Strings{"child-health"});
    CHECK(t.others_against_outcome == Strings{"police", "education"});
    CHECK(t.social_care_prevailed);
  }
  SUBCASE("not when the others are evenly split") {
    auto record = cpconf::test::record_from(record_with(votes({"plan", "plan", "no-plan"}) + "    outcome: plan\n"));
    VoteTally t = tally(record);
    CHECK_FALSE(t.social_care_prevailed);
  }
  SUBCASE("not when social care voted against the outcome") {
    auto record = cpconf::test::record_from(record_with(votes({"no-plan", "plan", "plan"}) + "    outcome: plan\n"));
    VoteTally t = tally(record);
    CHECK(t.social_care_vote == Outcome::no_plan);
    CHECK_FALSE(t.social_care_prevailed);
  }
}

TEST_CASE("tally: a vote without a grouping counts for its voter's grouping") {
  // A vote whose grouping is missing loads with a missing-field finding, so build it by hand.
  auto record = cpconf::test::record_from(record_with(votes({"plan"}) + "    outcome: plan\n"));
  record.decisions[0].votes[0].grouping.value.reset();
  VoteTally t = tally(record);
  CHECK(t.plan == Strings{"childrens-social-care"});
  CHECK(t.votes[0].counted);
}
