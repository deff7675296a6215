#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "cpconf/source/profile_reader.hpp"
#include "cpconf/text/csv.hpp"
#include "cpconf/text/figures.hpp"
#include "cpconf/text/terminal.hpp"
#include "cpconf/vote/format.hpp"
#include "support.hpp"

namespace {

constexpr std::string_view k_record = R"(cpconf: 1
conference:
  id: f-1
  case: case-f
  kind: review
  previous: f-0
  profile: north-wales
  start: 2026-03-20 10:00
  chair: Test Chair
children:
  - {id: c1, name: Ann Test, born: 2019-05-01}
attendees:
  - {id: a1, name: Sam Shah, capacity: professional, role: Social worker, agency: Children's services, attendance: present, children: [c1]}
  - {id: a2, name: Hana Hill, capacity: professional, role: Health visitor, agency: Health board, attendance: present, children: [c1]}
  - {id: a3, name: Dev Dean, capacity: professional, role: Detective constable, agency: Police, attendance: present, children: [c1]}
decisions:
  - child: c1
    consensus: false
    resolution-tried: true
    votes:
      - {grouping: childrens-social-care, by: a1, vote: plan, reasoning: "Hungry, often"}
      - {grouping: child-health, by: a2, vote: plan}
      - {grouping: police, by: a3, vote: no-plan}
    outcome: no-plan
    dissent: [childrens-social-care, child-health]
)";

struct Reviewed {
  cpconf::Record record = cpconf::test::record_from(k_record);
  cpconf::Profile profile = cpconf::load_profile("north-wales");
  cpconf::Calendar calendar;
  cpconf::RecordReview review = cpconf::review_votes(record, profile, calendar, nullptr);
};

cpconf::DissentReport dissent_report() {
  cpconf::DissentReport report;
  cpconf::DissentEntry e;
  e.file = "a.yaml";
  e.conference = "f-1";
  e.date = "2026-03-20";
  e.chair = "Test Chair";
  e.profile = "north-wales";
  e.child = "c1";
  e.child_name = "Ann Test";
  e.outcome = cpconf::Outcome::no_plan;
  e.plan = 2;
  e.no_plan = 3;
  e.decided_by = cpconf::DecidedBy::majority;
  cpconf::Dissenter d;
  d.grouping = "police";
  d.by = "a3";
  d.by_name = "Dev Dean";
  d.vote = cpconf::Outcome::plan;
  d.reasoning = "Bail ends soon, \"and\" then?";
  d.voted_against = true;
  d.listed = true;
  d.escalation = cpconf::EscalationView{"a3", "2026-03-23", "Disagree"};
  e.dissenters.push_back(d);
  e.chair_concern = cpconf::ChairConcernView{"At risk", "Head of Service", "2026-03-21 09:00"};
  report.entries.push_back(e);
  report.files = 3;
  report.records = 1;
  report.filtered_out = 1;
  report.failures.push_back({"b.yaml", "'b.yaml' does not load as a conference record", {}, {}});
  return report;
}

}  // namespace

TEST_CASE("vote format: CSV fields are quoted as RFC 4180 asks and records end in CRLF") {
  CHECK(cpconf::csv_row({"plain", "with, comma", "with \"quote\"", "two\nlines", ""}) ==
        "plain,\"with, comma\",\"with \"\"quote\"\"\",\"two\nlines\",\r\n");
  CHECK(cpconf::csv_row({}) == "\r\n");
}

TEST_CASE("vote format: percentages round half up and bars are drawn to the eighth") {
  CHECK(cpconf::percent(1, 8) == "13%");  // 12.5
  CHECK(cpconf::percent(1, 3) == "33%");
  CHECK(cpconf::percent(2, 3) == "67%");
  CHECK(cpconf::percent(0, 0) == "-");
  CHECK(cpconf::percent_decimal(2, 3) == "66.7");
  CHECK(cpconf::percent_decimal(1, 8) == "12.5");
  CHECK(cpconf::percent_decimal(1, 0) == "");
  CHECK(cpconf::bar(1, 8, 20) == "██▌");      // 2.5 cells
  CHECK(cpconf::bar(1, 3, 20) == "██████▋");  // 6.67 cells: 53.3 eighths, rounded to 53
  CHECK(cpconf::bar(3, 3, 4) == "████");
  CHECK(cpconf::bar(1, 1000, 20) == "");  // under half an eighth
  CHECK(cpconf::bar(0, 5, 20) == "");
  CHECK(cpconf::plural(1, "record", "records") == "1 record");
  CHECK(cpconf::plural(0, "record", "records") == "0 records");
}

TEST_CASE("vote format: record text reaches a terminal without control characters") {
  CHECK(cpconf::one_line("a\tb\nc\x1b[2Jd\x07") == "a b c?[2Jd?");
  CHECK(cpconf::one_line("\xc2\x9b"
                         "31m and Siân") == "?31m and Siân");  // C1 CSI, then a real letter
  CHECK(cpconf::one_line("trailing  \n") == "trailing");
}

TEST_CASE("vote format: one record as text, with what the votes give and the rule that fires") {
  Reviewed r;
  CHECK(cpconf::format_record_votes(r.review, cpconf::VoteFormat::text, false) ==
        "test.yaml\n"
        "conference f-1, review, 2026-03-20, chair Test Chair\n"
        "profile north-wales: grouping vote (no over-rule)\n"
        "\n"
        "child        outcome  plan  no-plan  decided by  check\n"
        "c1 Ann Test  no-plan  2     1        majority    ✗ outcome-contradicts-votes\n"
        "\n"
        "c1 Ann Test\n"
        "  vote     grouping               by\n"
        "  plan     childrens-social-care  a1 Sam Shah   dissent  Hungry, often\n"
        "  plan     child-health           a2 Hana Hill  dissent\n"
        "  no-plan  police                 a3 Dev Dean\n"
        "  consensus        not reached; the chair tried to resolve the difference first\n"
        "  did not vote     none\n"
        "  count            plan 2, no-plan 1: majority plan\n"
        "  outcome          no-plan as recorded; the votes give plan ✗\n"
        "  dissent          childrens-social-care, child-health; listed: childrens-social-care, child-health ✓\n"
        "  escalated        childrens-social-care not escalated, child-health not escalated !\n"
        "  ✗ outcome-contradicts-votes: the outcome for child 'c1' (Ann Test) is 'no-plan' but the majority voted "
        "'plan' (plan 2 (childrens-social-care, child-health), no-plan 1 (police)), so the outcome should be 'plan'; "
        "no over-rule is recorded\n");
}

TEST_CASE("vote format: a contradiction whose rule the profile switches off is marked for attention, not as one") {
  Reviewed r;
  cpconf::RuleSettings settings;
  settings["outcome-contradicts-votes"] = cpconf::RuleSetting{false, std::nullopt};
  auto review = cpconf::review_votes(r.record, r.profile, r.calendar, &settings);
  std::string text = cpconf::format_record_votes(review, cpconf::VoteFormat::text, false);
  std::string overview = "c1 Ann Test  no-plan  2     1        majority    ✓\n";
  std::string outcome = "  outcome          no-plan as recorded; the votes give plan !\n";
  CHECK(text.find(overview) != std::string::npos);
  CHECK(text.find(outcome) != std::string::npos);
  CHECK(text.find("✗") == std::string::npos);
}

TEST_CASE("vote format: colour marks the check, the marks and dissent only when asked") {
  Reviewed r;
  std::string coloured = cpconf::format_record_votes(r.review, cpconf::VoteFormat::text, true);
  CHECK(coloured.find("\033[1;31m✗ outcome-contradicts-votes\033[0m") != std::string::npos);
  CHECK(coloured.find("\033[33mdissent\033[0m") != std::string::npos);
  CHECK(cpconf::format_record_votes(r.review, cpconf::VoteFormat::text, false).find('\033') == std::string::npos);
}

TEST_CASE("vote format: one record as CSV, a row per vote") {
  Reviewed r;
  std::string decision =
      "test.yaml,f-1,2026-03-20,Test Chair,north-wales,grouping-vote,c1,Ann Test,majority,no,2,1,no,,no,no-plan,plan,"
      "childrens-social-care;child-health,,no,childrens-social-care;child-health;police,no,,no,"
      "outcome-contradicts-votes,";
  CHECK(cpconf::record_votes_begin(cpconf::VoteFormat::csv) ==
        "file,conference,date,chair,profile,mode,child,name,decided_by,consensus,plan,no_plan,tie,casting_vote,"
        "over_rule,outcome,votes_give,dissent_recorded,present_not_voting,separately,eligible,social_care_prevailed,"
        "categories,consistent,inconsistencies,grouping,by,by_name,vote,counted,dissent,notes,reasoning\r\n");
  CHECK(cpconf::format_record_votes(r.review, cpconf::VoteFormat::csv, false) ==
        decision + "childrens-social-care,a1,Sam Shah,plan,yes,yes,dissent,\"Hungry, often\"\r\n" + decision +
            "child-health,a2,Hana Hill,plan,yes,yes,dissent,\r\n" + decision +
            "police,a3,Dev Dean,no-plan,yes,no,,\r\n");
}

TEST_CASE("vote format: the text total says how many decisions are inconsistent and how many files failed") {
  cpconf::VoteTotals totals;
  totals.records = 2;
  totals.decisions = 3;
  totals.inconsistent = 1;
  CHECK(cpconf::record_votes_end(cpconf::VoteFormat::text, totals, false) ==
        "\n2 records, 3 decisions: 1 inconsistent with the votes\n");
  totals.inconsistent = 0;
  totals.failures.push_back({"x.yaml", "cannot read 'x.yaml'", {}, {}});
  CHECK(cpconf::record_votes_end(cpconf::VoteFormat::text, totals, false) ==
        "\n2 records, 3 decisions: all consistent with the votes; 1 file did not load\n");
  CHECK(
      cpconf::record_votes_end(cpconf::VoteFormat::json, totals, false) ==
      "\n  ],\n  \"input_errors\": [{\"file\": \"x.yaml\", \"message\": \"cannot read 'x.yaml'\", \"findings\": []}],\n"
      "  \"summary\": {\"records\": 2, \"decisions\": 3, \"inconsistent\": 0, \"input_errors\": 1}\n}\n");
}

TEST_CASE("vote format: the dissent list as text and as CSV") {
  auto report = dissent_report();
  CHECK(cpconf::format_dissent(report, cpconf::VoteFormat::text, false) ==
        "2026-03-20  f-1  c1 Ann Test  no-plan 2-3, majority, chair Test Chair, a.yaml\n"
        "  police  plan  a3 Dev Dean  escalated 2026-03-23  Bail ends soon, \"and\" then?\n"
        "  chair's concern, escalated 2026-03-21 09:00 to Head of Service: At risk\n"
        "\n"
        "1 decision not unanimous, 1 dissent (1 escalated), in 1 record; 1 record outside the filter; "
        "1 file did not load\n");
  CHECK(cpconf::format_dissent(report, cpconf::VoteFormat::csv, false) ==
        "date,conference,file,chair,profile,child,name,outcome,plan,no_plan,decided_by,grouping,by,by_name,vote,"
        "voted_against,listed,reasoning,escalated,escalated_by,escalation_raised,chair_concern,chair_escalated_to,"
        "chair_escalated_on\r\n"
        "2026-03-20,f-1,a.yaml,Test Chair,north-wales,c1,Ann Test,no-plan,2,3,majority,police,a3,Dev Dean,plan,yes,"
        "yes,\"Bail ends soon, \"\"and\"\" then?\",yes,a3,2026-03-23,At risk,Head of Service,2026-03-21 09:00\r\n");
}

TEST_CASE("vote format: statistics as CSV, one figure per row") {
  cpconf::VoteStats s;
  s.files = 3;
  s.conferences = 2;
  s.first_date = "2026-01-01";
  s.last_date = "2026-02-01";
  s.decisions = 3;
  s.decided_by[cpconf::DecidedBy::consensus] = 1;
  s.decided_by[cpconf::DecidedBy::casting_vote] = 2;
  s.ties = 2;
  s.casting_votes = 2;
  s.plans = 2;
  s.no_plans = 1;
  s.categories["neglect"] = 2;
  s.groupings["police"] = {3, 1, 1};
  s.chairs["ann"] = {"Ann", 2, 3, 2, 0, 0, 0, 0};
  s.failures.push_back({"b.yaml", "bad, very", {}, {}});
  CHECK(cpconf::format_vote_stats(s, cpconf::VoteFormat::csv, false) ==
        "section,name,count,of,percent,note\r\n"
        "overview,files,3,,,\r\n"
        "overview,did not load,1,,,\r\n"
        "overview,outside the filter,0,,,\r\n"
        "overview,conferences,2,,,\r\n"
        "overview,children decided,3,,,\r\n"
        "overview,first date,,,,2026-01-01\r\n"
        "overview,last date,,,,2026-02-01\r\n"
        "decided by,consensus,1,3,33.3,\r\n"
        "decided by,unanimous,0,3,0.0,\r\n"
        "decided by,split,2,3,66.7,\r\n"
        "decided by,majority,0,3,0.0,\r\n"
        "decided by,casting vote,2,3,66.7,\r\n"
        "decided by,\"tie, no casting vote\",0,3,0.0,\r\n"
        "decided by,over-rule,0,3,0.0,\r\n"
        "decided by,chair's decision,0,3,0.0,\r\n"
        "decided by,no votes recorded,0,3,0.0,\r\n"
        "decisions,ties,2,3,66.7,\r\n"
        "decisions,casting votes,2,3,66.7,\r\n"
        "decisions,over-rules,0,3,0.0,\r\n"
        "decisions,against the majority,0,3,0.0,\r\n"
        "decisions,inconsistent,0,3,0.0,\r\n"
        "outcome,plan,2,3,66.7,\r\n"
        "outcome,no-plan,1,3,33.3,\r\n"
        "grouping dissent,police,1,3,33.3,1 escalated\r\n"
        "chair conferences,Ann,2,2,100.0,\r\n"
        "chair over-rules,Ann,0,3,0.0,\r\n"
        "chair casting votes,Ann,2,3,66.7,\r\n"
        "chair against majority,Ann,0,3,0.0,\r\n"
        "chair concerns,Ann,0,3,0.0,0 escalated\r\n"
        "social care prevailed,decisions,0,3,0.0,\r\n"
        "category,neglect,2,2,100.0,\r\n"
        "category,none recorded,0,2,0.0,\r\n"
        "did not load,b.yaml,1,,,\"bad, very\"\r\n");
}
