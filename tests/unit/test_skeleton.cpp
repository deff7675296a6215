#include <algorithm>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "cpconf/derive/calendar.hpp"
#include "cpconf/load/record_reader.hpp"
#include "cpconf/skeleton/skeleton.hpp"
#include "cpconf/source/profile_reader.hpp"
#include "support.hpp"

// Dates below were counted by hand on a calendar of England and Wales: 2026-05-04 is the Early
// May bank holiday, 2026-04-03 Good Friday and 2026-04-06 Easter Monday, 2026-05-25 the Spring
// bank holiday.
namespace {

using namespace cpconf;

Date d(std::string_view text) {
  auto date = parse_date(text);
  REQUIRE_MESSAGE(date.has_value(), "bad test date " << text);
  return *date;
}

std::string new_skeleton(ConferenceKind kind, std::string case_id = "", std::optional<Date> date = std::nullopt,
                         const std::string& profile_name = "england") {
  Profile profile = load_profile(profile_name);
  Calendar calendar(profile.closure_days);
  return new_record_skeleton({kind, std::move(case_id), date, "conference.schema.json"}, profile, calendar);
}

// "line:column rule path: message", a line for each finding the loader gives.
std::string load_findings(const std::string& yaml) {
  std::string out;
  for (const auto& f : load_record(yaml, "new.yaml").findings) {
    out += fmt::format("{}:{} {} {}: {}\n", f.location.line, f.location.column, f.rule, f.path, f.message);
  }
  return out;
}

// Gives every empty value outside comments the value a user would type.
std::string fill_in(const std::string& yaml) {
  static const std::map<std::string, std::string> k_values{{"id", "x-1"},
                                                           {"strategy-discussion", "2026-02-20"},
                                                           {"notified", "2026-02-20"},
                                                           {"previous", "x-0"},
                                                           {"start", "2026-03-10 10:00"},
                                                           {"chair", "Eleri Price"},
                                                           {"name", "Mia Ash"},
                                                           {"born", "2019-05-01"},
                                                           {"expected", "2026-07-01"},
                                                           {"agency", "Afonwen Children's Services"},
                                                           {"case", "AFW-9"}};
  static const std::regex k_empty(R"(^(\s*)(- )?([a-z-]+):\s*(#.*)?$)");
  std::string out;
  std::size_t start = 0;
  while (start < yaml.size()) {
    std::size_t end = yaml.find('\n', start);
    std::string line = yaml.substr(start, end - start);
    std::smatch m;
    if (std::regex_match(line, m, k_empty) && k_values.contains(m[3].str())) {
      line = m[1].str() + m[2].str() + m[3].str() + ": " + k_values.at(m[3].str());
    }
    out += line + "\n";
    start = end + 1;
  }
  return out;
}

const char* const k_previous = R"yaml(cpconf: 1
conference:
  id: ash-icpc-2026-02-04
  case: AFW-9
  kind: initial
  profile: north-wales
  strategy-discussion: 2026-01-20
  start: 2026-02-04 10:30
  chair: Eleri Price
children:
  - id: c1
    person: P-1
    name: Mia Ash
    born: 2019-05-01
  - id: c2
    name: Leo Ash
    born: 2021-08-09
attendees:
  - id: a1
    name: Sam Lloyd
    role: Social Worker
    agency: Afonwen Children's Services
    capacity: professional
    attendance: present
    children: [c1, c2]
  - id: a2
    name: "DC Huw: Jones"
    role: Detective Constable
    agency: Afonwen Police
    capacity: professional
    attendance: apologies
    represented-by: a1
  - id: a3
    name: Ann Bell
    role: Health Visitor
    agency: Afonwen Health Board
    capacity: professional
    attendance: present
    children: [c2]
  - id: a4
    name: Jo Reed
    capacity: observer
    attendance: present
    observer-request: 2026-01-26
  - id: a5
    name: Kay Ash
    capacity: parent
    attendance: present
    children: [c1, c2]
  - id: a6
    name: Lee Moss
    role: Family Worker
    agency: Integrated Family Support
    capacity: professional
    attendance: present
    children: [c1]
groupings:
  - id: ifss
    name: Integrated Family Support Service
    rationale: A multi-agency team with one vote.
    members: [a6]
decisions:
  - child: c1
    outcome: plan
    categories: [neglect]
  - child: c2
    outcome: no-plan
)yaml";

}  // namespace

TEST_CASE("skeleton: a new initial record lists exactly its empty required values as missing fields") {
  CHECK(load_findings(new_skeleton(ConferenceKind::initial, "AFW-9")) ==
        "7:3 missing-field conference.id: required key 'id' has no value in 'conference'\n"
        "11:3 missing-field conference.strategy-discussion: required key 'strategy-discussion' has no value in "
        "'conference'\n"
        "13:3 missing-field conference.start: required key 'start' has no value in 'conference'\n"
        "15:3 missing-field conference.chair: required key 'chair' has no value in 'conference'\n"
        "24:5 missing-field children[0].name: required key 'name' has no value in 'children[0]'\n"
        "22:5 missing-field children[0].born: required key 'born' (date of birth) is missing in 'children[0]'\n"
        "37:5 missing-field attendees[0].name: required key 'name' has no value in 'attendees[0]'\n"
        "39:5 missing-field attendees[0].agency: required key 'agency' has no value in 'attendees[0]'\n"
        "49:5 missing-field attendees[1].name: required key 'name' has no value in 'attendees[1]'\n");
}

TEST_CASE("skeleton: every kind loads with no finding once its empty values are filled in") {
  for (auto kind :
       {ConferenceKind::initial, ConferenceKind::pre_birth, ConferenceKind::review, ConferenceKind::transfer_in}) {
    CAPTURE(name_of(kind));
    std::string filled = fill_in(new_skeleton(kind));
    CHECK(load_findings(filled) == "");
    CHECK(load_record(filled, "new.yaml").record.has_value());
  }
}

TEST_CASE("skeleton: the case and date give the id, the start and the deadlines") {
  // Transfer-in on Tuesday 2026-03-10: reports 48 hours before, 2026-03-08 10:00; core group
  // 10 working days after, 2026-03-24; minutes 20 working days after, 2026-04-09 (Good Friday
  // and Easter Monday skipped); the first review 3 months after, 2026-06-10.
  std::string yaml = new_skeleton(ConferenceKind::transfer_in, "AFW-9", d("2026-03-10"));
  CHECK(yaml.starts_with("# yaml-language-server: $schema=conference.schema.json\ncpconf: 1\n"));
  auto between = [&](std::string_view from, std::string_view to) {
    auto begin = yaml.find(from);
    REQUIRE(begin != std::string::npos);
    return yaml.substr(begin, yaml.find(to, begin) - begin);
  };
  CHECK(between("conference:", "\n\n") ==
        "conference:\n"
        "  id: AFW-9-transfer-in-2026-03-10 # unique: a later review names it as its previous conference\n"
        "  case: AFW-9\n"
        "  kind: transfer-in\n"
        "  profile: england            # the local procedure: england, north-wales, west-berkshire\n"
        "  notified:                   # YYYY-MM-DD: written notification of the move\n"
        "  start: 2026-03-10 10:00     # check the time; within 15 working days of the written notification\n"
        "  end:                        # YYYY-MM-DD HH:MM\n"
        "  chair:\n"
        "  quorate:                    # true or false: were enough agencies present to decide?\n"
        "  # Once the chair signs the record off: sign-off: {by: NAME, on: YYYY-MM-DD}");
  CHECK(between("      to-chair:", "\n") ==
        "      to-chair:               # YYYY-MM-DD HH:MM, at least 48 hours before: by 2026-03-08 10:00");
  CHECK(between("follow-up:", "\n\n") ==
        "follow-up:\n"
        "  # Fill in as each is done; the deadlines are those of profile england.\n"
        "  plan-sent:                  # YYYY-MM-DD HH:MM, within 24 hours of the end\n"
        "  # Amendments to the plan: amendments: [{by: ATTENDEE, received: YYYY-MM-DD}]\n"
        "  core-group:                 # YYYY-MM-DD, within 10 working days: by 2026-03-24\n"
        "  minutes-sent:               # YYYY-MM-DD, within 20 working days: by 2026-04-09\n"
        "  next-review:                # YYYY-MM-DD, within 3 months while there is a plan: by 2026-06-10");
}

TEST_CASE("skeleton: a review carries the children on a plan, the people invited and the plan forward") {
  // The previous initial conference was on Wednesday 2026-02-04; 3 months later is Monday
  // 2026-05-04, a bank holiday, so the review is on Friday 2026-05-01, at the same time. Its
  // reports are due 5 working days before, on 2026-04-24; its minutes 20 working days after,
  // on 2026-06-02 (2026-05-04 and 2026-05-25 skipped); the next review 6 months after,
  // 2026-11-01. Leo has no plan, Ann Bell worked only with him and Jo Reed observed once, so
  // they are left out; the police officer's vote row comes from the profile's keyword "police",
  // the family worker's from the chair's grouping.
  Record previous = test::record_from(k_previous);
  Profile profile = load_profile("north-wales");
  Calendar calendar(profile.closure_days);
  std::string yaml = review_skeleton(
      previous, "prev.yaml", {ConferenceKind::review, "", std::nullopt, "conference.schema.json"}, profile, calendar);
  CHECK(yaml == R"yaml(# yaml-language-server: $schema=conference.schema.json
cpconf: 1
# A review conference following ash-icpc-2026-02-04 (prev.yaml), written by 'cpconf new': the
# case, the chair, the children still on a plan and the people invited are carried forward
# from it. Left out: Leo Ash (c2), who has no plan; Ann Bell (a3, professional), involved only
# with children who have no plan; Jo Reed (a4, observer), who came once.
# Fill in the empty values ('cpconf validate' lists each one still empty), correct what does
# not apply, and see cpconf-record(5) for every key.
conference:
  id: AFW-9-review-2026-05-01 # unique: a later review names it as its previous conference
  case: AFW-9
  kind: review
  profile: north-wales        # the local procedure: england, north-wales, west-berkshire
  previous: ash-icpc-2026-02-04 # the id of the conference before this one
  start: 2026-05-01 10:30     # the last working day by the due date (the first review is due within 3 months of 2026-02-04, by 2026-05-04); check the time
  end:                        # YYYY-MM-DD HH:MM
  chair: Eleri Price          # as at the previous conference
  quorate:                    # true or false: were enough agencies present to decide?
  # Once the chair signs the record off: sign-off: {by: NAME, on: YYYY-MM-DD}

children:
  # The children still on a plan after ash-icpc-2026-02-04.
  - id: c1
    person: P-1
    name: Mia Ash
    born: 2019-05-01
    invited:                  # true or false: children of 10 and over are normally invited
    not-invited-reason:       # why a child of 10 or over was not invited

attendees:
  # Those at the previous conference: set attendance to apologies for anyone absent, remove
  # anyone not invited, and add newcomers with new ids. Each professional's report for this
  # conference goes under report.
  # A professional (capacity: professional) needs a role and an agency, and belongs to a
  # grouping: childrens-social-care, child-health, youth-justice, adult-social-care,
  # adult-health, police, probation, housing, education, early-years, voluntary. Other
  # capacities: parent, child, family-member, supporter, advocate, legal-representative,
  # inspectorate, cafcass, carer, observer.
  - id: a1
    name: Sam Lloyd
    role: Social Worker
    agency: Afonwen Children's Services
    capacity: professional
    attendance: present       # check: present or apologies
    children: [c1]
    report:
      to-chair:               # YYYY-MM-DD HH:MM, at least 5 working days before: by 2026-04-24
      to-family:              # YYYY-MM-DD HH:MM, as for the chair
      risk-view:              # the agency's own view of the risk
  - id: a2
    name: "DC Huw: Jones"
    role: Detective Constable
    agency: Afonwen Police
    capacity: professional
    attendance: present       # check: present or apologies
    report:
      to-chair:               # YYYY-MM-DD HH:MM, at least 5 working days before: by 2026-04-24
      to-family:              # YYYY-MM-DD HH:MM, as for the chair
      risk-view:              # the agency's own view of the risk
  - id: a5
    name: Kay Ash
    capacity: parent
    attendance: present       # check: present or apologies
    children: [c1]
  - id: a6
    name: Lee Moss
    role: Family Worker
    agency: Integrated Family Support
    capacity: professional
    attendance: present       # check: present or apologies
    children: [c1]
    report:
      to-chair:               # YYYY-MM-DD HH:MM, at least 5 working days before: by 2026-04-24
      to-family:              # YYYY-MM-DD HH:MM, as for the chair
      risk-view:              # the agency's own view of the risk

groupings:
  # The groupings the chair decided at the previous conference, with the reasons then given.
  - id: ifss
    name: Integrated Family Support Service
    rationale: A multi-agency team with one vote.
    members: [a6]

# The decisions, one per child, once the conference has made them: remove the '# ' to begin.
# Each grouping votes; a 50/50 split is settled by the chair's casting-vote.
# decisions:
#   - child: c1
#     consensus:              # true or false; when false, resolution-tried
#     votes:                  # each grouping's view, given by its lead person
#       - grouping: childrens-social-care
#         by: a1
#         vote:               # plan or no-plan
#         reasoning:
#       - grouping: police
#         by: a2
#         vote:               # plan or no-plan
#         reasoning:
#       - grouping: ifss
#         by: a6
#         vote:               # plan or no-plan
#         reasoning:
#     outcome:                # plan: the plan continues; no-plan: it ends
#     categories: [neglect]   # the plan's categories so far

follow-up:
  # Fill in as each is done; the deadlines are those of profile north-wales.
  plan-sent:                  # YYYY-MM-DD HH:MM, within 24 hours of the end
  # Amendments to the plan: amendments: [{by: ATTENDEE, received: YYYY-MM-DD}]
  minutes-sent:               # YYYY-MM-DD, within 20 working days: by 2026-06-02
  next-review:                # YYYY-MM-DD, within 6 months while there is a plan: by 2026-11-01

# What was shared, each point marked fact, observation, allegation or opinion; an opinion
# gives its evidence, second-hand information its source. Remove the '# ' to begin.
# information:
#   - point:
#     basis:                  # fact, observation, allegation or opinion
#     by: a1
)yaml");
  CHECK(load_findings(yaml) == "");
}

TEST_CASE("skeleton: a review's date") {
  Profile profile = load_profile("england");
  Calendar calendar(profile.closure_days);
  auto review_date = [&](std::string_view kind, std::string_view start, std::string_view next_review) {
    std::string yaml = fmt::format(
        "cpconf: 1\nconference:\n  id: p\n  case: c\n  kind: {}\n  {}\n  start: {} 10:00\n  chair: C\n"
        "children:\n  - id: c1\n    name: N\n    born: 2019-05-01\nattendees: []\n{}",
        kind, kind == "review" ? "previous: q" : "strategy-discussion: 2025-01-02", start,
        next_review.empty() ? "" : fmt::format("follow-up:\n  next-review: {}\n", next_review));
    LoadedRecord loaded = load_record(yaml, "p.yaml");
    REQUIRE(loaded.record.has_value());
    return default_review_date(*loaded.record, profile, calendar).str();
  };
  SUBCASE("the date the previous conference set") {
    CHECK(review_date("initial", "2026-03-13", "2026-05-20") == "2026-05-20");
  }
  SUBCASE("3 months after an initial conference, on a working day") {
    CHECK(review_date("initial", "2026-03-10", "") == "2026-06-10");  // Wednesday
  }
  SUBCASE("a due date on a Saturday moves back to the Friday") {
    CHECK(review_date("initial", "2026-03-13", "") == "2026-06-12");  // 2026-06-13 is a Saturday
  }
  SUBCASE("a due date on a bank holiday moves back to the working day before") {
    CHECK(review_date("initial", "2026-02-04", "") == "2026-05-01");  // 2026-05-04: Early May bank holiday
  }
  SUBCASE("6 months after a review") { CHECK(review_date("review", "2025-12-09", "") == "2026-06-09"); }
}

TEST_CASE("skeleton: no review follows a conference that ended every child's plan") {
  std::string ended = std::regex_replace(std::string(k_previous), std::regex("outcome: plan"), "outcome: no-plan");
  Record previous = test::record_from(ended);
  Profile profile = load_profile("north-wales");
  Calendar calendar(profile.closure_days);
  try {
    review_skeleton(previous, "prev.yaml", {ConferenceKind::review, "", std::nullopt, "s.json"}, profile, calendar);
    FAIL("no InputError");
  } catch (const InputError& error) {
    CHECK(std::string(error.what()) ==
          "'prev.yaml': conference ash-icpc-2026-02-04 ended the plan of every child, so no review follows it");
    CHECK(error.file() == "prev.yaml");
  }
}

TEST_CASE("skeleton: a value is plain YAML only when it cannot be read as anything else") {
  CHECK(yaml_scalar("Marlbridge Children's Services") == "Marlbridge Children's Services");
  CHECK(yaml_scalar("Dr Alison Kerr") == "Dr Alison Kerr");
  CHECK(yaml_scalar("Siân Roberts") == "Siân Roberts");
  CHECK(yaml_scalar("DC Huw: Jones") == "\"DC Huw: Jones\"");  // ": " would start a mapping
  CHECK(yaml_scalar("Room 4 #2") == "\"Room 4 #2\"");          // " #" would start a comment
  CHECK(yaml_scalar("204118") == "\"204118\"");                // a number
  CHECK(yaml_scalar("2026-03-10") == "\"2026-03-10\"");        // a date
  CHECK(yaml_scalar("yes") == "\"yes\"");                      // a boolean to YAML 1.1
  CHECK(yaml_scalar("Null") == "\"Null\"");
  CHECK(yaml_scalar("-a") == "\"-a\"");  // a list item
  CHECK(yaml_scalar("'quoted'") == "\"'quoted'\"");
  CHECK(yaml_scalar("say \"hi\"") == "say \"hi\"");  // quotes inside are plain text
  CHECK(yaml_scalar("two\nlines") == "\"two\\nlines\"");
  CHECK(yaml_scalar("") == "\"\"");
  CHECK(yaml_scalar("trailing ") == "\"trailing \"");
  CHECK(yaml_scalar("a,b") == "a,b");
  CHECK(yaml_scalar("a,b", true) == "\"a,b\"");  // would split a [a, b] list
  CHECK(yaml_scalar("c[1]", true) == "\"c[1]\"");
}
