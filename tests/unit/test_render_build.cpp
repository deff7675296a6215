#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "cpconf/render/build.hpp"
#include "cpconf/source/profile_reader.hpp"
#include "support.hpp"

namespace {

using Strings = std::vector<std::string>;

constexpr std::string_view k_head = R"(cpconf: 1
conference:
  id: t-1
  case: case-t
  kind: initial
  strategy-discussion: 2026-03-02
  start: 2026-03-20 10:00
  end: 2026-03-20 11:30
  chair: Jo Chair
children:
  - {id: c1, person: P-1, name: Ann Test, born: 2019-05-01}
attendees:
  - {id: a1, name: Sam Shah, capacity: professional, role: Social worker, agency: Children's services, grouping: childrens-social-care, attendance: present}
  - {id: a2, name: Hana Hill, capacity: professional, role: Health visitor, agency: Health board, grouping: child-health, attendance: present}
  - {id: a3, name: Dev Dean, capacity: professional, role: Detective constable, agency: Police, grouping: police, attendance: apologies, represented-by: a6, report: {to-chair: 2026-03-17 10:00}}
  - {id: a4, name: Tia Todd, capacity: professional, role: Teacher, agency: School, grouping: education, attendance: present}
  - {id: a5, name: Pat Test, capacity: parent, attendance: present}
  - {id: a6, name: Sue Sale, capacity: professional, role: Police sergeant, agency: Police, grouping: police, attendance: present}
decisions:
  - child: c1
)";

std::string vote(std::string_view grouping, std::string_view by, std::string_view value) {
  return fmt::format("      - {{grouping: {}, by: {}, vote: {}}}\n", grouping, by, value);
}

cpconf::Document build(const std::string& decision, const std::string& profile_name = "north-wales",
                       cpconf::Redaction redaction = cpconf::Redaction::none,
                       const cpconf::FileReport* report = nullptr) {
  cpconf::Record record = cpconf::test::record_from(std::string(k_head) + decision);
  cpconf::Profile profile = cpconf::load_profile(profile_name);
  cpconf::BuildOptions options;
  options.redaction.level = redaction;
  options.as_of = {2026, 11, 22};
  return cpconf::build_document(record, profile, report, options);
}

const cpconf::Section& section(const cpconf::Document& d, std::string_view anchor) {
  for (const auto& s : d.sections) {
    if (s.anchor == anchor) return s;
  }
  FAIL("no section " << anchor);
  return d.sections.front();
}

std::string entry(const cpconf::Document& d, std::string_view anchor, std::string_view label) {
  for (const auto& block : section(d, anchor).blocks) {
    if (const auto* list = std::get_if<cpconf::EntryList>(&block)) {
      for (const auto& e : list->entries) {
        if (e.label == label) return e.value.text;
      }
    }
  }
  return "(none)";
}

Strings anchors(const cpconf::Document& d) {
  Strings out;
  for (const auto& s : d.sections) out.push_back(s.anchor);
  return out;
}

}  // namespace

TEST_CASE("render document: how each decision was reached, in the procedure's words") {
  std::string four_votes = vote("childrens-social-care", "a1", "plan") + vote("child-health", "a2", "plan") +
                           vote("police", "a6", "plan") + vote("education", "a4", "no-plan");
  SUBCASE("consensus") {
    auto d = build("    consensus: true\n    votes:\n" + vote("childrens-social-care", "a1", "plan") +
                   vote("child-health", "a2", "plan") + "    outcome: plan\n    categories: [neglect]\n");
    CHECK(entry(d, "decision-1", "How it was reached") == "By consensus (2 votes for a plan, 0 for no plan).");
    CHECK(entry(d, "decision-1", "Decision") == "Child protection plan");
    CHECK(entry(d, "decision-1", "Category of abuse") == "Neglect");
    CHECK(section(d, "decision-1").title == "Ann Test: child protection plan");
  }
  SUBCASE("a majority after the chair tried to resolve the differences, with the dissent listed") {
    auto d = build("    consensus: false\n    resolution-tried: true\n    votes:\n" + four_votes +
                   "    outcome: plan\n    categories: [physical]\n    dissent: [education]\n");
    CHECK(entry(d, "decision-1", "How it was reached") ==
          "No consensus was reached; the chair tried to resolve the differences; the groupings voted: "
          "3 votes for a plan, 1 for no plan.");
    CHECK(entry(d, "decision-1", "Dissenting groupings") == "Education");
  }
  SUBCASE("a 50/50 split decided by the chair's casting vote") {
    auto d = build(
        "    consensus: false\n    resolution-tried: true\n    votes:\n" +
        vote("childrens-social-care", "a1", "no-plan") + vote("child-health", "a2", "plan") +
        "    casting-vote: plan\n    outcome: plan\n    categories: [neglect]\n    dissent: [childrens-social-care]\n");
    CHECK(entry(d, "decision-1", "How it was reached") ==
          "No consensus was reached; the chair tried to resolve the differences; the groupings voted: "
          "1 vote for a plan, 1 for no plan; the chair's casting vote was for a plan.");
  }
  SUBCASE("an over-rule, with its rationale, where the chair decides on the views") {
    auto d = build("    consensus: false\n    votes:\n" + four_votes +
                       "    outcome: no-plan\n    over-rule: {rationale: New police information.}\n"
                       "    dissent: [childrens-social-care, child-health, police]\n",
                   "west-berkshire");
    CHECK(entry(d, "decision-1", "How it was reached") ==
          "No consensus was reached; the chair decided on the professionals' views: 3 views for a plan, "
          "1 for no plan; the chair over-ruled the majority: New police information.");
    CHECK(entry(d, "decision-1", "Dissenting groupings") == "Children's social care, Child health services, Police");
    CHECK(section(d, "decision-1").title == "Ann Test: no child protection plan");
  }
  SUBCASE("the vote bar counts what the tally counts") {
    auto d = build("    consensus: false\n    votes:\n" + four_votes + "    outcome: plan\n");
    const auto& bar = std::get<cpconf::VoteBar>(section(d, "decision-1").blocks[1]);
    CHECK(bar.plan == 3);
    CHECK(bar.no_plan == 1);
    CHECK(bar.description ==
          "Votes 3-1: 3 for a plan (Children's social care, Child health services, Police); "
          "1 for no plan (Education).");
  }
}

TEST_CASE("render document: attendance by grouping, non-voting attendees and apologies") {
  auto d = build("    consensus: true\n    outcome: no-plan\n");
  const auto& blocks = section(d, "attendance").blocks;
  CHECK(std::get<cpconf::Paragraph>(blocks[0]).text.text ==
        "Present: 4 professionals in 4 groupings, and 1 other attendee. Apologies: 1.");
  const auto& grouped = std::get<cpconf::Table>(blocks[1]);
  Strings labels;
  for (const auto& g : grouped.groups) labels.push_back(g.label);
  CHECK(labels == Strings{"Children's social care", "Child health services", "Education", "Police"});
  const auto& apologies = std::get<cpconf::Table>(blocks[3]);
  REQUIRE(apologies.groups.size() == 1);
  const auto& row = apologies.groups[0].rows[0];
  CHECK(row[0].text == "Dev Dean");
  CHECK(row[1].text == "Police");
  CHECK(row[3].text == "presented by Sue Sale");
}

TEST_CASE("render document: sections appear when the record has something for them") {
  auto d = build("    consensus: true\n    outcome: no-plan\n");
  CHECK(anchors(d) == Strings{"details", "children", "attendance", "reports", "decisions", "decision-1", "follow-up"});
  cpconf::FileReport report;
  report.findings.push_back(
      {"category-missing", cpconf::Severity::error, "test.yaml", {20, 5}, "decisions[0]", "no category"});
  auto with = build("    consensus: true\n    outcome: no-plan\n", "north-wales", cpconf::Redaction::none, &report);
  CHECK(anchors(with).back() == "findings");
  const auto& table = std::get<cpconf::Table>(section(with, "findings").blocks[1]);
  CHECK(table.groups[0].rows[0][0].text == "20:5");
  CHECK(table.groups[0].rows[0][3].text == "no category (at decisions[0])");
  cpconf::FileReport clean;
  CHECK(anchors(build("    consensus: true\n    outcome: no-plan\n", "north-wales", cpconf::Redaction::none, &clean))
            .back() == "follow-up");
}

TEST_CASE("render document: redaction gives ages, not dates of birth or person numbers") {
  auto plain = build("    consensus: true\n    outcome: no-plan\n");
  const auto& children = std::get<cpconf::Table>(section(plain, "children").blocks[0]);
  // Born 2019-05-01, conference 2026-03-20: 6 years old.
  CHECK(children.groups[0].rows[0][1].text == "1 May 2019 (age 6)");
  CHECK(children.groups[0].rows[0][2].text == "P-1");
  auto redacted = build("    consensus: true\n    outcome: no-plan\n", "north-wales", cpconf::Redaction::family);
  const auto& table = std::get<cpconf::Table>(section(redacted, "children").blocks[0]);
  CHECK(table.columns[1].header == "Age");
  CHECK(table.columns[2].header == "Invited");
  CHECK(table.groups[0].rows[0][0].text == "A.T.");
  CHECK(table.groups[0].rows[0][1].text == "6");
  CHECK(redacted.notices.size() == 1);
  CHECK(entry(redacted, "details", "Chair") == "Jo Chair");
  auto all = build("    consensus: true\n    outcome: no-plan\n", "north-wales", cpconf::Redaction::all);
  CHECK(entry(all, "details", "Chair") == "the chair");
}
