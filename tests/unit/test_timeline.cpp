#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "cpconf/derive/calendar.hpp"
#include "cpconf/source/profile_reader.hpp"
#include "cpconf/timeline/case_chain.hpp"
#include "cpconf/timeline/due_list.hpp"
#include "cpconf/timeline/format.hpp"
#include "cpconf/timeline/timeline.hpp"
#include "support.hpp"

// Expected dates and counts were worked out by hand on a calendar of England and Wales bank
// holidays; the working days are listed in the comments so that each can be checked.
namespace {

using namespace cpconf;

Date d(std::string_view text) { return *parse_date(text); }

// "2026-03-22 10:00 report-to-family:a1 missed 839 minutes": one line per entry, whole.
std::string line(const TimelineEntry& e) {
  std::string out = e.date().str() + " " + e.kind;
  if (!e.key.empty()) out += ":" + e.key;
  out += " " + std::string(state_name(e.state));
  if (e.amount) out += " " + lateness_text(*e.amount);
  if (!e.note.empty()) out += " (" + e.note + ")";
  return out;
}

// Whole lists are compared as one string, one item a line, so that a failure shows both in full.
std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += item + "\n";
  return out;
}

std::string lines(const std::vector<TimelineEntry>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(line(e));
  return joined(out);
}

Timeline timeline_of(std::string_view yaml, Date as_of) {
  Record record = test::record_from(yaml);
  Profile profile = load_profile(record.conference.profile.value_or(std::string("england")));
  Calendar calendar(profile.closure_days);
  return build_timeline(record, profile, calendar, as_of);
}

// An initial conference on Tuesday 24 March 2026, before Easter (3 and 6 April).
constexpr std::string_view k_initial = R"(cpconf: 1
conference:
  id: t-icpc
  case: T-1
  kind: initial
  profile: england
  strategy-discussion: 2026-03-13
  start: 2026-03-24 10:00
  end: 2026-03-24 11:30
  chair: Chair One
children:
  - id: c1
    name: Amy Test
    born: 2019-05-01
attendees:
  - id: a1
    name: Sam Worker
    capacity: professional
    role: Social worker
    agency: Testshire Children's Services
    attendance: present
    report:
      to-chair: 2026-03-20 12:00
      to-family: 2026-03-22
  - id: a2
    name: Jo Visitor
    capacity: professional
    role: Health visitor
    agency: Testshire Community Health
    attendance: present
    report:
      to-chair: 2026-03-21 09:00
  - id: a3
    name: Lee Officer
    capacity: professional
    role: Police constable
    agency: Testshire Police
    attendance: present
decisions:
  - child: c1
    outcome: plan
    categories: [neglect]
    chair-concern:
      concern: The plan does not address the risk from a new partner.
      escalated-to: Head of Service
      escalated-on: 2026-03-25 09:00
follow-up:
  plan-sent: 2026-03-24 16:00
  amendments:
    - by: a2
      received: 2026-04-01
  next-review: 2026-06-16
)";

// A review still to come on Monday 11 May 2026, after the early May bank holiday (4 May).
constexpr std::string_view k_future_review = R"(cpconf: 1
conference:
  id: t-rcpc
  case: T-2
  kind: review
  profile: england
  previous: t-icpc-2
  start: 2026-05-11 10:00
  chair: Chair Two
children:
  - id: c1
    name: Ben Test
    born: 2020-01-01
attendees:
  - id: a1
    name: Sam Worker
    capacity: professional
    role: Social worker
    agency: Testshire Children's Services
    attendance: present
    report:
      to-chair: 2026-04-30 15:00
  - id: a2
    name: Jo Visitor
    capacity: professional
    role: Health visitor
    agency: Testshire Community Health
    grouping: child-health
    attendance: apologies
  - id: o1
    name: Student Observer
    capacity: observer
    attendance: present
)";

}  // namespace

TEST_CASE("timeline: every event and deadline of a held initial conference, in order, as of a day") {
  Timeline t = timeline_of(k_initial, d("2026-04-14"));
  CHECK(t.conference_id == "t-icpc");
  CHECK(t.profile == "england");
  // Reports: 48 clock hours before Tue 24 March 10:00 is Sun 22 March 10:00. A bare date is taken
  // at 23:59, 13 h 59 min late. Jo Visitor's report never reached the family; Lee Officer sent none.
  // Plan: 24 hours after the end, Wed 25 March 11:30. Escalation: 1 working day, Wed 25 March.
  // Amendments: 5 working days from the plan on 24 March: 25 26 27 30 31 -> 31 March; one came
  // on 1 April. Initial conference: 15 working days from Fri 13 March: 16..20 (5) 23..27 (10)
  // 30 31 1 2 (14), Easter 3 and 6 April, 7 April (15). Core group: 10 working days from 24
  // March: 25 26 27 30 31 1 2 (7), Easter, 7 8 9 (10) -> 9 April, not recorded, and as of 14
  // April 3 working days overdue (10, 13, 14). Minutes: 20 working days: 9 April was day 10, then
  // 10 13 14 15 16 17 20 21 22 23 -> 23 April, 7 working days after 14 April (15 16 17 20 21 22 23).
  // First review: set for 16 June, before the latest allowed 24 June (3 months); 43 working days
  // after 14 April (April 15-30: 12; May: 19, without 4 and 25 May; June 1-16: 12).
  std::vector<std::string> expected = {
      "2026-03-13 strategy-discussion event",
      "2026-03-22 10:00 report-to-family:a1 missed 13 hours 59 minutes",
      "2026-03-22 10:00 report-to-family:a2 missed (none recorded)",
      "2026-03-22 10:00 report-to-family:a3 not-applicable (no report recorded)",
      "2026-03-22 10:00 report-to-chair:a1 met",
      "2026-03-22 10:00 report-to-chair:a2 met",
      "2026-03-22 10:00 report-to-chair:a3 not-applicable (no report recorded)",
      "2026-03-24 10:00 conference event",
      "2026-03-25 11:30 plan met",
      "2026-03-25 chair-escalation:c1 met",
      "2026-03-31 amendment:amendments[0] missed 1 working day",
      "2026-03-31 amendment-window closed",
      "2026-04-07 initial-conference met",
      "2026-04-09 core-group overdue 3 working days",
      "2026-04-23 minutes due 7 working days",
      "2026-06-16 next-review due 43 working days (date set; the latest allowed is 2026-06-24)",
  };
  CHECK(lines(t.entries) == joined(expected));
  StateCounts n = count_states(t.entries);
  CHECK(n.met == 5);
  CHECK(n.missed == 3);
  CHECK(n.overdue == 1);
  CHECK(n.due == 2);
  CHECK(n.not_applicable == 2);
}

TEST_CASE("timeline: the days a figure does not count are listed with it") {
  Timeline t = timeline_of(k_initial, d("2026-04-14"));
  auto core =
      std::find_if(t.entries.begin(), t.entries.end(), [](const TimelineEntry& e) { return e.kind == "core-group"; });
  REQUIRE(core != t.entries.end());
  CHECK(core->rule == "within 10 working days of the initial conference");
  REQUIRE(core->not_counting.size() == 2);
  CHECK(core->not_counting[0].date.str() == "2026-04-03");
  CHECK(core->not_counting[0].name == "Good Friday");
  CHECK(core->not_counting[1].name == "Easter Monday");
}

TEST_CASE("timeline: a conference still to come expects every professional's report") {
  // As of Tuesday 5 May 2026. Reports are due 5 working days before Mon 11 May: 8 7 6 5, then
  // (4 May is a bank holiday) 1 May. Working days since: 4 May is a holiday, 5 May is 1.
  // Observer: 7 days before, 4 May; overdue by 1 working day (5 May). Minutes: 20 working days
  // from 11 May: 12..15 (4) 18..22 (9) 26..29 (13, 25 May is a holiday) 1..5 June (18) 8 9 (20)
  // -> 9 June, due in 24 working days (6 7 8, 11-15, 18-22, 26-29, 1-5 June, 8 9).
  Timeline t = timeline_of(k_future_review, d("2026-05-05"));
  std::vector<std::string> expected = {
      "2026-05-01 report-to-family:a1 overdue 1 working day",
      "2026-05-01 report-to-family:a2 overdue 1 working day",
      "2026-05-01 report-to-chair:a1 met",
      "2026-05-01 report-to-chair:a2 overdue 1 working day",
      "2026-05-04 observer-request:o1 overdue 1 working day",
      "2026-05-11 10:00 conference event",
      "2026-05-12 10:00 plan not-applicable (no decision yet)",
      "2026-06-09 minutes due 24 working days",
      "2026-11-11 next-review not-applicable (no decision yet)",
  };
  CHECK(lines(t.entries) == joined(expected));
  CHECK(t.entries[5].planned);
}

TEST_CASE("timeline: after the conference, reports never sent are missed, not overdue") {
  Timeline t = timeline_of(k_future_review, d("2026-05-12"));
  CHECK(line(t.entries[0]) == "2026-05-01 report-to-family:a1 missed (none recorded)");
  CHECK(line(t.entries[1]) == "2026-05-01 report-to-family:a2 not-applicable (no report recorded)");
  CHECK(line(t.entries[4]) == "2026-05-04 observer-request:o1 missed (none recorded)");
  CHECK(line(t.entries[6]) == "2026-05-12 10:00 plan not-applicable (no decision is recorded)");
}

namespace {

ChainConference conference(std::string id, ConferenceKind kind, std::string_view date, std::string previous,
                           std::vector<ChainChild> children, const Profile& profile, const Calendar& calendar) {
  ChainConference c;
  c.file = id + ".yaml";
  c.id = std::move(id);
  c.case_id = "K-1";
  c.kind = kind;
  c.date = d(date);
  c.previous = std::move(previous);
  c.children = std::move(children);
  c.made_plan = std::any_of(c.children.begin(), c.children.end(),
                            [](const ChainChild& ch) { return ch.outcome == Outcome::plan; });
  c.profile = &profile;
  c.calendar = &calendar;
  return c;
}

std::string link_line(const ChainLink& link) {
  std::string out = link.conference.id + " " + link.conference.date.str();
  if (!link.limit) return out + " starts the chain";
  return out + " after " + interval_text(link.interval_months, link.interval_rest_days) + ", due by " +
         link.limit->due.str() + ": " + std::string(state_name(link.state)) +
         (link.late_days > 0 ? " by " + std::to_string(link.late_days) + " days" : "");
}

}  // namespace

TEST_CASE("timeline: a case's chain against the 3-month and 6-month limits, across a month end") {
  Profile profile = load_profile("england");
  Calendar calendar(profile.closure_days);
  auto plan = [](std::string key) { return ChainChild{key, "Child " + key, Outcome::plan}; };
  std::vector<ChainConference> records = {
      // Given out of order: the chain is put in date order.
      conference("r2", ConferenceKind::review, "2027-09-01", "r1", {plan("k1")}, profile, calendar),
      conference("i", ConferenceKind::initial, "2026-11-30", "", {plan("k1"), plan("k2")}, profile, calendar),
      conference("r1", ConferenceKind::review, "2027-02-26", "i", {plan("k1"), {"k2", "Child k2", Outcome::no_plan}},
                 profile, calendar),
  };
  records[0].next_review_set = d("2028-02-25");
  CaseChain chain = build_case_chain("K-1", records, d("2028-03-06"));
  std::vector<std::string> links;
  for (const auto& link : chain.links) links.push_back(link_line(link));
  // 30 November + 3 months = 28 February 2027 (not a leap year); 26 February is 2 months 27 days
  // on. 26 February + 6 months = 26 August; 1 September is 6 days late, 6 months 6 days on.
  CHECK(joined(links) == joined({
                             "i 2026-11-30 starts the chain",
                             "r1 2027-02-26 after 2 months 27 days, due by 2027-02-28: met",
                             "r2 2027-09-01 after 6 months 6 days, due by 2027-08-26: missed by 6 days",
                         }));
  REQUIRE(chain.plans.size() == 2);
  CHECK(chain.plans[0].key == "k1");
  CHECK(chain.plans[0].continued == std::vector<std::size_t>{1, 2});
  CHECK_FALSE(chain.plans[0].end.has_value());
  CHECK(chain.plans[1].end == std::optional<std::size_t>(1));
  // Next review: set for Fri 25 February 2028, before the latest allowed, 1 March 2028 (leap
  // year). As of Mon 6 March: 28 29 Feb, 1 2 3 6 March = 6 working days overdue.
  REQUIRE(chain.next.has_value());
  CHECK(chain.next->deadline.due.str() == "2028-03-01");
  CHECK(chain.next->due.str() == "2028-02-25");
  CHECK(chain.next->state == State::overdue);
  CHECK(lateness_text(chain.next->amount) == "6 working days");
}

TEST_CASE("timeline: an initial conference on 30 November 2027 has its first review due on 29 February 2028") {
  Profile profile = load_profile("england");
  Calendar calendar(profile.closure_days);
  CaseChain chain = build_case_chain(
      "K-1",
      {conference("i", ConferenceKind::initial, "2027-11-30", "", {{"k1", "A", Outcome::plan}}, profile, calendar)},
      d("2028-02-21"));
  REQUIRE(chain.next.has_value());
  CHECK(chain.next->due.str() == "2028-02-29");  // no date set: the latest allowed
  CHECK_FALSE(chain.next->set);
  // Mon 21 February 2028: 22 23 24 25 28 29 = 6 working days to go.
  CHECK(lateness_text(chain.next->amount) == "6 working days");
  CHECK(chain.next->state == State::due);
}

TEST_CASE("timeline: a case whose plan ended has no next review, and a review named but missing is noted") {
  Profile profile = load_profile("england");
  Calendar calendar(profile.closure_days);
  CaseChain chain = build_case_chain(
      "K-1",
      {conference("r1", ConferenceKind::review, "2027-02-26", "i", {{"k1", "A", Outcome::no_plan}}, profile, calendar)},
      d("2027-03-01"));
  CHECK_FALSE(chain.next.has_value());
  CHECK(chain.no_next_reason == "the plan ended at r1");
  CHECK(chain.links[0].note == "names previous conference 'i', which is not among the records given");
}

TEST_CASE("timeline: the due list keeps what is overdue or due within the working days asked for") {
  Timeline initial = timeline_of(k_initial, d("2026-04-14"));
  Timeline future = timeline_of(k_future_review, d("2026-04-14"));
  auto listed = [](const std::vector<DueItem>& items) {
    std::vector<std::string> out;
    for (const auto& item : items) out.push_back(item.conference_id + " " + line(item.entry));
    return out;
  };
  auto keys = [&](const std::vector<DueItem>& items) { return joined(listed(items)); };
  SUBCASE("within 5 working days: the overdue core group only (minutes are 7 away, reports 13)") {
    DueFilter filter;
    CHECK(keys(due_list({due_record(initial, filter), due_record(future, filter)}, DueSort::due)) ==
          joined({"t-icpc 2026-04-09 core-group overdue 3 working days"}));
  }
  SUBCASE("within 13 working days the reports of the conference to come are listed too, by due date") {
    // As of 14 April, 1 May is 13 working days on: 15 16 17 20 21 22 23 24 27 28 29 30, 1 May;
    // so is the observer's request, due on the bank holiday of 4 May.
    DueFilter filter;
    filter.within = 13;
    CHECK(keys(due_list({due_record(future, filter), due_record(initial, filter)}, DueSort::due)) ==
          joined({
              "t-icpc 2026-04-09 core-group overdue 3 working days",
              "t-icpc 2026-04-23 minutes due 7 working days",
              "t-rcpc 2026-05-01 report-to-family:a1 due 13 working days",
              "t-rcpc 2026-05-01 report-to-family:a2 due 13 working days",
              // Recorded as arriving on 30 April: as of 14 April that is an arrangement, not a fact.
              "t-rcpc 2026-05-01 report-to-chair:a1 due 13 working days (arranged for 2026-04-30 15:00)",
              "t-rcpc 2026-05-01 report-to-chair:a2 due 13 working days",
              "t-rcpc 2026-05-04 observer-request:o1 due 13 working days",
          }));
    SUBCASE("filtered by kind, grouping and chair") {
      filter.kinds = {"report-to-family", "report-to-chair"};
      filter.groupings = {"child-health"};
      filter.chairs = {" chair two "};
      CHECK(keys(due_list({due_record(initial, filter), due_record(future, filter)}, DueSort::due)) ==
            joined({
                "t-rcpc 2026-05-01 report-to-family:a2 due 13 working days",
                "t-rcpc 2026-05-01 report-to-chair:a2 due 13 working days",
            }));
    }
    SUBCASE("sorted by kind") {
      auto items = due_list({due_record(initial, filter), due_record(future, filter)}, DueSort::kind);
      CHECK(listed(items).front() == "t-rcpc 2026-05-04 observer-request:o1 due 13 working days");
      CHECK(listed(items).back() == "t-icpc 2026-04-23 minutes due 7 working days");
    }
  }
  SUBCASE("a next review is dropped when a later record of the case is among the inputs") {
    DueFilter filter;
    filter.within = 60;
    DueRecord first = due_record(initial, filter);
    CHECK(first.items.back().entry.kind == "next-review");
    DueRecord later;
    later.case_id = "T-1";
    later.date = d("2026-06-16");
    auto items = due_list({first, later}, DueSort::due);
    CHECK(std::none_of(items.begin(), items.end(), [](const DueItem& i) { return i.entry.kind == "next-review"; }));
    later.case_id = "T-9";
    items = due_list({first, later}, DueSort::due);
    CHECK(items.back().entry.kind == "next-review");
  }
}

TEST_CASE("timeline: --redact reduces what a timeline takes from its record, and nothing else") {
  Record record = test::record_from(k_initial);
  Profile profile = load_profile("england");
  Calendar calendar(profile.closure_days);
  Timeline plain = build_timeline(record, profile, calendar, d("2026-04-20"));

  Timeline unchanged = plain;
  redact_timeline(unchanged, Redactor(record, {Redaction::none, {}}));
  CHECK(lines(unchanged.entries) == lines(plain.entries));
  CHECK(unchanged.chair == "Chair One");

  Timeline family = plain;
  redact_timeline(family, Redactor(record, {Redaction::family, {}}));
  REQUIRE(family.decisions.size() == 1);
  CHECK(family.decisions[0].name == "A.T.");
  CHECK(family.chair == "Chair One");

  Timeline all = plain;
  redact_timeline(all, Redactor(record, {Redaction::all, {}}));
  CHECK(all.chair == "the chair");
  REQUIRE(all.entries.size() == plain.entries.size());
  for (std::size_t i = 0; i < all.entries.size(); ++i) {
    CHECK(all.entries[i].kind == plain.entries[i].kind);  // cpconf's own words stay
    CHECK(all.entries[i].due.has_value() == plain.entries[i].due.has_value());
    for (const auto* name : {"Sam Worker", "Jo Visitor", "Lee Officer", "Chair One", "Amy Test"}) {
      CHECK(all.entries[i].who.find(name) == std::string::npos);
      CHECK(all.entries[i].note.find(name) == std::string::npos);
    }
  }
  std::string calendar_text = format_timeline_ics(all);
  CHECK(calendar_text.find("Sam Worker") == std::string::npos);
  CHECK(calendar_text.find("Social worker") != std::string::npos);
}

TEST_CASE("timeline: --redact on a case chain links by the ids as written, then redacts each link by its record") {
  Profile profile = load_profile("england");
  Calendar calendar(profile.closure_days);
  Record initial = test::record_from(k_initial);
  initial.conference.id.value = "test-icpc";
  initial.conference.case_id.value = "T-1";
  Record review = test::record_from(k_future_review);
  review.conference.case_id.value = "T-1";
  review.conference.previous.value = "test-icpc";
  RedactionOptions options{Redaction::family, {}};
  std::vector<ChainConference> conferences;
  for (const Record* record : {&review, &initial}) {
    conferences.push_back(*chain_conference(*record, profile, calendar, options));
  }
  CaseChain chain = build_case_chain("T-1", conferences, d("2026-05-01"));
  REQUIRE(chain.links.size() == 2);
  CHECK(chain.links[1].from == std::optional<std::size_t>(0));  // "test-icpc" linked before redaction
  CHECK(chain.links[1].note.empty());
  // Each record reduces the surname in the id to its own child's initials: linked by the
  // ids as written, the chain holds although the redacted ids differ.
  CHECK(chain.links[0].conference.id == "A.T.-icpc");
  CHECK(chain.links[1].conference.previous == "B.T.-icpc");
  CHECK(chain.links[0].conference.children[0].name == "A.T.");
  CHECK(chain.links[1].conference.children[0].name == "B.T.");
}
