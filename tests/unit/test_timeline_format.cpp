#include <string>

#include <doctest/doctest.h>

#include "cpconf/derive/calendar.hpp"
#include "cpconf/timeline/case_chart.hpp"
#include "cpconf/timeline/format.hpp"
#include "cpconf/timeline/ics.hpp"

namespace {

using namespace cpconf;

Date d(std::string_view text) { return *parse_date(text); }

TimelineEntry deadline_entry(std::string kind, std::string label, std::string_view due, State state,
                             std::optional<Lateness> amount = std::nullopt) {
  TimelineEntry e;
  e.kind = std::move(kind);
  e.label = std::move(label);
  e.deadline = Deadline{Measure::working_days_after, 20, {d("2026-03-24"), -1}, {d(due), -1}};
  e.due = e.deadline->due;
  e.state = state;
  e.amount = amount;
  e.rule = "within 20 working days of the initial conference";
  return e;
}

Timeline small_timeline() {
  Timeline t;
  t.file = "t.yaml";
  t.conference_id = "t-icpc";
  t.case_id = "T-1";
  t.chair = "Chair One";
  t.profile = "england";
  t.kind = ConferenceKind::initial;
  t.start = DateTime{d("2026-03-24"), 10 * 60};
  t.end = DateTime{d("2026-03-24"), 11 * 60 + 30};
  t.as_of = d("2026-04-14");
  t.decisions = {{"Amy Test", Outcome::plan}};
  TimelineEntry conference;
  conference.kind = "conference";
  conference.label = "conference";
  conference.when = *t.start;
  TimelineEntry minutes = deadline_entry("minutes", "minutes sent", "2026-04-23", State::due, Lateness{7});
  minutes.not_counting = {{d("2026-04-03"), "Good Friday"}, {d("2026-04-06"), "Easter Monday"}};
  TimelineEntry report = deadline_entry("report-to-family", "report to the family", "2026-03-22", State::missed,
                                        Lateness{839, LateUnit::minutes});
  report.who = "Sam \"Sammy\" Worker, Jr";
  report.who_id = "a1";
  report.key = "a1";
  report.when = DateTime{d("2026-03-22"), -1};
  report.rule = "at least 48 hours before the conference";
  t.entries = {report, conference, minutes};
  return t;
}

}  // namespace

TEST_CASE("timeline format: iCalendar lines are folded at 75 octets, never inside a UTF-8 character") {
  std::string a75(75, 'a');
  CHECK(ics_line(a75) == a75 + "\r\n");
  CHECK(ics_line(std::string(80, 'b')) == std::string(75, 'b') + "\r\n " + std::string(5, 'b') + "\r\n");
  // 75 + 74 + 1: continuation lines give one octet to their leading space.
  CHECK(ics_line(std::string(150, 'c')) ==
        std::string(75, 'c') + "\r\n " + std::string(74, 'c') + "\r\n " + std::string(1, 'c') + "\r\n");
  // 74 octets then "é" (2 octets): cutting at 75 would split it, so the fold comes before it.
  CHECK(ics_line(std::string(74, 'd') + "\xC3\xA9" + "e") == std::string(74, 'd') + "\r\n \xC3\xA9" + "e\r\n");
}

TEST_CASE("timeline format: iCalendar TEXT escapes backslash, semicolon, comma and newline") {
  CHECK(ics_text("a\\b;c,d\ne\x01"
                 "f\tg") == "a\\\\b\\;c\\,d\\nef\tg");
}

TEST_CASE("timeline format: UIDs come from what a deadline is, with a hash of the exact parts") {
  // The hashes are 64-bit FNV-1a over the parts joined by 0x1F, computed separately in Python.
  CHECK(ics_uid({"t-icpc", "minutes", ""}) == "t-icpc.minutes-906241f2ae5b21f6@cpconf.invalid");
  CHECK(ics_uid({"t-icpc", "report-to-family", "a1"}) == "t-icpc.report-to-family.a1-10fad48939f95dee@cpconf.invalid");
  CHECK(ics_uid({"id with, comma; \xC3\xA9", "report-to-chair", "a1"}) ==
        "id_with__comma____.report-to-chair.a1-b8a3bca9c3012d8a@cpconf.invalid");
}

TEST_CASE("timeline format: a calendar of all-day events, stamped with the as-of day") {
  CalendarEvent event{"u-1@cpconf.invalid",
                      d("2026-12-31"),
                      "Minutes sent – t-icpc [due]",
                      "Line one\nLine; two",
                      {"cpconf", "minutes"}};
  CHECK(format_ics("cpconf: t", {event}, d("2026-04-14")) ==
        "BEGIN:VCALENDAR\r\n"
        "VERSION:2.0\r\n"
        "PRODID:-//cpconf//cpconf timeline//EN\r\n"
        "CALSCALE:GREGORIAN\r\n"
        "METHOD:PUBLISH\r\n"
        "X-WR-CALNAME:cpconf: t\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:u-1@cpconf.invalid\r\n"
        "DTSTAMP:20260414T000000Z\r\n"
        "DTSTART;VALUE=DATE:20261231\r\n"
        "DTEND;VALUE=DATE:20270101\r\n"
        "SUMMARY:Minutes sent – t-icpc [due]\r\n"
        "DESCRIPTION:Line one\\nLine\\; two\r\n"
        "CATEGORIES:cpconf,minutes\r\n"
        "TRANSP:TRANSPARENT\r\n"
        "END:VEVENT\r\n"
        "END:VCALENDAR\r\n");
}

TEST_CASE("timeline format: status in words") {
  Date as_of = d("2026-04-14");
  auto status = [&](State state, std::optional<Lateness> amount, std::string_view due = "2026-04-23") {
    TimelineEntry e = deadline_entry("minutes", "minutes sent", due, state, amount);
    e.note = "no plan was made";
    return status_text(e, as_of);
  };
  CHECK(status(State::met, std::nullopt) == "met");
  CHECK(status(State::missed, Lateness{1}) == "missed by 1 working day");
  CHECK(status(State::missed, Lateness{90, LateUnit::minutes}) == "missed by 1 hour 30 minutes");
  CHECK(status(State::missed, Lateness{12, LateUnit::days}) == "missed by 12 days");
  CHECK(status(State::overdue, Lateness{3}) == "overdue by 3 working days");
  CHECK(status(State::due, Lateness{7}) == "due in 7 working days");
  CHECK(status(State::due, Lateness{0}, "2026-04-14") == "due today");
  // Friday 17 April 2026 with a deadline on Sunday 19 April: no working day is left.
  CHECK(standing_text({State::due, Lateness{0}}, d("2026-04-19"), d("2026-04-17")) ==
        "due before the next working day");
  CHECK(status(State::not_applicable, std::nullopt) == "n/a: no plan was made");
  CHECK(status(State::open, Lateness{2}) == "open for 2 working days more");
  CHECK(status(State::closed, std::nullopt) == "closed");
}

TEST_CASE("timeline format: the text table, its notes and its summary") {
  CHECK(format_timeline_text(small_timeline(), false) ==
        "t-icpc: initial conference on 2026-03-24 10:00–11:30, chair Chair One\n"
        "case T-1, profile england, as of 2026-04-14: t.yaml\n"
        "decisions: Amy Test plan\n"
        "\n"
        "DATE              WHAT                                          DONE        STATUS\n"
        "2026-03-22        report to the family: Sam \"Sammy\" Worker, Jr  2026-03-22  missed by 13 hours 59 minutes\n"
        "                  at least 48 hours before the conference\n"
        "2026-03-24 10:00  conference\n"
        "2026-04-23        minutes sent                                              due in 7 working days\n"
        "                  within 20 working days of the initial conference; not counting Good Friday 2026-04-03 "
        "and Easter Monday 2026-04-06\n"
        "\n"
        "2 deadlines: 0 met, 1 missed, 0 overdue, 1 due, 0 not applicable\n");
}

TEST_CASE("timeline format: colour marks the status only, and never the alignment") {
  std::string text = format_timeline_text(small_timeline(), true);
  CHECK(text.find("\033[31mmissed by 13 hours 59 minutes\033[0m\n") != std::string::npos);
  CHECK(text.find("\033[33mdue in 7 working days\033[0m\n") != std::string::npos);
  CHECK(text.find("\033[2mat least 48 hours before the conference\033[0m\n") != std::string::npos);
}

TEST_CASE("timeline format: CSV quotes what needs quoting and keeps one row per item") {
  DueReport report{d("2026-04-14"), 5, 2, {}};
  DueItem item{"dir/t.yaml", "t-icpc", "T-1", "Chair One", small_timeline().entries[0]};
  item.entry.state = State::overdue;
  item.entry.amount = Lateness{3};
  item.entry.when.reset();
  report.items.push_back(item);
  CHECK(format_due_csv(report) ==
        "due,status,amount,unit,kind,label,who,who_id,grouping,conference,case,chair,file,arranged,rule,note\n"
        "2026-03-22,overdue,3,working-days,report-to-family,report to the family,\"Sam \"\"Sammy\"\" Worker, "
        "Jr\",a1,,t-icpc,T-1,Chair One,dir/t.yaml,,at least 48 hours before the conference,\n");
}

TEST_CASE("timeline format: an empty due list says so, with what was read") {
  DueReport report{d("2026-04-14"), 5, 12, {}};
  CHECK(format_due_text(report, false) ==
        "nothing overdue or due within 5 working days as of 2026-04-14 (12 records)\n");
  CHECK(format_due_json(report) ==
        "{\n  \"as_of\": \"2026-04-14\",\n  \"within\": 5,\n  \"records\": 12,\n  \"items\": [],\n  \"summary\": "
        "{\"overdue\": 0, \"due\": 0}\n}\n");
}

TEST_CASE("timeline format: the case chart puts every conference on one date axis") {
  Profile profile;
  Calendar calendar;
  auto conference = [&](std::string id, ConferenceKind kind, std::string_view date, std::string previous) {
    ChainConference c;
    c.id = std::move(id);
    c.case_id = "K-1";
    c.kind = kind;
    c.date = d(date);
    c.previous = std::move(previous);
    c.children = {{"k1", "Amy Test", Outcome::plan}};
    c.made_plan = true;
    c.profile = &profile;
    c.calendar = &calendar;
    return c;
  };
  CaseChain chain = build_case_chain("K-1",
                                     {conference("i", ConferenceKind::initial, "2026-01-05", ""),
                                      conference("r1", ConferenceKind::review, "2026-04-20", "i"),
                                      conference("r2", ConferenceKind::review, "2026-10-01", "r1")},
                                     d("2026-11-02"));
  // Axis: 5 January 2026 to 1 April 2027 (the next review, 6 months after 1 October), 451 days
  // on 48 columns, 0.104 a day: 1 April 2026 is column 9, 1 July 18, 1 October 28, 1 January
  // 2027 38 (labels every 3 months, so that none touch). 5 January + 3 months = 5 April;
  // 20 April is 3 months 15 days on, 15 days late. 20 April + 6 months = 20 October, so 1 October
  // (5 months 11 days on) is on time. The next review is due by 1 April 2027: as of 2 November
  // 2026, 103 working days (20 in November, 21 in December less 25 and 28, 20 in January less the
  // 1st, 20 in February, 20 in March less Good Friday 26 March and Easter Monday 29, and 1 April).
  CHECK(
      format_case_text(chain, false) ==
      "case K-1: 3 conferences, as of 2026-11-02\n"
      "\n"
      "KIND     DATE        CONFERENCE           2026-04  2026-07   2026-10   2027-01     INTERVAL          DUE BY     "
      "   "
      "         STATUS\n"
      "initial  2026-01-05  i           *                              :\n"
      "review   2026-04-20  r1          +--------|!*                   :                  3 months 15 days  2026-04-05 "
      "(3 months)  missed by 15 days\n"
      "review   2026-10-01  r2                     +----------------* |:                  5 months 11 days  2026-10-20 "
      "(6 months)  met\n"
      "next     2027-04-01  review due                               ------------------>                    2027-04-01 "
      "(6 months)  due in 103 working days\n"
      "* held  o arranged  + measured from  | latest date allowed  ! late  > next review  : as of 2026-11-02\n"
      "\n"
      "plans\n"
      "  Amy Test (k1)  made 2026-01-05; continued 2026-04-20; continued 2026-10-01; open\n"
      "\n"
      "next review: 2027-04-01 (no date set: the latest allowed, 6 months after r2 on 2026-10-01): due in 103 "
      "working days\n");
}
