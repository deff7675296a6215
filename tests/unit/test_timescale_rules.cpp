#include <string>
#include <vector>

#include "cpconf/source/profile_reader.hpp"
#include "support.hpp"

// Working days were counted by hand: 2026 bank holidays in these tests are Good Friday 3 April,
// Easter Monday 6 April, early May 4 May, summer 31 August, Christmas 25 December and the
// Boxing Day substitute 28 December; New Year's Day 2027 is a Friday.
namespace {

using cpconf::Date;
using cpconf::test::run_rule;
using Messages = std::vector<std::string>;

const std::string k_initial = R"(  kind: initial
  strategy-discussion: 2026-03-02
  start: 2026-03-20 10:00
  end: 2026-03-20 11:30
)";

const std::string k_child(cpconf::test::k_one_child);

const std::string k_plan = R"(decisions:
  - child: c1
    consensus: true
    outcome: plan
    categories: [neglect]
)";

// A minimal valid record under england: conference gives the kind and dates, a1 adds keys to the
// one attendee, rest adds top-level keys.
std::string record(const std::string& conference, const std::string& rest = "", const std::string& a1 = "",
                   const std::string& children = k_child) {
  return cpconf::test::record()
      .conference("  profile: england\n  chair: Test Chair\n" + conference)
      .children(children)
      .attendees(std::string(cpconf::test::k_one_worker) + a1)
      .rest(rest)
      .str();
}

std::string review(const std::string& start) { return "  kind: review\n  previous: t-0\n  start: " + start + "\n"; }

std::string report(const std::string& key, const std::string& when) {
  return "    report:\n      " + key + ": " + when + "\n";
}

// Runs a rule with a profile changed from england's, to show that the numbers come from it.
Messages run_with(std::string_view rule_name, const std::string& yaml, const cpconf::Profile& profile,
                  Date as_of = {2026, 11, 22}) {
  const cpconf::Rule* rule = cpconf::find_rule(rule_name);
  REQUIRE(rule != nullptr);
  cpconf::Record r = cpconf::test::record_from(yaml);
  cpconf::Calendar calendar(profile.closure_days);
  cpconf::CheckContext context{r, profile, calendar, as_of};
  Messages messages;
  for (const auto& hit : rule->check(context)) messages.push_back(hit.path + ": " + hit.message);
  return messages;
}

}  // namespace

TEST_CASE("timescale rules: every rule has a row with a source and an explanation") {
  auto rules = cpconf::timescale_rules();
  CHECK(rules.size() == 13);
  for (const auto& rule : rules) {
    INFO(rule.name);
    CHECK(rule.family == cpconf::Family::timescales);
    CHECK((rule.check != nullptr));
    CHECK_FALSE(rule.source.empty());
    CHECK_FALSE(rule.explanation.empty());
  }
}

TEST_CASE("report-late-to-family: initial conference needs the report 48 hours before") {
  auto run = [](const std::string& when, const std::string& conference = k_initial) {
    return run_rule("report-late-to-family", record(conference, "", report("to-family", when)));
  };
  SUBCASE("exactly 48 hours before is on time") { CHECK(run("2026-03-18 10:00").empty()); }
  SUBCASE("one minute later is late") {
    CHECK(run("2026-03-18 10:01") ==
          Messages{"attendees[0].report.to-family: the report of Test Worker reached the family at 2026-03-18 10:01, "
                   "47 hours 59 minutes before the initial conference at 2026-03-20 10:00; due at least 48 hours "
                   "before, by 2026-03-18 10:00: 1 minute late"});
  }
  SUBCASE("a date without a time is taken as the end of that day") {
    CHECK(run("2026-03-17").empty());
    CHECK(run("2026-03-18") ==
          Messages{"attendees[0].report.to-family: the report of Test Worker reached the family on 2026-03-18 (no "
                   "time recorded, taken as 23:59), 34 hours 1 minute before the initial conference at 2026-03-20 "
                   "10:00; due at least 48 hours before, by 2026-03-18 10:00: 13 hours 59 minutes late"});
  }
  SUBCASE("a report after the conference began") {
    CHECK(run("2026-03-20 12:00") ==
          Messages{"attendees[0].report.to-family: the report of Test Worker reached the family at 2026-03-20 12:00, "
                   "2 hours after the start of the initial conference at 2026-03-20 10:00; due at least 48 hours "
                   "before, by 2026-03-18 10:00: 50 hours late"});
  }
  SUBCASE("hours are clock hours: a Monday conference needs the report by Saturday") {
    std::string monday = "  kind: initial\n  strategy-discussion: 2026-03-02\n  start: 2026-03-23 10:00\n";
    CHECK(run("2026-03-21 10:00", monday).empty());
    CHECK(run("2026-03-21 11:00", monday).size() == 1);
  }
  SUBCASE("transfer-in and pre-birth conferences are initial conferences") {
    std::string transfer = "  kind: transfer-in\n  notified: 2026-03-10\n  start: 2026-03-20 10:00\n";
    CHECK(run("2026-03-19 10:00", transfer) ==
          Messages{"attendees[0].report.to-family: the report of Test Worker reached the family at 2026-03-19 10:00, "
                   "24 hours before the transfer-in conference at 2026-03-20 10:00; due at least 48 hours before, "
                   "by 2026-03-18 10:00: 24 hours late"});
  }
  SUBCASE("no report or no to-family time: nothing to judge") {
    CHECK(run_rule("report-late-to-family", record(k_initial)).empty());
    CHECK(run_rule("report-late-to-family", record(k_initial, "", report("to-chair", "2026-03-20 09:00"))).empty());
  }
  SUBCASE("the profile sets the hours") {
    auto profile = cpconf::load_profile("england");
    profile.timescales.report_hours_before_initial = 24;
    CHECK(run_with("report-late-to-family", record(k_initial, "", report("to-family", "2026-03-18 10:01")), profile)
              .empty());
  }
}

TEST_CASE("report-late-to-family: review conference needs the report 5 working days before") {
  auto run = [](const std::string& start, const std::string& when) {
    return run_rule("report-late-to-family", record(review(start), "", report("to-family", when)));
  };
  SUBCASE("across Easter 2026 the deadline for a Tuesday 7 April review is Friday 27 March") {
    CHECK(run("2026-04-07 10:00", "2026-03-27").empty());
    CHECK(run("2026-04-07 10:00", "2026-03-27 18:00").empty());  // only the date counts
    CHECK(run("2026-04-07 10:00", "2026-03-30 09:00") ==
          Messages{"attendees[0].report.to-family: the report of Test Worker reached the family on 2026-03-30, 4 "
                   "working days before the review conference on 2026-04-07; due at least 5 working days before, "
                   "by 2026-03-27: 1 working day late; not counting Good Friday 2026-04-03 and Easter Monday "
                   "2026-04-06"});
  }
  SUBCASE("a report on the Saturday after the deadline costs no working day") {
    CHECK(run("2026-04-07 10:00", "2026-03-28").empty());
  }
  SUBCASE("across Christmas 2026 the deadline for a Tuesday 5 January review is 24 December") {
    CHECK(run("2027-01-05 10:00", "2026-12-24").empty());
    CHECK(run("2027-01-05 10:00", "2026-12-28").empty());  // the substitute Boxing Day is no working day
    CHECK(run("2027-01-05 10:00", "2026-12-29") ==
          Messages{"attendees[0].report.to-family: the report of Test Worker reached the family on 2026-12-29, 4 "
                   "working days before the review conference on 2027-01-05; due at least 5 working days before, "
                   "by 2026-12-24: 1 working day late; not counting Christmas Day 2026-12-25, Boxing Day "
                   "(substitute day) 2026-12-28 and New Year's Day 2027-01-01"});
  }
  SUBCASE("on the day of the review") {
    CHECK(run("2026-03-20 10:00", "2026-03-20 09:00") ==
          Messages{"attendees[0].report.to-family: the report of Test Worker reached the family on 2026-03-20, the "
                   "day of the review conference on 2026-03-20; due at least 5 working days before, by 2026-03-13: "
                   "5 working days late"});
  }
}

TEST_CASE("report-late-to-chair: judged like reports to the family") {
  SUBCASE("initial conference") {
    CHECK(run_rule("report-late-to-chair", record(k_initial, "", report("to-chair", "2026-03-18 09:00"))).empty());
    CHECK(run_rule("report-late-to-chair", record(k_initial, "", report("to-chair", "2026-03-19 16:00"))) ==
          Messages{"attendees[0].report.to-chair: the report of Test Worker reached the chair at 2026-03-19 16:00, 18 "
                   "hours before the initial conference at 2026-03-20 10:00; due at least 48 hours before, by "
                   "2026-03-18 10:00: 30 hours late"});
  }
  SUBCASE("review conference") {
    CHECK(run_rule("report-late-to-chair", record(review("2026-04-07 10:00"), "", report("to-chair", "2026-03-27")))
              .empty());
    CHECK(run_rule("report-late-to-chair", record(review("2026-04-07 10:00"), "", report("to-chair", "2026-04-01"))) ==
          Messages{"attendees[0].report.to-chair: the report of Test Worker reached the chair on 2026-04-01, 2 "
                   "working days before the review conference on 2026-04-07; due at least 5 working days before, by "
                   "2026-03-27: 3 working days late; not counting Good Friday 2026-04-03 and Easter Monday "
                   "2026-04-06"});
  }
  SUBCASE("a late report to the family alone does not fire it") {
    std::string a1 = "    report:\n      to-chair: 2026-03-16 10:00\n      to-family: 2026-03-19 10:00\n";
    CHECK(run_rule("report-late-to-chair", record(k_initial, "", a1)).empty());
  }
}

TEST_CASE("initial-conference-late: more than 15 working days after the strategy discussion") {
  auto run = [](const std::string& strategy, const std::string& start) {
    return run_rule("initial-conference-late",
                    record("  kind: initial\n  strategy-discussion: " + strategy + "\n  start: " + start + "\n"));
  };
  SUBCASE("on the 15th working day is on time") { CHECK(run("2026-03-02", "2026-03-23 10:00").empty()); }
  SUBCASE("the 16th working day is late") {
    CHECK(run("2026-03-02", "2026-03-24 10:00") ==
          Messages{"conference.start: the initial conference on 2026-03-24 was held 16 working days after the "
                   "strategy discussion on 2026-03-02; due within 15 working days, by 2026-03-23: 1 working day "
                   "late"});
  }
  SUBCASE("Easter 2026 adds two days to the count") {
    CHECK(run("2026-03-20", "2026-04-14 10:00").empty());
    CHECK(run("2026-03-20", "2026-04-15 10:00") ==
          Messages{"conference.start: the initial conference on 2026-04-15 was held 16 working days after the "
                   "strategy discussion on 2026-03-20; due within 15 working days, by 2026-04-14: 1 working day "
                   "late; not counting Good Friday 2026-04-03 and Easter Monday 2026-04-06"});
  }
  SUBCASE("only initial conferences") {
    CHECK(run_rule("initial-conference-late", record(review("2026-06-20 10:00"))).empty());
  }
  SUBCASE("the profile sets the number") {
    auto profile = cpconf::load_profile("england");
    profile.timescales.initial_conference_working_days = 10;
    CHECK(run_with("initial-conference-late", record(k_initial), profile).size() == 1);
  }
  SUBCASE("a profile may count from the start of the section 47 enquiry") {
    // Strategy discussion Mon 2 March, enquiry begun Wed 4 March, conference Wed 25 March 2026:
    // 17 working days after the discussion, 15 after the enquiry began.
    std::string yaml = record("  kind: initial\n  strategy-discussion: 2026-03-02\n  s47-started: 2026-03-04\n"
                              "  start: 2026-03-25 10:00\n");
    auto profile = cpconf::load_profile("england");
    CHECK(run_with("initial-conference-late", yaml, profile) ==
          Messages{"conference.start: the initial conference on 2026-03-25 was held 17 working days after the "
                   "strategy discussion on 2026-03-02; due within 15 working days, by 2026-03-23: 2 working days "
                   "late"});
    profile.initial_clock = cpconf::InitialClock::s47_started;
    CHECK(run_with("initial-conference-late", yaml, profile).empty());
    // Counted from the enquiry, Thu 26 March is the 16th working day.
    std::string later = record("  kind: initial\n  strategy-discussion: 2026-03-02\n  s47-started: 2026-03-04\n"
                               "  start: 2026-03-26 10:00\n");
    CHECK(run_with("initial-conference-late", later, profile) ==
          Messages{"conference.start: the initial conference on 2026-03-26 was held 16 working days after the "
                   "start of the section 47 enquiry on 2026-03-04; due within 15 working days, by 2026-03-25: 1 "
                   "working day late"});
    // A record without the enquiry's start is counted from its strategy discussion.
    CHECK(run_with("initial-conference-late",
                   record("  kind: initial\n  strategy-discussion: 2026-03-02\n  start: 2026-03-25 10:00\n"), profile)
              .size() == 1);
  }
}

TEST_CASE("plan-late: the plan is sent within 24 hours of the conference") {
  auto run = [](const std::string& follow_up, const std::string& conference = k_initial, Date as_of = {2026, 11, 22}) {
    return run_rule("plan-late", record(conference, k_plan + follow_up), "", as_of);
  };
  SUBCASE("24 hours after the end is on time") { CHECK(run("follow-up:\n  plan-sent: 2026-03-21 11:30\n").empty()); }
  SUBCASE("later is late") {
    CHECK(run("follow-up:\n  plan-sent: 2026-03-21 12:00\n") ==
          Messages{"follow-up.plan-sent: the plan was sent at 2026-03-21 12:00, 24 hours 30 minutes after the "
                   "conference ended at 2026-03-20 11:30; due within 24 hours, by 2026-03-21 11:30: 30 minutes late"});
  }
  SUBCASE("a date without a time is taken as the end of that day") {
    CHECK(run("follow-up:\n  plan-sent: 2026-03-20\n").empty());
    CHECK(run("follow-up:\n  plan-sent: 2026-03-21\n") ==
          Messages{"follow-up.plan-sent: the plan was sent on 2026-03-21 (no time recorded, taken as 23:59), 36 "
                   "hours 29 minutes after the conference ended at 2026-03-20 11:30; due within 24 hours, by "
                   "2026-03-21 11:30: 12 hours 29 minutes late"});
  }
  SUBCASE("without an end time the clock starts at the start") {
    std::string no_end = "  kind: initial\n  strategy-discussion: 2026-03-02\n  start: 2026-03-20 10:00\n";
    CHECK(run("follow-up:\n  plan-sent: 2026-03-21 11:00\n", no_end) ==
          Messages{"follow-up.plan-sent: the plan was sent at 2026-03-21 11:00, 25 hours after the conference "
                   "started at 2026-03-20 10:00 (no end recorded); due within 24 hours, by 2026-03-21 10:00: 1 hour "
                   "late"});
  }
  SUBCASE("not recorded: fires only once the deadline has passed") {
    CHECK(run("", k_initial, {2026, 3, 21}).empty());
    CHECK(run("", k_initial, {2026, 3, 22}) ==
          Messages{"follow-up: no plan-sent date is recorded; the plan was due within 24 hours after the conference "
                   "ended at 2026-03-20 11:30, by 2026-03-21 11:30, and that has passed (as of 2026-03-22)"});
    CHECK(run("follow-up:\n  minutes-sent: 2026-04-01\n", k_initial, {2026, 3, 22}).size() == 1);
  }
  SUBCASE("no plan made: nothing to send") {
    std::string no_plan = "decisions:\n  - child: c1\n    outcome: no-plan\nfollow-up:\n  plan-sent: 2026-03-25\n";
    CHECK(run_rule("plan-late", record(k_initial, no_plan)).empty());
  }
}

TEST_CASE("core-group-late: first core group within 10 working days of an initial conference") {
  auto run = [](const std::string& rest, const std::string& conference = k_initial, Date as_of = {2026, 11, 22}) {
    return run_rule("core-group-late", record(conference, rest), "", as_of);
  };
  SUBCASE("across Easter 2026 the 10th working day after 20 March is 7 April") {
    CHECK(run(k_plan + "follow-up:\n  core-group: 2026-04-07\n").empty());
    CHECK(run(k_plan + "follow-up:\n  core-group: 2026-04-08\n") ==
          Messages{"follow-up.core-group: the first core group met on 2026-04-08, 11 working days after the initial "
                   "conference on 2026-03-20; due within 10 working days, by 2026-04-07: 1 working day late; not "
                   "counting Good Friday 2026-04-03 and Easter Monday 2026-04-06"});
  }
  SUBCASE("not recorded: fires only once the deadline has passed") {
    CHECK(run(k_plan, k_initial, {2026, 4, 7}).empty());
    CHECK(run(k_plan, k_initial, {2026, 4, 8}) ==
          Messages{"follow-up: no core-group date is recorded; the first core group was due within 10 working days "
                   "of the initial conference on 2026-03-20, by 2026-04-07, and that has passed (as of 2026-04-08); "
                   "not counting Good Friday 2026-04-03 and Easter Monday 2026-04-06"});
  }
  SUBCASE("pre-birth conferences are initial conferences") {
    std::string unborn = "children:\n  - id: c1\n    name: Baby Test\n    expected: 2026-08-07\n";
    std::string pre_birth = "  kind: pre-birth\n  start: 2026-03-20 10:00\n";
    CHECK(run_rule("core-group-late", record(pre_birth, k_plan + "follow-up:\n  core-group: 2026-04-08\n", "", unborn))
              .size() == 1);
  }
  SUBCASE("no plan, or a review: no core group is due") {
    CHECK(run("decisions:\n  - child: c1\n    outcome: no-plan\n").empty());
    CHECK(run(k_plan, review("2026-03-20 10:00")).empty());
  }
}

TEST_CASE("minutes-late: minutes within 20 working days of the conference") {
  std::string december = "  kind: review\n  previous: t-0\n  start: 2026-12-10 10:00\n";
  auto run = [&](const std::string& rest, Date as_of = {2027, 6, 1}) {
    return run_rule("minutes-late", record(december, rest), "", as_of);
  };
  SUBCASE("across Christmas 2026 the 20th working day after 10 December is 12 January") {
    CHECK(run("follow-up:\n  minutes-sent: 2027-01-12\n").empty());
    CHECK(run("follow-up:\n  minutes-sent: 2027-01-13\n") ==
          Messages{"follow-up.minutes-sent: the minutes were sent on 2027-01-13, 21 working days after the review "
                   "conference on 2026-12-10; due within 20 working days, by 2027-01-12: 1 working day late; not "
                   "counting Christmas Day 2026-12-25, Boxing Day (substitute day) 2026-12-28 and New Year's Day "
                   "2027-01-01"});
  }
  SUBCASE("not recorded: fires only once the deadline has passed") {
    CHECK(run("", {2027, 1, 12}).empty());
    CHECK(run("", {2027, 1, 13}) ==
          Messages{"follow-up: no minutes-sent date is recorded; the minutes were due within 20 working days of the "
                   "review conference on 2026-12-10, by 2027-01-12, and that has passed (as of 2027-01-13); not "
                   "counting Christmas Day 2026-12-25, Boxing Day (substitute day) 2026-12-28 and New Year's Day "
                   "2027-01-01"});
  }
  SUBCASE("a local closure day moves the deadline") {
    auto profile = cpconf::load_profile("england");
    profile.closure_days = {Date{2026, 12, 24}};
    CHECK(run_with("minutes-late", record(december, "follow-up:\n  minutes-sent: 2027-01-13\n"), profile).empty());
  }
}

TEST_CASE("amendment-late: amendments within 5 working days of receiving the plan") {
  auto run = [](const std::string& sent, const std::string& received, const std::string& by = "a1") {
    return run_rule("amendment-late",
                    record(k_initial, "follow-up:\n  plan-sent: " + sent + "\n  amendments:\n    - by: " + by +
                                          "\n      received: " + received + "\n"));
  };
  SUBCASE("on the 5th working day is on time") { CHECK(run("2026-03-20 16:00", "2026-03-27").empty()); }
  SUBCASE("the 6th is late") {
    CHECK(run("2026-03-20 16:00", "2026-03-30") ==
          Messages{"follow-up.amendments[0].received: the amendment from Test Worker was received on 2026-03-30, 6 "
                   "working days after the plan was sent on 2026-03-20; amendments are due within 5 working days, by "
                   "2026-03-27: 1 working day late"});
  }
  SUBCASE("a Saturday right after the deadline costs no working day") {
    CHECK(run("2026-03-20 16:00", "2026-03-28").empty());
  }
  SUBCASE("across the early May bank holiday") {
    CHECK(run("2026-04-29 16:00", "2026-05-07").empty());
    CHECK(run("2026-04-29 16:00", "2026-05-08") ==
          Messages{"follow-up.amendments[0].received: the amendment from Test Worker was received on 2026-05-08, 6 "
                   "working days after the plan was sent on 2026-04-29; amendments are due within 5 working days, by "
                   "2026-05-07: 1 working day late; not counting Early May bank holiday 2026-05-04"});
  }
  SUBCASE("without a plan-sent date there is nothing to count from") {
    std::string rest = "follow-up:\n  amendments:\n    - by: a1\n      received: 2026-06-30\n";
    CHECK(run_rule("amendment-late", record(k_initial, rest)).empty());
  }
}

TEST_CASE("transfer-in-late: within 15 working days of the written notification") {
  auto run = [](const std::string& start) {
    return run_rule("transfer-in-late",
                    record("  kind: transfer-in\n  notified: 2026-08-20\n  start: " + start + "\n"));
  };
  SUBCASE("across the summer bank holiday the 15th working day is 11 September") {
    CHECK(run("2026-09-11 10:00").empty());
    CHECK(run("2026-09-14 10:00") ==
          Messages{"conference.start: the transfer-in conference on 2026-09-14 was held 16 working days after the "
                   "written notification of the move on 2026-08-20; due within 15 working days, by 2026-09-11: 1 "
                   "working day late; not counting Summer bank holiday 2026-08-31"});
  }
  SUBCASE("only transfer-in conferences") { CHECK(run_rule("transfer-in-late", record(k_initial)).empty()); }
}

TEST_CASE("pre-birth-late: held at least 10 weeks before the expected date of delivery") {
  auto unborn = [](const std::string& expected) {
    return "children:\n  - id: c1\n    name: Baby Test\n    expected: " + expected + "\n";
  };
  auto run = [&](const std::string& start, const std::string& children) {
    return run_rule("pre-birth-late", record("  kind: pre-birth\n  start: " + start + "\n", "", "", children));
  };
  SUBCASE("exactly 10 weeks before is on time") { CHECK(run("2026-05-29 10:00", unborn("2026-08-07")).empty()); }
  SUBCASE("later is late") {
    CHECK(run("2026-06-10 10:00", unborn("2026-08-07")) ==
          Messages{"conference.start: the pre-birth conference on 2026-06-10 was held 8 weeks 2 days before Baby "
                   "Test's expected date of delivery, 2026-08-07; due at least 10 weeks before, by 2026-05-29: 12 "
                   "days late"});
  }
  SUBCASE("after the expected date") {
    CHECK(run("2026-08-10 10:00", unborn("2026-08-07")) ==
          Messages{"conference.start: the pre-birth conference on 2026-08-10 was held 3 days after Baby Test's "
                   "expected date of delivery, 2026-08-07; due at least 10 weeks before, by 2026-05-29: 73 days "
                   "late"});
  }
  SUBCASE("twins: one message each") {
    std::string twins = unborn("2026-08-07") + "  - id: c2\n    name: Twin Test\n    expected: 2026-08-07\n";
    CHECK(run("2026-06-10 10:00", twins).size() == 2);
  }
  SUBCASE("a born sibling has no expected date") {
    std::string family = unborn("2026-09-30") + "  - id: c2\n    name: Sibling Test\n    born: 2020-01-01\n";
    CHECK(run("2026-06-10 10:00", family).empty());
  }
  SUBCASE("the profile sets the weeks") {
    auto profile = cpconf::load_profile("england");
    profile.timescales.pre_birth_weeks_before_due = 12;
    CHECK(run_with("pre-birth-late",
                   record("  kind: pre-birth\n  start: 2026-05-29 10:00\n", "", "", unborn("2026-08-07")), profile) ==
          Messages{"conference.start: the pre-birth conference on 2026-05-29 was held 10 weeks before Baby Test's "
                   "expected date of delivery, 2026-08-07; due at least 12 weeks before, by 2026-05-15: 14 days "
                   "late"});
  }
}

TEST_CASE("inquorate-not-reconvened: an inquorate conference without a decision reconvenes in time") {
  std::string inquorate = k_initial + "  quorate: false\n";
  auto run = [&](const std::string& extra, const std::string& rest = "", Date as_of = {2026, 11, 22}) {
    return run_rule("inquorate-not-reconvened", record(inquorate + extra, rest), "", as_of);
  };
  SUBCASE("across Easter 2026 the 10th working day after 20 March is 7 April") {
    CHECK(run("  reconvened: 2026-04-07\n").empty());
    CHECK(run("  reconvened: 2026-04-08\n") ==
          Messages{"conference.reconvened: the inquorate conference made no decision and was set to reconvene on "
                   "2026-04-08, 11 working days after the conference on 2026-03-20; due within 10 working days, by "
                   "2026-04-07: 1 working day late; not counting Good Friday 2026-04-03 and Easter Monday "
                   "2026-04-06"});
  }
  SUBCASE("not recorded: fires only once the limit has passed") {
    CHECK(run("", "", {2026, 4, 7}).empty());
    CHECK(run("", "", {2026, 4, 8}) ==
          Messages{"conference: the conference on 2026-03-20 was inquorate and made no decision, and no reconvened "
                   "date is recorded; it was due to reconvene within 10 working days, by 2026-04-07, and that has "
                   "passed (as of 2026-04-08); not counting Good Friday 2026-04-03 and Easter Monday 2026-04-06"});
  }
  SUBCASE("a review reconvenes within the profile's review limit, when it sets one") {
    // Review on Fri 20 March 2026, inquorate; reconvened Wed 8 April, the 11th working day.
    std::string yaml = record(review("2026-03-20 10:00") + "  quorate: false\n  reconvened: 2026-04-08\n");
    auto profile = cpconf::load_profile("england");
    CHECK(run_with("inquorate-not-reconvened", yaml, profile).size() == 1);
    profile.timescales.reconvene_review_working_days = 15;
    CHECK(run_with("inquorate-not-reconvened", yaml, profile).empty());
    // The initial conference keeps reconvene-working-days.
    CHECK(run_with("inquorate-not-reconvened", record(inquorate + "  reconvened: 2026-04-08\n"), profile).size() == 1);
  }
  SUBCASE("a conference that decided, or was quorate, need not reconvene") {
    CHECK(run("  proceed-reason: Delay would harm the child.\n", k_plan).empty());
    CHECK(run_rule("inquorate-not-reconvened", record(k_initial + "  quorate: true\n")).empty());
    CHECK(run_rule("inquorate-not-reconvened", record(k_initial)).empty());
  }
}

TEST_CASE("conference-on-weekend: a conference dated on a Saturday or Sunday") {
  auto run = [](const std::string& start) { return run_rule("conference-on-weekend", record(review(start))); };
  CHECK(run("2026-03-21 10:00") ==
        Messages{"conference.start: the conference is dated Saturday 2026-03-21, a weekend; conferences are held on "
                 "working days (check the date: the nearest are Friday 2026-03-20 and Monday 2026-03-23)"});
  CHECK(run("2026-04-05 10:00") ==
        Messages{"conference.start: the conference is dated Sunday 2026-04-05, a weekend; conferences are held on "
                 "working days (check the date: the nearest are Thursday 2026-04-02 and Tuesday 2026-04-07)"});
  CHECK(run("2026-03-20 10:00").empty());
  CHECK(run("2026-04-06 10:00").empty());  // Easter Monday: a bank holiday, not a weekend
}

TEST_CASE("next-review-missing: a plan needs a next review date within 3 or 6 months") {
  SUBCASE("initial conference: first review within 3 months") {
    CHECK(
        run_rule("next-review-missing", record(k_initial, k_plan + "follow-up:\n  next-review: 2026-06-20\n")).empty());
    CHECK(run_rule("next-review-missing", record(k_initial, k_plan + "follow-up:\n  next-review: 2026-06-22\n")) ==
          Messages{"follow-up.next-review: the next review is set for 2026-06-22, 2 days after its due date: the first "
                   "review is due within 3 months of the initial conference on 2026-03-20, by 2026-06-20"});
  }
  SUBCASE("not set") {
    CHECK(run_rule("next-review-missing", record(k_initial, k_plan)) ==
          Messages{"follow-up: a plan was made but no next-review date is set; the first review is due within 3 "
                   "months of the initial conference on 2026-03-20, by 2026-06-20"});
    CHECK(run_rule("next-review-missing", record(k_initial, k_plan + "follow-up:\n  minutes-sent: 2026-04-01\n"))
              .size() == 1);
  }
  SUBCASE("review: the plan continues, next review within 6 months, clamped to February's end") {
    std::string rest = k_plan + "follow-up:\n  next-review: 2026-03-02\n";
    CHECK(run_rule("next-review-missing", record(review("2025-08-29 10:00"), rest)) ==
          Messages{"follow-up.next-review: the next review is set for 2026-03-02, 2 days after its due date: the next "
                   "review is due within 6 months of the review conference on 2025-08-29, by 2026-02-28"});
  }
  SUBCASE("leap year: 30 November 2027 + 3 months is 29 February 2028") {
    std::string november = "  kind: initial\n  strategy-discussion: 2027-11-15\n  start: 2027-11-30 10:00\n";
    CHECK(
        run_rule("next-review-missing", record(november, k_plan + "follow-up:\n  next-review: 2028-02-29\n")).empty());
    CHECK(
        run_rule("next-review-missing", record(november, k_plan + "follow-up:\n  next-review: 2028-03-01\n")).size() ==
        1);
  }
  SUBCASE("no plan: no review is due") {
    CHECK(run_rule("next-review-missing", record(k_initial, "decisions:\n  - child: c1\n    outcome: no-plan\n"))
              .empty());
  }
}

TEST_CASE("escalation-late: the chair's concern is escalated by the next working day") {
  auto run = [](const std::string& conference, const std::string& escalated_on) {
    std::string concern = k_plan + "    chair-concern:\n      concern: The plan is not enough.\n" +
                          (escalated_on.empty() ? "" : "      escalated-on: " + escalated_on + "\n");
    return run_rule("escalation-late", record(conference, concern));
  };
  SUBCASE("a Friday conference: Monday is in time, Tuesday is late") {
    CHECK(run(k_initial, "2026-03-21").empty());
    CHECK(run(k_initial, "2026-03-23 17:00").empty());
    CHECK(run(k_initial, "2026-03-24 09:00") ==
          Messages{"decisions[0].chair-concern.escalated-on: the chair's concern about Test Child was escalated on "
                   "2026-03-24 09:00, 2 working days after the conference on 2026-03-20; due immediately after the "
                   "conference, at the latest within 1 working day, by 2026-03-23: 1 working day late"});
  }
  SUBCASE("Christmas 2026: a 24 December conference may escalate on 29 December") {
    std::string christmas = "  kind: review\n  previous: t-0\n  start: 2026-12-24 10:00\n";
    CHECK(run(christmas, "2026-12-29").empty());
    CHECK(run(christmas, "2026-12-30") ==
          Messages{"decisions[0].chair-concern.escalated-on: the chair's concern about Test Child was escalated on "
                   "2026-12-30, 2 working days after the conference on 2026-12-24; due immediately after the "
                   "conference, at the latest within 1 working day, by 2026-12-29: 1 working day late; not counting "
                   "Christmas Day 2026-12-25 and Boxing Day (substitute day) 2026-12-28"});
  }
  SUBCASE("no escalated-on date belongs to chair-concern-not-escalated") { CHECK(run(k_initial, "").empty()); }
}
