#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "support.hpp"

namespace {

using cpconf::test::run_rule;
using Messages = std::vector<std::string>;

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
)";

// Six professionals in six groupings, all present; a7 is a second police officer, a8 a parent.
constexpr std::string_view k_team = R"(attendees:
  - {id: a1, name: Sam Shah, capacity: professional, role: Social worker, agency: Children's services, attendance: present}
  - {id: a2, name: Hana Hill, capacity: professional, role: Health visitor, agency: Health board, attendance: present}
  - {id: a3, name: Dev Dean, capacity: professional, role: Detective constable, agency: Police, attendance: present}
  - {id: a4, name: Tia Todd, capacity: professional, role: Teacher, agency: Hill primary school, attendance: present}
  - {id: a5, name: Hal Hunt, capacity: professional, role: Housing officer, agency: Housing association, attendance: present}
  - {id: a6, name: Pat Pike, capacity: professional, role: Probation officer, agency: Probation service, attendance: present}
  - {id: a7, name: Sue Sale, capacity: professional, role: Police sergeant, agency: Police, attendance: present}
  - {id: a8, name: Mo Test, capacity: parent, attendance: present}
)";

constexpr std::string_view k_groupings[] = {
    "childrens-social-care", "child-health", "police", "education", "housing", "probation"};

constexpr std::string_view k_tried = "    consensus: false\n    resolution-tried: true\n";

// The votes of a1, a2, ... in their own groupings, in order.
std::string votes(std::initializer_list<std::string_view> values) {
  std::string out = "    votes:\n";
  std::size_t i = 0;
  for (auto v : values) {
    out += fmt::format("      - {{grouping: {}, by: a{}, vote: {}}}\n", k_groupings[i], i + 1, v);
    ++i;
  }
  return out;
}

// A record of the six-grouping team with one decision for c1 (its lines after "child: c1").
std::string decided(std::string_view decision, std::string_view extra = "") {
  return fmt::format("{}{}decisions:\n  - child: c1\n{}{}", k_head, k_team, decision, extra);
}

// The decision rules that fire on a record under a profile.
std::vector<std::string> firing(std::string_view yaml, const std::string& profile) {
  std::vector<std::string> names;
  for (const auto& rule : cpconf::decision_rules()) {
    if (!run_rule(rule.name, yaml, profile).empty()) names.emplace_back(rule.name);
  }
  return names;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
TEST_CASE("decision-missing: fires for a child without a decision") {
  std::string two_children = std::string(k_head) + "  - {id: c2, name: Ben Test, born: 2021-02-01}\n" +
                             std::string(k_team) + "decisions:\n  - {child: c1, consensus: true, outcome: no-plan}\n";
  CHECK(run_rule("decision-missing", two_children, "england") ==
        Messages{"children[1]: no decision is recorded for child 'c2' (Ben Test): the conference decides for each "
                 "child whether they are at continuing risk of significant harm and need a plan; add a decision "
                 "with 'child: c2'"});
}

TEST_CASE("decision-missing: silent when every child is decided") {
  CHECK(run_rule("decision-missing", decided("    consensus: true\n    outcome: no-plan\n"), "england").empty());
}

TEST_CASE("decision-missing: an inquorate conference that decided nothing") {
  std::string base = std::string(k_head) + std::string(k_team);
  SUBCASE("silent when recorded as inquorate") {
    std::string inquorate = base;
    inquorate.replace(inquorate.find("  chair: Test Chair\n"), 19, "  chair: Test Chair\n  quorate: false\n");
    CHECK(run_rule("decision-missing", inquorate, "england").empty());
  }
  SUBCASE("fires when not recorded as inquorate") {
    CHECK(run_rule("decision-missing", base, "england") ==
          Messages{"children[0]: no decision is recorded for child 'c1' (Ann Test): the conference decides for "
                   "each child whether they are at continuing risk of significant harm and need a plan; add a "
                   "decision with 'child: c1'"});
  }
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("vote-without-consensus-attempt: fires when split votes show no attempt at consensus") {
  std::string split = votes({"plan", "plan", "plan", "no-plan"}) + "    outcome: plan\n";
  SUBCASE("neither key recorded") {
    CHECK(run_rule("vote-without-consensus-attempt", decided(split), "north-wales") ==
          Messages{"decisions[0]: the votes for child 'c1' (Ann Test) split 3-1 (plan 3 (childrens-social-care, "
                   "child-health, police), no-plan 1 (education)) but the record does not show that consensus was "
                   "sought and the chair then tried to resolve the difference (no 'consensus', no "
                   "'resolution-tried'): only irresolvable differences go to a vote; record 'consensus: false' and "
                   "'resolution-tried: true' if both were tried"});
  }
  SUBCASE("consensus recorded as reached although the votes split") {
    CHECK(run_rule("vote-without-consensus-attempt", decided("    consensus: true\n" + split), "north-wales") ==
          Messages{"decisions[0].consensus: the votes for child 'c1' (Ann Test) split 3-1 (plan 3 "
                   "(childrens-social-care, child-health, police), no-plan 1 (education)) but the record does not "
                   "show that consensus was sought and the chair then tried to resolve the difference ('consensus: "
                   "true', no 'resolution-tried'): only irresolvable differences go to a vote; record 'consensus: "
                   "false' and 'resolution-tried: true' if both were tried"});
  }
  SUBCASE("no resolution tried") {
    CHECK(run_rule("vote-without-consensus-attempt",
                   decided("    consensus: false\n    resolution-tried: false\n" + split), "north-wales") ==
          Messages{"decisions[0].resolution-tried: the votes for child 'c1' (Ann Test) split 3-1 (plan 3 "
                   "(childrens-social-care, child-health, police), no-plan 1 (education)) but the record does not "
                   "show that consensus was sought and the chair then tried to resolve the difference ('consensus: "
                   "false', 'resolution-tried: false'): only irresolvable differences go to a vote; record "
                   "'consensus: false' and 'resolution-tried: true' if both were tried"});
  }
  SUBCASE("under chair-decides the split views need the attempt too") {
    CHECK(run_rule("vote-without-consensus-attempt", decided(split), "england") ==
          Messages{"decisions[0]: the views for child 'c1' (Ann Test) split 3-1 (plan 3 (childrens-social-care, "
                   "child-health, police), no-plan 1 (education)) but the record does not show that consensus was "
                   "sought and the chair then tried to resolve the difference (no 'consensus', no "
                   "'resolution-tried'): only irresolvable differences go to a vote; record 'consensus: false' and "
                   "'resolution-tried: true' if both were tried"});
  }
}

TEST_CASE("vote-without-consensus-attempt: silent when tried first, or when the votes agree") {
  SUBCASE("consensus failed and resolution tried") {
    CHECK(run_rule("vote-without-consensus-attempt",
                   decided(std::string(k_tried) + votes({"plan", "plan", "no-plan"}) + "    outcome: plan\n"),
                   "north-wales")
              .empty());
  }
  SUBCASE("unanimous views need no attempt") {
    CHECK(run_rule("vote-without-consensus-attempt",
                   decided("    consensus: true\n" + votes({"plan", "plan", "plan"}) + "    outcome: plan\n"),
                   "north-wales")
              .empty());
  }
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("individual-votes: fires on a grouping's second vote for a child") {
  std::string yaml = decided(std::string(k_tried) + votes({"plan", "no-plan", "no-plan"}) +
                             "      - {grouping: police, by: a7, vote: plan}\n    outcome: no-plan\n"
                             "    dissent: [childrens-social-care]\n");
  CHECK(run_rule("individual-votes", yaml, "north-wales") ==
        Messages{"decisions[0].votes[3].grouping: a second vote by a7 ('plan') for grouping 'police' on child 'c1' "
                 "(Ann Test): its first vote, decisions[0].votes[2] (line 28) by a3, votes 'no-plan', is the one "
                 "counted; each professional grouping has one vote, cast by its nominated or lead person, not one "
                 "per individual"});
  SUBCASE("under chair-decides every professional gives a view") {
    CHECK(run_rule("individual-votes", yaml, "england").empty());
  }
}

TEST_CASE("individual-votes: silent with one vote per grouping") {
  CHECK(run_rule("individual-votes",
                 decided(std::string(k_tried) + votes({"plan", "plan", "no-plan"}) + "    outcome: plan\n"),
                 "north-wales")
            .empty());
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("vote-by-absent: an absent agency's vote must be cast by the colleague who presents its report") {
  std::string team = std::string(k_team) +
                     "  - {id: a9, name: Ivy Inman, capacity: professional, role: Detective inspector, agency: "
                     "Police, attendance: apologies, represented-by: a3}\n";
  auto record = [&](std::string_view by) {
    return fmt::format(
        "{}{}decisions:\n  - child: c1\n    consensus: true\n    votes:\n"
        "      - {{grouping: childrens-social-care, by: a1, vote: plan}}\n"
        "      - {{grouping: police, by: {}, vote: plan}}\n    outcome: plan\n",
        k_head, team, by);
  };
  SUBCASE("fires when the vote is attributed to the absent officer") {
    CHECK(run_rule("vote-by-absent", record("a9"), "north-wales") ==
          Messages{"decisions[0].votes[1].by: a9 (Ivy Inman) is recorded as voting for child 'c1' (Ann Test) but "
                   "gave apologies and was not present: a3 (Dev Dean), who presented the report, casts the "
                   "agency's vote"});
  }
  SUBCASE("silent when the present colleague votes") {
    CHECK(run_rule("vote-by-absent", record("a3"), "north-wales").empty());
  }
}

TEST_CASE("vote-by-absent: fires for an absent voter nobody represented") {
  std::string team = std::string(k_team) +
                     "  - {id: a9, name: Ivy Inman, capacity: professional, role: Youth justice worker, agency: "
                     "Youth justice service, attendance: apologies}\n";
  std::string yaml = fmt::format(
      "{}{}decisions:\n  - child: c1\n    consensus: true\n    votes:\n"
      "      - {{grouping: youth-justice, by: a9, vote: plan}}\n    outcome: plan\n",
      k_head, team);
  CHECK(run_rule("vote-by-absent", yaml, "england") ==
        Messages{"decisions[0].votes[0].by: a9 (Ivy Inman) is recorded as voting for child 'c1' (Ann Test) but gave "
                 "apologies and was not present: a vote is cast by a professional present at the conference"});
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("ungrouped-voter: fires for a voter no grouping rule places") {
  std::string team = std::string(k_team) +
                     "  - {id: a9, name: Lee Lord, capacity: professional, role: Family liaison, agency: Riverside "
                     "trust, attendance: present}\n";
  std::string yaml = fmt::format(
      "{}{}decisions:\n  - child: c1\n    consensus: true\n    votes:\n"
      "      - {{grouping: voluntary, by: a9, vote: plan}}\n    outcome: plan\n",
      k_head, team);
  CHECK(run_rule("ungrouped-voter", yaml, "england") ==
        Messages{"decisions[0].votes[0].by: voter a9 (Lee Lord) belongs to no professional grouping: the attendee "
                 "has no 'grouping', no record grouping lists them in 'members', and none of profile england's "
                 "keywords matches the role 'Family liaison' or the agency 'Riverside trust'; give the attendee a "
                 "grouping, or record the chair's grouping under 'groupings' with its rationale"});
}

TEST_CASE("ungrouped-voter: a chair's grouping needs its rationale") {
  std::string team = std::string(k_team) +
                     "  - {id: a9, name: Lee Lord, capacity: professional, role: Family liaison, agency: Riverside "
                     "trust, attendance: present}\n";
  auto record = [&](std::string_view grouping) {
    return fmt::format(
        "{}{}groupings:\n{}decisions:\n  - child: c1\n    consensus: true\n    votes:\n"
        "      - {{grouping: ifs, by: a9, vote: plan}}\n    outcome: plan\n",
        k_head, team, grouping);
  };
  SUBCASE("fires without a rationale") {
    CHECK(run_rule("ungrouped-voter", record("  - {id: ifs, name: Family support team, members: [a9]}\n"),
                   "north-wales") ==
          Messages{"groupings[0]: grouping 'ifs' is not one of profile north-wales's groupings, so it is the "
                   "chair's decision, but the record gives no rationale for it; votes cast in it: "
                   "decisions[0].votes[0]; add 'rationale:' saying why the chair set this grouping"});
  }
  SUBCASE("silent with one") {
    CHECK(run_rule("ungrouped-voter",
                   record("  - {id: ifs, name: Family support team, members: [a9], rationale: A multi-agency team "
                          "with its own manager}\n"),
                   "north-wales")
              .empty());
  }
}

TEST_CASE("ungrouped-voter: fires when a vote is counted for another grouping than its voter's") {
  std::string yaml = decided(
      "    consensus: true\n    votes:\n      - {grouping: police, by: a2, vote: plan}\n"
      "    outcome: plan\n");
  CHECK(run_rule("ungrouped-voter", yaml, "north-wales") ==
        Messages{"decisions[0].votes[0].grouping: the vote is counted for grouping 'police' but its voter a2 (Hana "
                 "Hill) belongs to 'child-health' (by the profile's keywords for its role or agency): a "
                 "professional votes once, for the service they represent; correct the vote's grouping or the "
                 "attendee's"});
}

TEST_CASE("ungrouped-voter: silent for grouped professionals and for non-professionals") {
  SUBCASE("every voter in their own grouping") {
    CHECK(run_rule("ungrouped-voter",
                   decided(std::string(k_tried) + votes({"plan", "no-plan", "plan"}) + "    outcome: plan\n"),
                   "north-wales")
              .empty());
  }
  SUBCASE("a parent's vote is non-voter-voted's concern") {
    CHECK(run_rule("ungrouped-voter",
                   decided("    consensus: true\n    votes:\n      - {grouping: police, by: a8, vote: plan}\n"
                           "    outcome: plan\n"),
                   "north-wales")
              .empty());
  }
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("outcome-contradicts-votes: fires when the outcome is not the majority's") {
  std::string yaml = decided(std::string(k_tried) + votes({"plan", "plan", "plan", "no-plan"}) +
                             "    outcome: no-plan\n    dissent: [childrens-social-care, child-health, police]\n");
  CHECK(run_rule("outcome-contradicts-votes", yaml, "north-wales") ==
        Messages{"decisions[0].outcome: the outcome for child 'c1' (Ann Test) is 'no-plan' but the majority voted "
                 "'plan' (plan 3 (childrens-social-care, child-health, police), no-plan 1 (education)), so the "
                 "outcome should be 'plan'; no over-rule is recorded"});
  SUBCASE("under chair-decides the chair decides on all the views") {
    CHECK(run_rule("outcome-contradicts-votes", yaml, "england").empty());
  }
}

TEST_CASE("outcome-contradicts-votes: fires when the outcome is not the casting vote's") {
  std::string yaml = decided(std::string(k_tried) + votes({"plan", "plan", "no-plan", "no-plan"}) +
                             "    casting-vote: plan\n    outcome: no-plan\n");
  CHECK(run_rule("outcome-contradicts-votes", yaml, "north-wales") ==
        Messages{"decisions[0].outcome: the outcome for child 'c1' (Ann Test) is 'no-plan' but the votes split 2-2 "
                 "(plan 2 (childrens-social-care, child-health), no-plan 2 (police, education)) and the chair's "
                 "casting vote was 'plan', so the outcome should be 'plan'; no over-rule is recorded"});
}

TEST_CASE("outcome-contradicts-votes: silent when the votes give the outcome, over-rule recorded, or a bare tie") {
  SUBCASE("majority") {
    CHECK(run_rule("outcome-contradicts-votes",
                   decided(std::string(k_tried) + votes({"plan", "plan", "no-plan"}) + "    outcome: plan\n"),
                   "north-wales")
              .empty());
  }
  SUBCASE("casting vote") {
    CHECK(run_rule("outcome-contradicts-votes",
                   decided(std::string(k_tried) + votes({"plan", "no-plan"}) +
                           "    casting-vote: no-plan\n    outcome: no-plan\n"),
                   "north-wales")
              .empty());
  }
  SUBCASE("an over-rule is override-not-allowed's concern") {
    CHECK(run_rule("outcome-contradicts-votes",
                   decided(std::string(k_tried) + votes({"plan", "plan", "no-plan"}) +
                           "    outcome: no-plan\n    over-rule: {rationale: The chair judged otherwise}\n"),
                   "north-wales")
              .empty());
  }
  SUBCASE("a tie without a casting vote is tie-without-casting-vote's concern") {
    CHECK(run_rule("outcome-contradicts-votes",
                   decided(std::string(k_tried) + votes({"plan", "no-plan"}) + "    outcome: no-plan\n"), "north-wales")
              .empty());
  }
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("tie-without-casting-vote: fires on a 50/50 split with no casting vote") {
  SUBCASE("2-2") {
    CHECK(
        run_rule("tie-without-casting-vote",
                 decided(std::string(k_tried) + votes({"plan", "no-plan", "plan", "no-plan"}) + "    outcome: plan\n"),
                 "north-wales") ==
        Messages{"decisions[0]: the votes for child 'c1' (Ann Test) split 2-2 (plan 2 (childrens-social-care, "
                 "police), no-plan 2 (child-health, education)) and no casting vote by the chair is recorded: on a "
                 "50/50 split the chair's casting vote decides; add 'casting-vote: plan' or 'casting-vote: "
                 "no-plan'"});
  }
  SUBCASE("3-3") {
    CHECK(run_rule("tie-without-casting-vote",
                   decided(std::string(k_tried) + votes({"plan", "no-plan", "plan", "no-plan", "plan", "no-plan"}) +
                           "    outcome: plan\n"),
                   "north-wales") ==
          Messages{"decisions[0]: the votes for child 'c1' (Ann Test) split 3-3 (plan 3 (childrens-social-care, "
                   "police, housing), no-plan 3 (child-health, education, probation)) and no casting vote by the "
                   "chair is recorded: on a 50/50 split the chair's casting vote decides; add 'casting-vote: plan' "
                   "or 'casting-vote: no-plan'"});
  }
}

TEST_CASE("tie-without-casting-vote: silent with a casting vote, without a tie, and under chair-decides") {
  std::string tie = std::string(k_tried) + votes({"plan", "no-plan", "plan", "no-plan"});
  CHECK(
      run_rule("tie-without-casting-vote", decided(tie + "    casting-vote: plan\n    outcome: plan\n"), "north-wales")
          .empty());
  CHECK(run_rule("tie-without-casting-vote",
                 decided(std::string(k_tried) + votes({"plan", "no-plan", "plan"}) + "    outcome: plan\n"),
                 "north-wales")
            .empty());
  CHECK(run_rule("tie-without-casting-vote", decided(tie + "    outcome: plan\n"), "england").empty());
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("casting-vote-without-tie: fires when the chair voted without a 50/50 split") {
  SUBCASE("a 3-1 majority") {
    CHECK(run_rule("casting-vote-without-tie",
                   decided(std::string(k_tried) + votes({"plan", "plan", "plan", "no-plan"}) +
                           "    casting-vote: plan\n    outcome: plan\n"),
                   "north-wales") ==
          Messages{"decisions[0].casting-vote: a casting vote ('plan') is recorded but the votes for child 'c1' "
                   "(Ann Test) did not split 50/50: plan 3 (childrens-social-care, child-health, police), no-plan 1 "
                   "(education): the chair has a casting vote only on a 50/50 split"});
  }
  SUBCASE("no votes at all") {
    CHECK(run_rule("casting-vote-without-tie",
                   decided("    consensus: true\n    casting-vote: no-plan\n    outcome: no-plan\n"), "north-wales") ==
          Messages{"decisions[0].casting-vote: a casting vote ('no-plan') is recorded but no votes are recorded "
                   "for child 'c1' (Ann Test): the chair has a casting vote only on a 50/50 split"});
  }
}

TEST_CASE("casting-vote-without-tie: silent on a tie, and under chair-decides") {
  std::string tie =
      decided(std::string(k_tried) + votes({"plan", "no-plan"}) + "    casting-vote: plan\n    outcome: plan\n");
  CHECK(run_rule("casting-vote-without-tie", tie, "north-wales").empty());
  std::string majority = decided(std::string(k_tried) + votes({"plan", "plan", "no-plan"}) +
                                 "    casting-vote: plan\n    outcome: plan\n");
  CHECK(run_rule("casting-vote-without-tie", majority, "england").empty());
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("override-not-allowed: fires for an over-rule where the profile forbids it") {
  std::string yaml = decided(std::string(k_tried) + votes({"plan", "plan", "plan", "no-plan"}) +
                             "    outcome: no-plan\n    over-rule: {rationale: The chair judged the risk lower}\n"
                             "    dissent: [childrens-social-care, child-health, police]\n");
  CHECK(run_rule("override-not-allowed", yaml, "north-wales") ==
        Messages{"decisions[0].over-rule: the chair over-ruled the votes for child 'c1' (Ann Test), which profile "
                 "north-wales does not allow: the votes give 'plan' (plan 3 (childrens-social-care, child-health, "
                 "police), no-plan 1 (education)) and the outcome is 'no-plan'; the outcome follows the majority (or "
                 "the casting vote on a tie), and a chair who believes it places the child at risk says so, records "
                 "the concern ('chair-concern') and escalates it to the senior manager immediately after the "
                 "conference"});
  SUBCASE("west-berkshire allows it") { CHECK(run_rule("override-not-allowed", yaml, "west-berkshire").empty()); }
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("override-without-rationale: an over-rule must say why where the profile allows one") {
  std::string views = std::string(k_tried) + votes({"plan", "plan", "plan", "no-plan"}) + "    outcome: no-plan\n" +
                      "    dissent: [childrens-social-care, child-health, police]\n";
  SUBCASE("fires under west-berkshire without a rationale") {
    CHECK(run_rule("override-without-rationale", decided(views + "    over-rule: {}\n"), "west-berkshire") ==
          Messages{"decisions[0].over-rule: the chair over-ruled the majority for child 'c1' (Ann Test) and the "
                   "record gives no rationale: the views give 'plan' (plan 3 (childrens-social-care, child-health, "
                   "police), no-plan 1 (education)) and the outcome is 'no-plan'; an over-rule is exceptional and the "
                   "record says why (add 'rationale:' under 'over-rule')"});
  }
  SUBCASE("silent under west-berkshire with a rationale") {
    CHECK(run_rule("override-without-rationale",
                   decided(views + "    over-rule: {rationale: Father has left the home since the reports}\n"),
                   "west-berkshire")
              .empty());
  }
  SUBCASE("silent under north-wales, where override-not-allowed reports the over-rule itself") {
    CHECK(run_rule("override-without-rationale", decided(views + "    over-rule: {}\n"), "north-wales").empty());
  }
}

TEST_CASE("decision rules: the same outcome over the majority under three profiles") {
  std::string views = std::string(k_tried) + votes({"plan", "plan", "plan", "no-plan"}) + "    outcome: no-plan\n" +
                      "    dissent: [childrens-social-care, child-health, police]\n";
  std::string escalations =
      "escalations:\n  - {by: a1, raised: 2026-03-20}\n  - {by: a2, raised: 2026-03-20}\n"
      "  - {by: a3, raised: 2026-03-20}\n";
  SUBCASE("over-ruled with a rationale") {
    std::string yaml = decided(views + "    over-rule: {rationale: Father has left the home}\n", escalations);
    CHECK(firing(yaml, "north-wales") == std::vector<std::string>{"override-not-allowed"});
    CHECK(firing(yaml, "west-berkshire") == std::vector<std::string>{"decision-against-majority"});
    CHECK(firing(yaml, "england") == std::vector<std::string>{"decision-against-majority"});
  }
  SUBCASE("no over-rule recorded") {
    std::string yaml = decided(views, escalations);
    CHECK(firing(yaml, "north-wales") == std::vector<std::string>{"outcome-contradicts-votes"});
    CHECK(firing(yaml, "england") == std::vector<std::string>{"decision-against-majority"});
  }
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("dissent-not-recorded: fires when the dissent list differs from the votes") {
  std::string split =
      std::string(k_tried) + votes({"plan", "no-plan", "plan", "no-plan", "plan"}) + "    outcome: plan\n";
  SUBCASE("one missing, one listed wrongly") {
    CHECK(run_rule("dissent-not-recorded", decided(split + "    dissent: [child-health, housing]\n"), "north-wales") ==
          Messages{"decisions[0].dissent: for child 'c1' (Ann Test) the record lists dissent from child-health, "
                   "housing, but the groupings whose votes went against the outcome 'plan' are child-health, "
                   "education (plan 3 (childrens-social-care, police, housing), no-plan 2 (child-health, "
                   "education)): not listed: education; listed but did not vote against the outcome: housing"});
  }
  SUBCASE("no dissent recorded") {
    CHECK(run_rule("dissent-not-recorded", decided(split), "england") ==
          Messages{"decisions[0]: for child 'c1' (Ann Test) the record lists no dissent, but the groupings whose "
                   "views went against the outcome 'plan' are child-health, education (plan 3 (childrens-social-care, "
                   "police, housing), no-plan 2 (child-health, education)): not listed: child-health, education"});
  }
}

TEST_CASE("dissent-not-recorded: silent when the list matches or no votes were taken") {
  CHECK(run_rule("dissent-not-recorded",
                 decided(std::string(k_tried) + votes({"plan", "no-plan", "plan"}) +
                         "    outcome: plan\n    dissent: [child-health]\n"),
                 "north-wales")
            .empty());
  CHECK(run_rule("dissent-not-recorded",
                 decided("    consensus: true\n" + votes({"plan", "plan"}) + "    outcome: plan\n"), "north-wales")
            .empty());
  CHECK(run_rule("dissent-not-recorded", decided("    consensus: true\n    outcome: plan\n"), "north-wales").empty());
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("chair-concern-not-escalated: fires when the concern was not escalated") {
  std::string base =
      "    consensus: true\n    outcome: no-plan\n    chair-concern:\n      concern: Ann stays at risk\n";
  SUBCASE("no escalation") {
    CHECK(run_rule("chair-concern-not-escalated", decided(base), "north-wales") ==
          Messages{"decisions[0].chair-concern: the chair recorded a concern that the decision places child 'c1' "
                   "(Ann Test) at risk but no escalation is recorded ('escalated-to' and 'escalated-on' are "
                   "absent): the chair escalates the concern to the senior manager responsible for child protection "
                   "immediately after the conference"});
  }
  SUBCASE("no date") {
    CHECK(run_rule("chair-concern-not-escalated", decided(base + "      escalated-to: Head of Safeguarding\n"),
                   "north-wales") ==
          Messages{"decisions[0].chair-concern: the chair recorded a concern that the decision places child 'c1' "
                   "(Ann Test) at risk but the escalation gives no date ('escalated-on' is absent): the chair "
                   "escalates the concern to the senior manager responsible for child protection immediately after "
                   "the conference"});
  }
}

TEST_CASE("chair-concern-not-escalated: silent when escalated, or without a concern") {
  CHECK(run_rule(
            "chair-concern-not-escalated",
            decided("    consensus: true\n    outcome: no-plan\n    chair-concern:\n      concern: Ann stays at risk\n"
                    "      escalated-to: Head of Safeguarding\n      escalated-on: 2026-03-20 14:00\n"),
            "north-wales")
            .empty());
  CHECK(run_rule("chair-concern-not-escalated", decided("    consensus: true\n    outcome: no-plan\n"), "north-wales")
            .empty());
}

// ---------------------------------------------------------------------------------------------
namespace {

// Two siblings decided separately: health knows only Ben, police and housing only Ann; one school
// representative (who teaches Ann) is present.
constexpr std::string_view k_siblings = R"(cpconf: 1
conference:
  id: t-2
  case: case-t
  kind: initial
  strategy-discussion: 2026-03-02
  start: 2026-03-20 10:00
  end: 2026-03-20 11:30
  chair: Test Chair
children:
  - {id: c1, name: Ann Test, born: 2015-05-01}
  - {id: c2, name: Ben Test, born: 2024-02-01}
attendees:
  - {id: a1, name: Sam Shah, capacity: professional, role: Social worker, agency: Children's services, attendance: present, children: [c1, c2]}
  - {id: a2, name: Hana Hill, capacity: professional, role: Health visitor, agency: Health board, attendance: present, children: [c2]}
  - {id: a3, name: Dev Dean, capacity: professional, role: Detective constable, agency: Police, attendance: present, children: [c1]}
  - {id: a4, name: Tia Todd, capacity: professional, role: Teacher, agency: Hill primary school, attendance: present, children: [c1]}
  - {id: a5, name: Hal Hunt, capacity: professional, role: Housing officer, agency: Housing association, attendance: present, children: [c1]}
)";

std::string sibling_decisions(std::string_view c1_votes, std::string_view c2_votes) {
  return fmt::format(
      "decisions:\n"
      "  - child: c1\n    consensus: false\n    resolution-tried: true\n    separately: true\n"
      "    votes:\n{}    outcome: plan\n"
      "  - child: c2\n    consensus: false\n    resolution-tried: true\n    separately: true\n"
      "    votes:\n{}    outcome: no-plan\n",
      c1_votes, c2_votes);
}

constexpr std::string_view k_c1_votes =
    "      - {grouping: childrens-social-care, by: a1, vote: plan}\n"
    "      - {grouping: police, by: a3, vote: plan}\n"
    "      - {grouping: education, by: a4, vote: plan}\n"
    "      - {grouping: housing, by: a5, vote: no-plan}\n";
constexpr std::string_view k_c2_votes =
    "      - {grouping: childrens-social-care, by: a1, vote: no-plan}\n"
    "      - {grouping: child-health, by: a2, vote: no-plan}\n"
    "      - {grouping: education, by: a4, vote: plan}\n";

}  // namespace

TEST_CASE("uninvolved-grouping-voted: siblings decided separately, each by the groupings involved") {
  SUBCASE("silent when each child's voters are involved, the lone school representative voting for both") {
    CHECK(run_rule("uninvolved-grouping-voted", std::string(k_siblings) + sibling_decisions(k_c1_votes, k_c2_votes),
                   "north-wales")
              .empty());
  }
  SUBCASE("fires for police voting for the child it does not know, and health for the other") {
    std::string c1 = std::string(k_c1_votes) + "      - {grouping: child-health, by: a2, vote: plan}\n";
    std::string c2 = std::string(k_c2_votes) + "      - {grouping: police, by: a3, vote: plan}\n";
    CHECK(run_rule("uninvolved-grouping-voted", std::string(k_siblings) + sibling_decisions(c1, c2), "north-wales") ==
          Messages{"decisions[0].votes[4].grouping: grouping 'child-health' voted for child 'c1' (Ann Test), who was "
                   "decided separately, but no attendee of 'child-health' lists 'c1' in 'children': only the "
                   "groupings directly involved with a child vote for that child; groupings involved: "
                   "childrens-social-care, police, education (lone school representative a4 (Tia Todd)), housing",
                   "decisions[1].votes[3].grouping: grouping 'police' voted for child 'c2' (Ben Test), who was "
                   "decided separately, but no attendee of 'police' lists 'c2' in 'children': only the groupings "
                   "directly involved with a child vote for that child; groupings involved: childrens-social-care, "
                   "child-health, education (lone school representative a4 (Tia Todd))"});
  }
  SUBCASE("with a second school representative, a school votes only for its own pupils") {
    std::string two_schools = std::string(k_siblings) +
                              "  - {id: a6, name: Rob Reed, capacity: professional, role: Teacher, agency: Vale "
                              "secondary school, attendance: present, children: [c1]}\n";
    CHECK(
        run_rule("uninvolved-grouping-voted", two_schools + sibling_decisions(k_c1_votes, k_c2_votes), "north-wales") ==
        Messages{"decisions[1].votes[2].grouping: grouping 'education' voted for child 'c2' (Ben Test), who was "
                 "decided separately, but no attendee of 'education' lists 'c2' in 'children': only the groupings "
                 "directly involved with a child vote for that child; groupings involved: childrens-social-care, "
                 "child-health"});
  }
}

TEST_CASE("uninvolved-grouping-voted: silent when the children are decided together") {
  std::string together = std::string(k_siblings) + sibling_decisions(k_c1_votes, k_c2_votes);
  for (std::size_t at = together.find("    separately: true\n"); at != std::string::npos;
       at = together.find("    separately: true\n")) {
    together.erase(at, 21);
  }
  CHECK(run_rule("uninvolved-grouping-voted", together, "north-wales").empty());
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("category-missing: fires when a plan has no category") {
  SUBCASE("no categories") {
    CHECK(run_rule("category-missing", decided("    consensus: true\n    outcome: plan\n"), "north-wales") ==
          Messages{"decisions[0]: a plan was made for child 'c1' (Ann Test) without a category of abuse: record one "
                   "or more under 'categories' (profile north-wales: physical, emotional-psychological, sexual, "
                   "financial, neglect)"});
  }
  SUBCASE("an empty list") {
    CHECK(run_rule("category-missing", decided("    consensus: true\n    outcome: plan\n    categories: []\n"),
                   "england") ==
          Messages{"decisions[0].categories: a plan was made for child 'c1' (Ann Test) without a category of abuse: "
                   "record one or more under 'categories' (profile england: neglect, physical, emotional, sexual)"});
  }
}

TEST_CASE("category-missing: silent with a category, and for no plan") {
  CHECK(run_rule("category-missing", decided("    consensus: true\n    outcome: plan\n    categories: [neglect]\n"),
                 "england")
            .empty());
  CHECK(run_rule("category-missing", decided("    consensus: true\n    outcome: no-plan\n"), "england").empty());
}

TEST_CASE("category-not-in-profile: the jurisdiction's categories") {
  std::string financial = decided("    consensus: true\n    outcome: plan\n    categories: [neglect, financial]\n");
  SUBCASE("Welsh 'financial' is accepted under north-wales") {
    CHECK(run_rule("category-not-in-profile", financial, "north-wales").empty());
  }
  SUBCASE("and rejected under england") {
    CHECK(run_rule("category-not-in-profile", financial, "england") ==
          Messages{"decisions[0].categories[1]: category 'financial' is not one of profile england's categories of "
                   "abuse (neglect, physical, emotional, sexual)"});
  }
  SUBCASE("English 'emotional' under north-wales suggests the Welsh name") {
    CHECK(run_rule("category-not-in-profile",
                   decided("    consensus: true\n    outcome: plan\n    categories: [emotional]\n"), "north-wales") ==
          Messages{"decisions[0].categories[0]: category 'emotional' is not one of profile north-wales's categories "
                   "of abuse (physical, emotional-psychological, sexual, financial, neglect) (did you mean "
                   "'emotional-psychological'?)"});
  }
  SUBCASE("a misspelling suggests the nearest") {
    CHECK(run_rule("category-not-in-profile",
                   decided("    consensus: true\n    outcome: plan\n    categories: [neglet]\n"), "england") ==
          Messages{"decisions[0].categories[0]: category 'neglet' is not one of profile england's categories of "
                   "abuse (neglect, physical, emotional, sexual) (did you mean 'neglect'?)"});
  }
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("decision-against-majority: under chair-decides, a decision against most views") {
  std::string views = std::string(k_tried) + votes({"plan", "plan", "plan", "no-plan"}) + "    outcome: no-plan\n";
  SUBCASE("fires without a rationale") {
    CHECK(run_rule("decision-against-majority", decided(views), "england") ==
          Messages{"decisions[0].outcome: the chair decided 'no-plan' for child 'c1' (Ann Test) against the majority "
                   "of the groupings' views (plan 3 (childrens-social-care, child-health, police), no-plan 1 "
                   "(education)); no rationale is recorded"});
  }
  SUBCASE("fires with the chair's rationale") {
    CHECK(run_rule("decision-against-majority", decided(views + "    over-rule: {rationale: Father has left}\n"),
                   "west-berkshire") ==
          Messages{"decisions[0].outcome: the chair decided 'no-plan' for child 'c1' (Ann Test) against the majority "
                   "of the groupings' views (plan 3 (childrens-social-care, child-health, police), no-plan 1 "
                   "(education)); the chair's rationale: \"Father has left\""});
  }
  SUBCASE("silent under a grouping vote") {
    CHECK(run_rule("decision-against-majority", decided(views), "north-wales").empty());
  }
}

TEST_CASE("decision-against-majority: silent with the majority or on an even split") {
  CHECK(run_rule("decision-against-majority",
                 decided(std::string(k_tried) + votes({"plan", "plan", "no-plan"}) + "    outcome: plan\n"), "england")
            .empty());
  CHECK(run_rule("decision-against-majority",
                 decided(std::string(k_tried) + votes({"plan", "no-plan"}) + "    outcome: no-plan\n"), "england")
            .empty());
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("dissent-not-escalated: a grouping that saw continuing risk and did not escalate") {
  std::string views =
      std::string(k_tried) + votes({"no-plan", "no-plan", "plan"}) + "    outcome: no-plan\n    dissent: [police]\n";
  Messages expected{
      "decisions[0].votes[2]: grouping 'police' judged child 'c1' (Ann Test) at continuing risk (voted "
      "'plan') and dissented from the 'no-plan' decision, but no escalation by a 'police' attendee "
      "under the resolving-professional-differences procedure is recorded under 'escalations'"};
  SUBCASE("fires without an escalation") {
    CHECK(run_rule("dissent-not-escalated", decided(views), "north-wales") == expected);
  }
  SUBCASE("fires when the escalation is about another child") {
    std::string yaml = decided(views, "escalations:\n  - {by: a3, children: [c2], raised: 2026-03-21}\n");
    yaml.replace(yaml.find("attendees:"), 10, "  - {id: c2, name: Ben Test, born: 2021-02-01}\nattendees:");
    CHECK(run_rule("dissent-not-escalated", yaml, "north-wales") == expected);
  }
  SUBCASE("silent when a colleague of the grouping escalated for the child") {
    CHECK(run_rule("dissent-not-escalated",
                   decided(views, "escalations:\n  - {by: a7, children: [c1], raised: 2026-03-21}\n"), "north-wales")
              .empty());
  }
  SUBCASE("silent when the escalation names no children") {
    CHECK(run_rule("dissent-not-escalated", decided(views, "escalations:\n  - {by: a3, raised: 2026-03-21}\n"),
                   "north-wales")
              .empty());
  }
}

TEST_CASE("dissent-not-escalated: silent when a plan was made") {
  CHECK(run_rule("dissent-not-escalated",
                 decided(std::string(k_tried) + votes({"plan", "no-plan", "plan"}) + "    outcome: plan\n"),
                 "north-wales")
            .empty());
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("social-care-prevailed: the outcome follows social care against most other groupings") {
  SUBCASE("by the casting vote on a 2-2 split") {
    CHECK(run_rule("social-care-prevailed",
                   decided(std::string(k_tried) + votes({"no-plan", "no-plan", "plan", "plan"}) +
                           "    casting-vote: no-plan\n    outcome: no-plan\n"),
                   "north-wales") ==
          Messages{"decisions[0].outcome: the outcome 'no-plan' for child 'c1' (Ann Test) follows children's social "
                   "care ('childrens-social-care' no-plan) although most of the other groupings voted 'plan' (other "
                   "groupings: no-plan 1 (child-health), plan 2 (police, education)); decided by the chair's casting "
                   "vote"});
  }
  SUBCASE("by the chair's decision under chair-decides") {
    CHECK(
        run_rule("social-care-prevailed",
                 decided(std::string(k_tried) + votes({"no-plan", "plan", "plan", "plan"}) + "    outcome: no-plan\n"),
                 "england") ==
        Messages{"decisions[0].outcome: the outcome 'no-plan' for child 'c1' (Ann Test) follows children's social "
                 "care ('childrens-social-care' no-plan) although most of the other groupings gave 'plan' (other "
                 "groupings: no-plan 0, plan 3 (child-health, police, education)); decided by the chair"});
  }
}

TEST_CASE("social-care-prevailed: silent when most groupings agree with the outcome") {
  CHECK(run_rule("social-care-prevailed",
                 decided(std::string(k_tried) + votes({"plan", "plan", "plan", "no-plan"}) + "    outcome: plan\n"),
                 "north-wales")
            .empty());
  CHECK(run_rule("social-care-prevailed",
                 decided(std::string(k_tried) + votes({"no-plan", "plan", "plan", "plan"}) + "    outcome: plan\n"),
                 "north-wales")
            .empty());
}

TEST_CASE("decision rules: 'over-rule:' with no value is an over-rule with nothing in it, as 'over-rule: {}' is") {
  std::ifstream in(CPCONF_SOURCE_DIR "/tests/e2e/decision/override-without-rationale.yaml");
  std::stringstream read;
  read << in.rdbuf();
  std::string with_braces = read.str();
  REQUIRE(with_braces.find("over-rule: {}") != std::string::npos);
  std::string without_value = with_braces;
  without_value.replace(without_value.find("over-rule: {}"), 13, "over-rule:");
  Messages braces = run_rule("override-without-rationale", with_braces);
  REQUIRE(braces.size() == 1);
  CHECK(run_rule("override-without-rationale", without_value) == braces);
}
