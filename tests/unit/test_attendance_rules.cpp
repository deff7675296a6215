#include <string>
#include <vector>

#include <fmt/format.h>

#include "support.hpp"

namespace {

using cpconf::test::run_rule;
using Messages = std::vector<std::string>;

constexpr std::string_view k_child = cpconf::test::k_one_child;

// Children's social care, child health and police, all present: quorate under england.
constexpr std::string_view k_three = R"(attendees:
  - id: a1
    name: Sam Worker
    capacity: professional
    role: Social worker
    agency: Children's services
    attendance: present
  - id: a2
    name: Hana Visitor
    capacity: professional
    role: Health visitor
    agency: Health board
    attendance: present
  - id: a3
    name: Pat Constable
    capacity: professional
    role: Police constable
    agency: County police
    attendance: present
)";

// A record of the usual conference with keys added to it, child c1, the given attendees and the rest.
std::string with(std::string_view conference_extra, std::string_view attendees, std::string_view rest = "") {
  return cpconf::test::record()
      .conference(std::string(cpconf::test::k_initial_conference) + std::string(conference_extra))
      .attendees(std::string(attendees))
      .rest(std::string(rest))
      .str();
}

constexpr std::string_view k_decision = R"(decisions:
  - child: c1
    outcome: plan
    categories: [neglect]
)";

}  // namespace

// --- inquorate

TEST_CASE("inquorate: silent when children's social care and two other groupings are present") {
  CHECK(run_rule("inquorate", with("", k_three)).empty());
  CHECK(run_rule("inquorate", with("  quorate: true\n", k_three)).empty());
}

TEST_CASE("inquorate: fires when only two groupings are present") {
  std::string yaml = with("", R"(attendees:
  - id: a1
    name: Sam Worker
    capacity: professional
    role: Social worker
    agency: Children's services
    attendance: present
  - id: a2
    name: Hana Visitor
    capacity: professional
    role: Health visitor
    agency: Health board
    attendance: present
  - id: a3
    name: Pat Constable
    capacity: professional
    role: Police constable
    agency: County police
    attendance: apologies
  - id: a4
    name: Parent One
    capacity: parent
    attendance: present
)");
  CHECK(run_rule("inquorate", yaml) ==
        Messages{"conference: the conference was inquorate: 2 groupings present in person or by representative "
                 "(childrens-social-care, child-health); profile england's quorum is 3 groupings including "
                 "childrens-social-care"});
}

TEST_CASE("inquorate: fires when the required grouping is absent although enough others are present") {
  std::string yaml = with("", R"(attendees:
  - id: a1
    name: Sam Worker
    capacity: professional
    role: Social worker
    agency: Children's services
    attendance: apologies
  - id: a2
    name: Hana Visitor
    capacity: professional
    role: Health visitor
    agency: Health board
    attendance: present
  - id: a3
    name: Pat Constable
    capacity: professional
    role: Police constable
    agency: County police
    attendance: present
  - id: a4
    name: Ed Teacher
    capacity: professional
    role: Teacher
    agency: Primary school
    attendance: present
)");
  CHECK(run_rule("inquorate", yaml) ==
        Messages{"conference: the conference was inquorate: 3 groupings present in person or by representative "
                 "(child-health, police, education); profile england's quorum is 3 groupings including "
                 "childrens-social-care, and childrens-social-care is absent"});
}

TEST_CASE("inquorate: an absent professional whose report a present colleague presents counts") {
  std::string attendees = R"(attendees:
  - id: a1
    name: Sam Worker
    capacity: professional
    role: Social worker
    agency: Children's services
    attendance: present
  - id: a2
    name: Hana Visitor
    capacity: professional
    role: Health visitor
    agency: Health board
    attendance: present
  - id: a3
    name: Pat Constable
    capacity: professional
    role: Police constable
    agency: County police
    attendance: apologies
    represented-by: a4
  - id: a4
    name: Jo Colleague
    capacity: professional
    role: Business support
    agency: County police
    grouping: police
    attendance: REP
)";
  SUBCASE("the representative is present") {
    auto yaml = with("", std::string(attendees).replace(attendees.find("REP"), 3, "present"));
    CHECK(run_rule("inquorate", yaml).empty());
  }
  SUBCASE("the representative is absent too") {
    auto yaml = with("", std::string(attendees).replace(attendees.find("REP"), 3, "apologies"));
    CHECK(run_rule("inquorate", yaml).size() == 1);
  }
}

TEST_CASE("inquorate: the record's own 'quorate' is checked against the count") {
  std::string two = R"(attendees:
  - id: a1
    name: Sam Worker
    capacity: professional
    role: Social worker
    agency: Children's services
    attendance: present
  - id: a2
    name: Hana Visitor
    capacity: professional
    role: Health visitor
    agency: Health board
    attendance: present
)";
  SUBCASE("'quorate: true' contradicted by the count") {
    CHECK(run_rule("inquorate", with("  quorate: true\n", two)) ==
          Messages{"conference.quorate: the record says 'quorate: true' but the conference was inquorate: 2 groupings "
                   "present in person or by representative (childrens-social-care, child-health); profile england's "
                   "quorum is 3 groupings including childrens-social-care"});
  }
  SUBCASE("'quorate: false' agrees with the count") {
    CHECK(run_rule("inquorate", with("  quorate: false\n", two)) ==
          Messages{"conference.quorate: the conference is recorded as inquorate ('quorate: false'): 2 groupings "
                   "present in person or by representative (childrens-social-care, child-health); profile england's "
                   "quorum is 3 groupings including childrens-social-care"});
  }
  SUBCASE("'quorate: false' although the count meets the quorum") {
    CHECK(run_rule("inquorate", with("  quorate: false\n", k_three)) ==
          Messages{"conference.quorate: the conference is recorded as inquorate ('quorate: false'): 3 groupings "
                   "present in person or by representative (childrens-social-care, child-health, police); profile "
                   "england's quorum is 3 groupings including childrens-social-care; by that count it would have "
                   "been quorate"});
  }
}

TEST_CASE("inquorate: no professional present at all") {
  std::string yaml = with("", R"(attendees:
  - id: a1
    name: Parent One
    capacity: parent
    attendance: present
)");
  CHECK(run_rule("inquorate", yaml) ==
        Messages{"conference: the conference was inquorate: no grouping present in person or by representative; "
                 "profile england's quorum is 3 groupings including childrens-social-care, and "
                 "childrens-social-care is absent"});
}

// --- inquorate-decision

TEST_CASE("inquorate-decision: fires when an inquorate conference decides without a reason") {
  SUBCASE("declared inquorate") {
    CHECK(run_rule("inquorate-decision", with("  quorate: false\n", k_three, k_decision)) ==
          Messages{"decisions[0].outcome: a decision was recorded (c1: plan) at an inquorate conference (recorded "
                   "'quorate: false') and conference.proceed-reason does not say why deciding was in the child's "
                   "interest: the chair should set a new date or record the reason to proceed"});
  }
  SUBCASE("inquorate by count") {
    std::string two = R"(attendees:
  - id: a1
    name: Sam Worker
    capacity: professional
    role: Social worker
    agency: Children's services
    attendance: present
  - id: a2
    name: Hana Visitor
    capacity: professional
    role: Health visitor
    agency: Health board
    attendance: present
)";
    CHECK(run_rule("inquorate-decision", with("", two, k_decision)) ==
          Messages{"decisions[0].outcome: a decision was recorded (c1: plan) at an inquorate conference (2 groupings "
                   "present in person or by representative (childrens-social-care, child-health); profile "
                   "england's quorum is 3 groupings including childrens-social-care) and "
                   "conference.proceed-reason does not say why deciding was in the child's interest: the chair "
                   "should set a new date or record the reason to proceed"});
  }
}

TEST_CASE("inquorate-decision: silent with a proceed-reason, without decisions, or when quorate") {
  SUBCASE("the chair recorded why proceeding was in the child's interest") {
    CHECK(run_rule("inquorate-decision",
                   with("  quorate: false\n  proceed-reason: Delay would leave the baby unprotected at birth.\n",
                        k_three, k_decision))
              .empty());
  }
  SUBCASE("a blank proceed-reason is no reason") {
    CHECK(
        run_rule("inquorate-decision", with("  quorate: false\n  proceed-reason: ' '\n", k_three, k_decision)).size() ==
        1);
  }
  SUBCASE("an inquorate conference that did not decide") {
    CHECK(run_rule("inquorate-decision", with("  quorate: false\n", k_three)).empty());
  }
  SUBCASE("a quorate conference that decided") {
    CHECK(run_rule("inquorate-decision", with("", k_three, k_decision)).empty());
  }
}

// --- non-voter-voted

TEST_CASE("non-voter-voted: fires when a parent or an observer is recorded as voting") {
  std::string attendees = std::string(k_three) + R"(  - id: a4
    name: Parent One
    capacity: parent
    attendance: present
  - id: a5
    name: Olly Observer
    capacity: observer
    attendance: present
    observer-request: 2026-03-01
)";
  std::string decisions = R"(decisions:
  - child: c1
    votes:
      - grouping: childrens-social-care
        by: a1
        vote: plan
      - grouping: child-health
        by: a4
        vote: no-plan
      - grouping: police
        by: a5
        vote: no-plan
    outcome: plan
    categories: [neglect]
)";
  CHECK(run_rule("non-voter-voted", with("", attendees, decisions)) ==
        Messages{"decisions[0].votes[1].by: a4 (Parent One) attends as parent, who is not party to the decision, yet "
                 "is recorded as casting the vote of grouping child-health for child c1: only the professional "
                 "groupings vote (profile england lists parent as non-voting)",
                 "decisions[0].votes[2].by: a5 (Olly Observer) attends as observer, who is not party to the "
                 "decision, yet is recorded as casting the vote of grouping police for child c1: only the "
                 "professional groupings vote (profile england lists observer as non-voting)"});
}

TEST_CASE("non-voter-voted: silent when only professionals vote") {
  std::string decisions = R"(decisions:
  - child: c1
    votes:
      - grouping: childrens-social-care
        by: a1
        vote: plan
      - grouping: child-health
        by: a2
        vote: plan
    outcome: plan
    categories: [neglect]
)";
  CHECK(run_rule("non-voter-voted", with("", k_three, decisions)).empty());
}

// --- absent-without-report

TEST_CASE("absent-without-report: fires for apologies with no report or a report without a risk view") {
  std::string attendees = std::string(k_three) + R"(  - id: a4
    name: Ed Teacher
    capacity: professional
    role: Teacher
    agency: Primary school
    attendance: apologies
  - id: a5
    name: Gill Practitioner
    capacity: professional
    role: General practitioner
    agency: Surgery
    attendance: apologies
    report:
      to-chair: 2026-03-17 09:00
)";
  CHECK(run_rule("absent-without-report", with("", attendees)) ==
        Messages{"attendees[3]: a4 (Ed Teacher, Teacher, Primary school) gave apologies and submitted no report: a "
                 "professional who cannot attend must still send a report with their own view of the risks to the "
                 "child",
                 "attendees[4].report: a5 (Gill Practitioner, General practitioner, Surgery) gave apologies and "
                 "their report has no 'risk-view': the report of a professional who cannot attend must include "
                 "their own view of the risks to the child"});
}

TEST_CASE("absent-without-report: silent for a report with a risk view, and for absent non-professionals") {
  std::string attendees = std::string(k_three) + R"(  - id: a4
    name: Ed Teacher
    capacity: professional
    role: Teacher
    agency: Primary school
    attendance: apologies
    report:
      risk-view: Attendance has dropped since January; I consider the risk of neglect continuing.
  - id: a5
    name: Parent Two
    capacity: parent
    attendance: apologies
)";
  CHECK(run_rule("absent-without-report", with("", attendees)).empty());
}

// --- absent-report-not-presented

namespace {

std::string absent_teacher(std::string_view represented_by, std::string_view colleague_agency,
                           std::string_view colleague_attendance) {
  return std::string(k_three) + R"(  - id: a4
    name: Ed Teacher
    capacity: professional
    role: Teacher
    agency: Hill Primary School
    attendance: apologies
)" + std::string(represented_by) +
         R"(    report:
      risk-view: Attendance has dropped since January.
  - id: a5
    name: Di Head
    capacity: professional
    role: Head teacher
    agency: )" +
         std::string(colleague_agency) + "\n    attendance: " + std::string(colleague_attendance) + "\n";
}

}  // namespace

TEST_CASE("absent-report-not-presented: silent when a present colleague of the same agency presented it") {
  CHECK(run_rule("absent-report-not-presented",
                 with("", absent_teacher("    represented-by: a5\n", "Hill Primary School", "present")))
            .empty());
  SUBCASE("agencies compared ignoring case and surrounding spaces") {
    CHECK(run_rule("absent-report-not-presented",
                   with("", absent_teacher("    represented-by: a5\n", "'hill primary school '", "present")))
              .empty());
  }
}

TEST_CASE("absent-report-not-presented: fires when nobody from the agency presented the report") {
  SUBCASE("no represented-by, a colleague of the agency present") {
    CHECK(run_rule("absent-report-not-presented", with("", absent_teacher("", "Hill Primary School", "present"))) ==
          Messages{"attendees[3]: a4 (Ed Teacher, Teacher, Hill Primary School) gave apologies and no "
                   "'represented-by' names who presented it (a5 of the same agency was present: record which of "
                   "them presented it): a representative of Hill Primary School should attend to present the "
                   "report"});
  }
  SUBCASE("no represented-by and nobody of the agency present") {
    CHECK(run_rule("absent-report-not-presented", with("", absent_teacher("", "Hill Primary School", "apologies"))) ==
          Messages{"attendees[3]: a4 (Ed Teacher, Teacher, Hill Primary School) gave apologies and no "
                   "'represented-by' names who presented it: a representative of Hill Primary School should attend "
                   "to present the report"});
  }
  SUBCASE("the representative was not present") {
    CHECK(run_rule("absent-report-not-presented",
                   with("", absent_teacher("    represented-by: a5\n", "Hill Primary School", "apologies"))) ==
          Messages{"attendees[3].represented-by: the report of a4 (Ed Teacher, Teacher, Hill Primary School), who "
                   "gave apologies, had nobody from that agency to present it: the representative a5 (Di Head) was "
                   "not present; a representative of Hill Primary School should attend to present it"});
  }
  SUBCASE("the representative is from another agency") {
    CHECK(run_rule("absent-report-not-presented",
                   with("", absent_teacher("    represented-by: a1\n", "Hill Primary School", "present"))) ==
          Messages{"attendees[3].represented-by: the report of a4 (Ed Teacher, Teacher, Hill Primary School), who "
                   "gave apologies, had nobody from that agency to present it: the representative a1 (Sam Worker) "
                   "is from Children's services, not from Hill Primary School; a representative of Hill Primary "
                   "School should attend to present it"});
  }
}

TEST_CASE("absent-report-not-presented: silent for an absent professional with no report") {
  std::string attendees = std::string(k_three) + R"(  - id: a4
    name: Ed Teacher
    capacity: professional
    role: Teacher
    agency: Hill Primary School
    attendance: apologies
)";
  CHECK(run_rule("absent-report-not-presented", with("", attendees)).empty());
}

// --- observer-not-requested

namespace {

std::string observer(std::string_view request) {
  return std::string(k_three) + R"(  - id: a4
    name: Olly Observer
    capacity: observer
    attendance: present
)" + std::string(request);
}

}  // namespace

TEST_CASE("observer-not-requested: silent for a request exactly a week before") {
  CHECK(run_rule("observer-not-requested", with("", observer("    observer-request: 2026-03-13\n"))).empty());
  CHECK(run_rule("observer-not-requested", with("", observer("    observer-request: 2026-02-20\n"))).empty());
}

TEST_CASE("observer-not-requested: fires for a late request or none") {
  SUBCASE("six days before") {
    CHECK(run_rule("observer-not-requested", with("", observer("    observer-request: 2026-03-14\n"))) ==
          Messages{"attendees[3].observer-request: observer a4 (Olly Observer) asked the chair on 2026-03-14, 6 days "
                   "before the conference of 2026-03-20: profile england needs a written request at least 7 days "
                   "before, by 2026-03-13"});
  }
  SUBCASE("on the day") {
    CHECK(run_rule("observer-not-requested", with("", observer("    observer-request: 2026-03-20\n"))) ==
          Messages{"attendees[3].observer-request: observer a4 (Olly Observer) asked the chair on 2026-03-20, on the "
                   "day of the conference of 2026-03-20: profile england needs a written request at least 7 days "
                   "before, by 2026-03-13"});
  }
  SUBCASE("no request recorded") {
    CHECK(run_rule("observer-not-requested", with("", observer(""))) ==
          Messages{"attendees[3]: observer a4 (Olly Observer) attended with no written request to the chair "
                   "recorded ('observer-request'): profile england needs one at least 7 days before the conference "
                   "of 2026-03-20, by 2026-03-13"});
  }
}

TEST_CASE("observer-not-requested: silent for an observer who did not attend") {
  std::string yaml = with("", std::string(k_three) + R"(  - id: a4
    name: Olly Observer
    capacity: observer
    attendance: apologies
)");
  CHECK(run_rule("observer-not-requested", yaml).empty());
}

// --- child-not-invited

namespace {

std::string child_born(std::string_view born, std::string_view extra = "") {
  return cpconf::test::record()
      .children("children:\n  - id: c1\n    name: Test Child\n    born: " + std::string(born) + "\n" +
                std::string(extra))
      .attendees(std::string(k_three))
      .str();
}

}  // namespace

TEST_CASE("child-not-invited: the tenth birthday on the conference day counts") {
  SUBCASE("tenth birthday on the conference day fires") {
    CHECK(run_rule("child-not-invited", child_born("2016-03-20")) ==
          Messages{"children[0]: child c1 (Test Child), born 2016-03-20, was 10 on the conference date 2026-03-20 "
                   "and was not invited (no 'invited: true') with no 'not-invited-reason': children aged 10 and over "
                   "are normally invited, and the record should say why one was not"});
  }
  SUBCASE("tenth birthday the day after the conference is silent") {
    CHECK(run_rule("child-not-invited", child_born("2016-03-21")).empty());
  }
  SUBCASE("born on 29 February: ten on 1 March of a common year") {
    CHECK(run_rule("child-not-invited", child_born("2016-02-29")).size() == 1);
  }
}

TEST_CASE("child-not-invited: fires at 'invited: false' without a reason") {
  CHECK(run_rule("child-not-invited", child_born("2012-01-05", "    invited: false\n")) ==
        Messages{"children[0].invited: child c1 (Test Child), born 2012-01-05, was 14 on the conference date "
                 "2026-03-20 and was not invited ('invited: false') with no 'not-invited-reason': children aged 10 "
                 "and over are normally invited, and the record should say why one was not"});
}

TEST_CASE("child-not-invited: silent when invited, attended, or a reason is given") {
  CHECK(run_rule("child-not-invited", child_born("2012-01-05", "    invited: true\n")).empty());
  CHECK(run_rule("child-not-invited", child_born("2012-01-05", "    attended: true\n")).empty());
  CHECK(
      run_rule("child-not-invited", child_born("2012-01-05",
                                               "    invited: false\n    not-invited-reason: Chose not to attend; views "
                                               "given to the social worker.\n"))
          .empty());
  CHECK(run_rule("child-not-invited", child_born("2019-05-01")).empty());
}

// --- many-professionals

namespace {

std::string professionals(int count) {
  std::string out = "attendees:\n";
  for (int i = 1; i <= count; ++i) {
    bool social = i <= 3;
    out +=
        fmt::format(R"(  - id: p{}
    name: Professional {}
    capacity: professional
    role: {}
    agency: {}
    attendance: present
)",
                    i, i, social ? "Social worker" : "Health visitor", social ? "Children's services" : "Health board");
  }
  return out + R"(  - id: x1
    name: Parent One
    capacity: parent
    attendance: present
  - id: x2
    name: Absent Constable
    capacity: professional
    role: Police constable
    agency: County police
    attendance: apologies
)";
}

}  // namespace

TEST_CASE("many-professionals: fires for eleven professionals present") {
  CHECK(run_rule("many-professionals", with("", professionals(11))) ==
        Messages{"attendees[10]: 11 professionals were present, more than profile england's advisory number of 10 "
                 "(by grouping: childrens-social-care 3, child-health 8)"});
}

TEST_CASE("many-professionals: silent for ten present, parents and apologies not counted") {
  CHECK(run_rule("many-professionals", with("", professionals(10))).empty());
}

// --- long-conference

TEST_CASE("long-conference: fires past two hours, also when the end falls on another day") {
  auto timed = [](std::string_view start, std::string_view end) {
    return fmt::format(R"(cpconf: 1
conference:
  id: t-1
  case: case-t
  kind: initial
  strategy-discussion: 2026-03-02
  start: {}
  end: {}
  chair: Test Chair
{}{})",
                       start, end, k_child, k_three);
  };
  CHECK(run_rule("long-conference", timed("2026-03-20 10:00", "2026-03-20 12:00")).empty());
  CHECK(run_rule("long-conference", timed("2026-03-20 10:00", "2026-03-20 12:01")) ==
        Messages{"conference.end: the conference ran 121 minutes (2 h 1 min, from 2026-03-20 10:00 to 2026-03-20 "
                 "12:01), longer than profile england's advisory length of 120 minutes (2 h)"});
  CHECK(run_rule("long-conference", timed("2026-03-20 23:00", "2026-03-21 01:30")) ==
        Messages{"conference.end: the conference ran 150 minutes (2 h 30 min, from 2026-03-20 23:00 to 2026-03-21 "
                 "01:30), longer than profile england's advisory length of 120 minutes (2 h)"});
}

TEST_CASE("long-conference: silent without an end") {
  std::string yaml = R"(cpconf: 1
conference:
  id: t-1
  case: case-t
  kind: initial
  strategy-discussion: 2026-03-02
  start: 2026-03-20 10:00
  chair: Test Chair
)" + std::string(k_child) +
                     std::string(k_three);
  CHECK(run_rule("long-conference", yaml).empty());
}

// --- professionals-only-meeting

TEST_CASE("professionals-only-meeting: fires only for a meeting held to avoid the family") {
  std::string meetings = R"(professionals-only:
  - held: 2026-03-20 09:00
    reason: Police intelligence about a third party that cannot lawfully be disclosed.
    avoids-family: false
  - held: 2026-03-19 14:00
    reason: The father is hostile and the school will not speak in front of him.
    avoids-family: true
)";
  CHECK(run_rule("professionals-only-meeting", with("", k_three, meetings)) ==
        Messages{"professionals-only[1].avoids-family: a professionals-only meeting was held on 2026-03-19 14:00 so "
                 "that the family would not hear what was shared (reason given: The father is hostile and the "
                 "school will not speak in front of him.): meetings that get round the conference suggest it is not "
                 "working, which should be escalated instead"});
}

// --- complaints-info-not-given

TEST_CASE("complaints-info-not-given: fires when disagreeing parents were not told how to complain") {
  auto decision = [](std::string_view extra) {
    return std::string(R"(decisions:
  - child: c1
    outcome: plan
    categories: [neglect]
    parents-disagree: true
)") + std::string(extra);
  };
  SUBCASE("complaints-info-given absent") {
    CHECK(run_rule("complaints-info-not-given", with("", k_three, decision(""))) ==
          Messages{"decisions[0].parents-disagree: the parents disagreed with the decision for child c1 (plan) and "
                   "the record does not show they were told how to complain or appeal (no 'complaints-info-given: "
                   "true'): the chair must make sure they are given the appeal and complaint process"});
  }
  SUBCASE("complaints-info-given false") {
    CHECK(run_rule("complaints-info-not-given", with("", k_three, decision("    complaints-info-given: false\n"))) ==
          Messages{"decisions[0].complaints-info-given: the parents disagreed with the decision for child c1 (plan) "
                   "and the record does not show they were told how to complain or appeal ('complaints-info-given: "
                   "false'): the chair must make sure they are given the appeal and complaint process"});
  }
  SUBCASE("complaints-info-given true is silent") {
    CHECK(run_rule("complaints-info-not-given", with("", k_three, decision("    complaints-info-given: true\n")))
              .empty());
  }
}

TEST_CASE("complaints-info-not-given: silent when the parents agree") {
  CHECK(run_rule("complaints-info-not-given", with("", k_three, k_decision)).empty());
}
