#include <algorithm>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "cpconf/source/profile_reader.hpp"
#include "cpconf/vote/format.hpp"
#include "cpconf/vote/open_votes.hpp"
#include "support.hpp"

namespace {

using cpconf::DecidedBy;
using Strings = std::vector<std::string>;

constexpr std::string_view k_head = R"(cpconf: 1
conference:
  id: v-1
  case: case-v
  kind: initial
  profile: {}
  strategy-discussion: 2026-03-02
  start: 2026-03-20 10:00
  end: 2026-03-20 11:30
  chair: Test Chair
children:
  - {{id: c1, name: Ann Test, born: 2019-05-01}}
attendees:
  - {{id: a1, name: Sam Shah, capacity: professional, role: Social worker, agency: Children's services, attendance: present, children: [c1]}}
  - {{id: a2, name: Hana Hill, capacity: professional, role: Health visitor, agency: Health board, attendance: present, children: [c1]}}
  - {{id: a3, name: Dev Dean, capacity: professional, role: Detective constable, agency: Police, attendance: present, children: [c1]}}
  - {{id: a4, name: Tia Todd, capacity: professional, role: Teacher, agency: Hill primary school, attendance: present, children: [c1]}}
escalations:
  - {{by: a3, children: [c1], raised: 2026-03-23, about: Police disagree.}}
decisions:
  - child: c1
)";

constexpr std::string_view k_groupings[] = {"childrens-social-care", "child-health", "police", "education"};

// A record whose one decision has the votes of a1, a2, ... and the lines given after them.
std::string record_text(std::string_view profile, std::initializer_list<std::string_view> votes,
                        std::string_view rest) {
  std::string out = fmt::format(fmt::runtime(k_head), profile);
  if (votes.size() > 0) out += "    votes:\n";
  std::size_t i = 0;
  for (auto v : votes) {
    out += fmt::format("      - {{grouping: {}, by: a{}, vote: {}, reasoning: reason {}}}\n", k_groupings[i], i + 1, v,
                       i + 1);
    ++i;
  }
  return out + std::string(rest);
}

struct Reviewed {
  cpconf::Record record;
  cpconf::Profile profile;
  cpconf::RecordReview review;
};

// Loads and reviews a record; the Reviewed keeps what the review points into.
std::unique_ptr<Reviewed> reviewed(const std::string& yaml) {
  auto r = std::make_unique<Reviewed>();
  r->record = cpconf::test::record_from(yaml);
  r->profile = cpconf::load_profile(*r->record.conference.profile);
  static const cpconf::Calendar calendar;
  r->review = cpconf::review_votes(r->record, r->profile, calendar, nullptr);
  return r;
}

std::string source_path(std::string_view relative) { return fmt::format("{}/{}", CPCONF_SOURCE_DIR, relative); }

// Loads files as `cpconf vote` does and adds them to statistics, in the order given.
cpconf::VoteStats stats_of(const Strings& files, const cpconf::VoteFilter& filter = {}) {
  cpconf::RecordSource source({});
  cpconf::VoteStats stats;
  for (const auto& file : files) {
    auto loaded = cpconf::open_votes(source, file);
    if (auto* failure = std::get_if<cpconf::LoadFailure>(&loaded)) {
      stats.add_failure(std::move(*failure));
    } else {
      stats.add(std::get<cpconf::VoteRecord>(loaded).review(), filter);
    }
  }
  return stats;
}

Strings summary_corpus() {
  Strings files;
  for (const auto& name : {"s1", "s2", "s3", "s4", "s5"}) {
    files.push_back(source_path(fmt::format("tests/e2e/vote/summary/{}.yaml", name)));
  }
  return files;
}

}  // namespace

TEST_CASE("vote summary: how each decision was reached") {
  struct Case {
    std::string_view name;
    std::string_view profile;
    std::initializer_list<std::string_view> votes;
    std::string_view rest;
    DecidedBy expected;
  };
  const Case cases[] = {
      {"consensus", "north-wales", {"plan", "plan"}, "    consensus: true\n    outcome: plan\n", DecidedBy::consensus},
      {"consensus without votes", "england", {}, "    consensus: true\n    outcome: no-plan\n", DecidedBy::consensus},
      {"consensus claimed over split votes: the votes decide",
       "north-wales",
       {"plan", "plan", "no-plan"},
       "    consensus: true\n    outcome: plan\n",
       DecidedBy::majority},
      {"unanimous", "north-wales", {"plan", "plan", "plan"}, "    outcome: plan\n", DecidedBy::unanimous},
      {"majority", "north-wales", {"plan", "plan", "no-plan"}, "    outcome: plan\n", DecidedBy::majority},
      {"casting vote",
       "north-wales",
       {"plan", "no-plan"},
       "    casting-vote: no-plan\n    outcome: no-plan\n",
       DecidedBy::casting_vote},
      {"tie without casting vote",
       "north-wales",
       {"plan", "no-plan"},
       "    outcome: plan\n",
       DecidedBy::no_casting_vote},
      {"over-rule",
       "west-berkshire",
       {"plan", "no-plan", "no-plan"},
       "    outcome: plan\n    over-rule: {rationale: why}\n",
       DecidedBy::over_rule},
      {"chair decides on split views", "england", {"plan", "no-plan", "plan"}, "    outcome: plan\n", DecidedBy::chair},
      {"no votes", "north-wales", {}, "    outcome: plan\n", DecidedBy::no_votes},
  };
  for (const auto& c : cases) {
    SUBCASE(std::string(c.name).c_str()) {
      auto r = reviewed(record_text(c.profile, c.votes, c.rest));
      REQUIRE(r->review.decisions.size() == 1);
      CHECK(r->review.decisions[0].decided_by == c.expected);
    }
  }
}

TEST_CASE("vote summary: a decision is inconsistent exactly when a consistency rule fires on it") {
  SUBCASE("the outcome contradicts a 3-1 majority: outcome-contradicts-votes, with the rule's own message") {
    std::string yaml =
        record_text("north-wales", {"plan", "plan", "plan", "no-plan"},
                    "    outcome: no-plan\n    dissent: [childrens-social-care, child-health, police]\n");
    auto r = reviewed(yaml);
    const auto& d = r->review.decisions[0];
    REQUIRE(d.inconsistencies.size() == 1);
    CHECK(d.inconsistencies[0].rule == "outcome-contradicts-votes");
    CHECK(d.inconsistencies[0].path == "decisions[0].outcome");
    auto messages = cpconf::test::run_rule("outcome-contradicts-votes", yaml);
    REQUIRE(messages.size() == 1);
    CHECK(messages[0] == "decisions[0].outcome: " + d.inconsistencies[0].message);
    CHECK_FALSE(r->review.consistent());
  }
  SUBCASE("a 2-2 tie with no casting vote") {
    auto r = reviewed(record_text("north-wales", {"plan", "plan", "no-plan", "no-plan"},
                                  "    outcome: plan\n    dissent: [police, education]\n"));
    const auto& d = r->review.decisions[0];
    REQUIRE(d.inconsistencies.size() == 1);
    CHECK(d.inconsistencies[0].rule == "tie-without-casting-vote");
  }
  SUBCASE("a casting vote without a tie, and dissent not listed") {
    auto r = reviewed(
        record_text("north-wales", {"plan", "plan", "no-plan"}, "    casting-vote: plan\n    outcome: plan\n"));
    Strings rules;
    for (const auto& f : r->review.decisions[0].inconsistencies) rules.push_back(f.rule);
    // In file order: dissent-not-recorded points at the decision's start (it has no 'dissent' key), which comes
    // before its 'casting-vote' line.
    CHECK(rules == Strings{"dissent-not-recorded", "casting-vote-without-tie"});
  }
  SUBCASE("under chair-decides an outcome against most views is shown, not an inconsistency") {
    auto r = reviewed(record_text("west-berkshire", {"plan", "no-plan", "no-plan"},
                                  "    outcome: plan\n    dissent: [child-health, police]\n"));
    const auto& d = r->review.decisions[0];
    CHECK(d.consistent());
    CHECK(d.against_majority());
    CHECK(d.decided_by == DecidedBy::chair);
  }
  SUBCASE("a consistent decision") {
    auto r =
        reviewed(record_text("north-wales", {"plan", "plan", "no-plan"}, "    outcome: plan\n    dissent: [police]\n"));
    CHECK(r->review.consistent());
    CHECK_FALSE(r->review.decisions[0].against_majority());
  }
}

TEST_CASE("vote summary: a profile that switches a consistency rule off is followed") {
  std::string yaml = record_text("north-wales", {"plan", "plan", "no-plan", "no-plan"},
                                 "    outcome: plan\n    dissent: [police, education]\n");
  cpconf::Record record = cpconf::test::record_from(yaml);
  cpconf::Profile profile = cpconf::load_profile("north-wales");
  cpconf::RuleSettings settings;
  settings["tie-without-casting-vote"] = cpconf::RuleSetting{false, std::nullopt};
  cpconf::Calendar calendar;
  auto review = cpconf::review_votes(record, profile, calendar, &settings);
  CHECK(review.consistent());
}

TEST_CASE("vote summary: dissent entries name each dissenter with their vote, reasoning and escalation") {
  auto r = reviewed(record_text("north-wales", {"plan", "plan", "no-plan", "no-plan"},
                                "    casting-vote: plan\n    outcome: plan\n    dissent: [police, housing]\n"
                                "    chair-concern: {concern: Worried.}\n"));
  auto entries = cpconf::dissent_entries(r->review, {});
  REQUIRE(entries.size() == 1);
  const auto& e = entries[0];
  CHECK(e.conference == "v-1");
  CHECK(e.date == "2026-03-20");
  CHECK(e.chair == "Test Chair");
  CHECK(e.child == "c1");
  CHECK(e.child_name == "Ann Test");
  CHECK(e.outcome == cpconf::Outcome::plan);
  CHECK(e.plan == 2);
  CHECK(e.no_plan == 2);
  CHECK(e.decided_by == DecidedBy::casting_vote);
  REQUIRE(e.dissenters.size() == 3);
  // police and education voted against the outcome; housing is listed but did not vote.
  CHECK(e.dissenters[0].grouping == "police");
  CHECK(e.dissenters[0].by == "a3");
  CHECK(e.dissenters[0].by_name == "Dev Dean");
  CHECK(e.dissenters[0].reasoning == "reason 3");
  CHECK(e.dissenters[0].voted_against);
  CHECK(e.dissenters[0].listed);
  REQUIRE(e.dissenters[0].escalation.has_value());
  CHECK(e.dissenters[0].escalation->by == "a3");
  CHECK(e.dissenters[0].escalation->raised == "2026-03-23");
  CHECK(e.dissenters[1].grouping == "education");
  CHECK_FALSE(e.dissenters[1].listed);
  CHECK_FALSE(e.dissenters[1].escalation.has_value());
  CHECK(e.dissenters[2].grouping == "housing");
  CHECK(e.dissenters[2].listed);
  CHECK_FALSE(e.dissenters[2].voted_against);
  CHECK_FALSE(e.dissenters[2].vote.has_value());
  REQUIRE(e.chair_concern.has_value());
  CHECK(e.chair_concern->concern == "Worried.");
  CHECK(e.chair_concern->escalated_to.empty());

  SUBCASE("a unanimous decision is not listed") {
    auto unanimous = reviewed(record_text("north-wales", {"plan", "plan"}, "    outcome: plan\n"));
    CHECK(cpconf::dissent_entries(unanimous->review, {}).empty());
  }
}

TEST_CASE("vote summary: filters by date, chair and dissenting grouping") {
  auto r =
      reviewed(record_text("north-wales", {"plan", "plan", "no-plan"}, "    outcome: plan\n    dissent: [police]\n"));
  cpconf::VoteFilter filter;
  CHECK(filter.admits(r->record));
  filter.since = cpconf::Date{2026, 3, 20};
  filter.until = cpconf::Date{2026, 3, 20};
  CHECK(filter.admits(r->record));  // both ends are inclusive
  filter.since = cpconf::Date{2026, 3, 21};
  CHECK_FALSE(filter.admits(r->record));
  filter = {};
  filter.until = cpconf::Date{2026, 3, 19};
  CHECK_FALSE(filter.admits(r->record));
  filter = {};
  filter.chair = "  test CHAIR ";
  CHECK(filter.admits(r->record));
  filter.chair = "Test";
  CHECK_FALSE(filter.admits(r->record));
  filter = {};
  filter.grouping = "police";
  CHECK(cpconf::dissent_entries(r->review, filter).size() == 1);
  filter.grouping = "education";
  CHECK(cpconf::dissent_entries(r->review, filter).empty());
}

// The audit corpus tests/e2e/vote/summary (s1 to s5), counted by hand from the files:
//   s1 north-wales, Ann Chair, c1: consensus, 3 plan votes, plan [neglect].
//   s2 north-wales, Ann Chair, siblings decided separately:
//      c1 csc/ch/edu plan, police no-plan: majority plan [physical, emotional-psychological];
//      c2 csc/police plan, edu/housing no-plan: 2-2, casting vote plan [neglect]; csc prevailed (1 with, 2 against).
//   s3 north-wales, Ben Chair, c1 csc/edu no-plan, ch/police plan: 2-2, no casting vote, outcome no-plan
//      (tie-without-casting-vote); csc prevailed (edu with, ch and police against); child health escalated;
//      chair's concern escalated.
//   s4 west-berkshire, Ben Chair: c1 csc plan, police/ch/edu no-plan, over-rule to plan [emotional], against the
//      majority, csc prevailed (0 with, 3 against), police escalated; c2 four no-plan views, unanimous.
//   s5 england, Cat Chair: c1 csc/police/ch plan, edu no-plan, chair decides plan [neglect, emotional],
//      education's dissent not listed (dissent-not-recorded); c2 consensus, no views, no-plan.
TEST_CASE("vote summary: statistics over the audit corpus match the hand count") {
  cpconf::VoteStats s = stats_of(summary_corpus());
  CHECK(s.files == 5);
  CHECK(s.failures.empty());
  CHECK(s.conferences == 5);
  CHECK(s.first_date == "2026-01-12");
  CHECK(s.last_date == "2026-05-18");
  CHECK(s.decisions == 8);                                  // 1 + 2 + 1 + 2 + 2
  CHECK(s.decided_by.at(DecidedBy::consensus) == 2);        // s1 c1, s5 c2
  CHECK(s.decided_by.at(DecidedBy::unanimous) == 1);        // s4 c2
  CHECK(s.decided_by.at(DecidedBy::majority) == 1);         // s2 c1
  CHECK(s.decided_by.at(DecidedBy::casting_vote) == 1);     // s2 c2
  CHECK(s.decided_by.at(DecidedBy::no_casting_vote) == 1);  // s3 c1
  CHECK(s.decided_by.at(DecidedBy::over_rule) == 1);        // s4 c1
  CHECK(s.decided_by.at(DecidedBy::chair) == 1);            // s5 c1
  CHECK(s.decided_by.count(DecidedBy::no_votes) == 0);
  CHECK(s.split_decisions() == 5);
  CHECK(s.ties == 2);  // s2 c2, s3 c1
  CHECK(s.casting_votes == 1);
  CHECK(s.over_rules == 1);
  CHECK(s.against_majority == 1);  // s4 c1; a tie has no majority
  CHECK(s.inconsistent == 2);      // s3 c1, s5 c1
  CHECK(s.inconsistent_by_rule ==
        std::map<std::string, int, std::less<>>{{"dissent-not-recorded", 1}, {"tie-without-casting-vote", 1}});
  CHECK(s.plans == 5);     // s1 c1, s2 c1, s2 c2, s4 c1, s5 c1
  CHECK(s.no_plans == 3);  // s3 c1, s4 c2, s5 c2
  // North Wales's emotional-psychological (s2 c1) is counted as the national emotional, with
  // England's (s5 c1) and West Berkshire's (s4 c1): one category, one row.
  CHECK(s.categories ==
        std::map<std::string, int, std::less<>>{{"emotional", 3}, {"neglect", 3}, {"physical", 1}});
  CHECK(s.plans_without_category == 0);
  // Counted votes on decisions with an outcome, and those against it:
  //   csc: s1, s2 c1, s2 c2, s3, s4 c1, s4 c2, s5 c1 = 7, never against.
  //   child-health: s1, s2 c1, s3 (against, escalated), s4 c1 (against), s4 c2, s5 c1 = 6, 2 against, 1 escalated.
  //   education: s2 c1, s2 c2 (against), s3, s4 c1 (against), s4 c2, s5 c1 (against) = 6, 3 against.
  //   housing: s2 c2 (against) = 1, 1 against.
  //   police: s1, s2 c1 (against), s2 c2, s3 (against), s4 c1 (against, escalated), s4 c2, s5 c1 = 7, 3 against.
  REQUIRE(s.groupings.size() == 5);
  auto check_grouping = [&](std::string_view id, int votes, int dissents, int escalated) {
    INFO(id);
    const auto& g = s.groupings.at(std::string(id));
    CHECK(g.votes == votes);
    CHECK(g.dissents == dissents);
    CHECK(g.escalated == escalated);
  };
  check_grouping("childrens-social-care", 7, 0, 0);
  check_grouping("child-health", 6, 2, 1);
  check_grouping("education", 6, 3, 0);
  check_grouping("housing", 1, 1, 0);
  check_grouping("police", 7, 3, 1);
  REQUIRE(s.chairs.size() == 3);
  const auto& ann = s.chairs.at("ann chair");
  CHECK(ann.name == "Ann Chair");
  CHECK(ann.conferences == 2);
  CHECK(ann.decisions == 3);
  CHECK(ann.casting_votes == 1);
  CHECK(ann.over_rules == 0);
  const auto& ben = s.chairs.at("ben chair");
  CHECK(ben.conferences == 2);
  CHECK(ben.decisions == 3);
  CHECK(ben.casting_votes == 0);
  CHECK(ben.over_rules == 1);
  CHECK(ben.against_majority == 1);
  CHECK(ben.concerns == 1);
  CHECK(ben.concerns_escalated == 1);
  const auto& cat = s.chairs.at("cat chair");
  CHECK(cat.conferences == 1);
  CHECK(cat.decisions == 2);
  REQUIRE(s.social_care_prevailed.size() == 3);
  CHECK(s.social_care_prevailed[0].conference == "s2-2026-02-09");
  CHECK(s.social_care_prevailed[0].child == "c2");
  CHECK(s.social_care_prevailed[0].decided_by == "casting vote");
  CHECK(s.social_care_prevailed[1].conference == "s3-2026-03-16");
  CHECK(s.social_care_prevailed[2].conference == "s4-2026-04-20");
  CHECK(s.social_care_prevailed[2].decided_by == "over-rule");
}

TEST_CASE("vote summary: a filter leaves records out and counts them") {
  cpconf::VoteFilter filter;
  filter.chair = "ben chair";
  cpconf::VoteStats s = stats_of(summary_corpus(), filter);
  CHECK(s.files == 5);
  CHECK(s.filtered_out == 3);  // s1, s2 (Ann Chair), s5 (Cat Chair)
  CHECK(s.conferences == 2);
  CHECK(s.decisions == 3);
  CHECK(s.chairs.size() == 1);
}

TEST_CASE("vote summary: merging per-record statistics gives the same counts in any order") {
  Strings files = summary_corpus();
  cpconf::VoteStats whole = stats_of(files);
  cpconf::VoteStats forward, backward;
  for (const auto& f : files) forward.merge(stats_of({f}));
  for (auto it = files.rbegin(); it != files.rend(); ++it) backward.merge(stats_of({*it}));
  for (const auto* merged : {&forward, &backward}) {
    CHECK(merged->files == whole.files);
    CHECK(merged->conferences == whole.conferences);
    CHECK(merged->first_date == whole.first_date);
    CHECK(merged->last_date == whole.last_date);
    CHECK(merged->decisions == whole.decisions);
    CHECK(merged->decided_by == whole.decided_by);
    CHECK(merged->ties == whole.ties);
    CHECK(merged->casting_votes == whole.casting_votes);
    CHECK(merged->inconsistent_by_rule == whole.inconsistent_by_rule);
    CHECK(merged->categories == whole.categories);
    CHECK(merged->groupings.size() == whole.groupings.size());
    for (const auto& [id, g] : whole.groupings) {
      CHECK(merged->groupings.at(id).votes == g.votes);
      CHECK(merged->groupings.at(id).dissents == g.dissents);
      CHECK(merged->groupings.at(id).escalated == g.escalated);
    }
    CHECK(merged->social_care_prevailed.size() == whole.social_care_prevailed.size());
  }
  // In input order, the lists come out in input order too.
  REQUIRE(forward.social_care_prevailed.size() == 3);
  CHECK(forward.social_care_prevailed[0].conference == whole.social_care_prevailed[0].conference);
  CHECK(forward.social_care_prevailed[2].conference == whole.social_care_prevailed[2].conference);
}

TEST_CASE("vote summary: files that cannot be used are load failures with their findings") {
  cpconf::RecordSource source({});
  SUBCASE("a record with loader errors") {
    std::string file = source_path("tests/e2e/vote/does-not-load.yaml");
    auto loaded = cpconf::open_votes(source, file);
    REQUIRE(std::holds_alternative<cpconf::LoadFailure>(loaded));
    const auto& failure = std::get<cpconf::LoadFailure>(loaded);
    CHECK(failure.message == fmt::format("'{}' does not load as a conference record", file));
    REQUIRE(failure.findings.size() == 2);
    CHECK(failure.findings[0].rule == "missing-field");
    CHECK(failure.findings[0].location.line == 18);
    CHECK(failure.findings[1].rule == "invalid-value");
    CHECK(failure.findings[1].location.line == 20);
    CHECK(failure.findings[1].location.column == 57);
    CHECK_FALSE(failure.source.empty());
  }
  SUBCASE("a missing file") {
    auto loaded = cpconf::open_votes(source, "/nonexistent/r.yaml");
    REQUIRE(std::holds_alternative<cpconf::LoadFailure>(loaded));
    CHECK(std::get<cpconf::LoadFailure>(loaded).findings.empty());
  }
  SUBCASE("a record naming no known profile: its decision mode is unknown") {
    auto dir = std::filesystem::temp_directory_path() / "cpconf-vote-summary-test";
    std::filesystem::create_directories(dir);
    auto file = (dir / "r.yaml").string();
    {
      std::string yaml = record_text("north-wails", {"plan"}, "    outcome: plan\n");
      std::FILE* out = std::fopen(file.c_str(), "w");
      REQUIRE(out != nullptr);
      std::fputs(yaml.c_str(), out);
      std::fclose(out);
    }
    cpconf::SourceSettings settings;
    settings.config_mode = cpconf::SourceSettings::ConfigMode::none;
    cpconf::RecordSource no_config(settings);
    auto loaded = cpconf::open_votes(no_config, file);
    std::filesystem::remove_all(dir);
    REQUIRE(std::holds_alternative<cpconf::LoadFailure>(loaded));
    const auto& failure = std::get<cpconf::LoadFailure>(loaded);
    CHECK(failure.message ==
          fmt::format("'{}' names a profile cpconf does not know, so its decision mode is unknown", file));
    REQUIRE(failure.findings.size() == 1);
    CHECK(failure.findings[0].rule == "invalid-value");
    CHECK(failure.findings[0].path == "conference.profile");
  }
}

TEST_CASE("vote summary: --profile decides the mode of every record") {
  // s4 names west-berkshire (chair decides); under north-wales Eve's over-ruled decision is a grouping vote.
  cpconf::SourceSettings settings;
  settings.profile = "north-wales";
  settings.config_mode = cpconf::SourceSettings::ConfigMode::none;
  cpconf::RecordSource source(settings);
  auto loaded = cpconf::open_votes(source, source_path("tests/e2e/vote/summary/s4.yaml"));
  REQUIRE(std::holds_alternative<cpconf::VoteRecord>(loaded));
  const auto& votes = std::get<cpconf::VoteRecord>(loaded);
  CHECK(votes.opened.profile->name == "north-wales");
  auto review = votes.review();
  CHECK(review.decisions[1].decided_by == DecidedBy::unanimous);
  CHECK(review.decisions[0].decided_by == DecidedBy::over_rule);
}

TEST_CASE("vote summary: --redact shows each record's text through its own redactor; the votes are counted as written") {
  cpconf::Record record = cpconf::test::record_from(
      record_text("north-wales", {"plan", "plan", "no-plan", "no-plan"},
                  "    casting-vote: plan\n    outcome: plan\n    dissent: [police, housing]\n"
                  "    chair-concern: {concern: ANN TEST and Gwen Bryn are at risk since 01/05/2019.}\n"));
  cpconf::Profile profile = cpconf::load_profile("north-wales");
  const cpconf::Calendar calendar;
  auto review_at = [&](cpconf::Redaction level) {
    return cpconf::review_votes(record, profile, calendar, nullptr, {level, {"Gwen Bryn"}});
  };

  cpconf::RecordReview family = review_at(cpconf::Redaction::family);
  auto entries = cpconf::dissent_entries(family, {});
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].decided_by == DecidedBy::casting_vote);  // tallied on the record as written
  CHECK(entries[0].child_name == "A.T.");
  CHECK(entries[0].dissenters[0].by_name == "Dev Dean");  // a professional: shown at family level
  REQUIRE(entries[0].chair_concern.has_value());
  CHECK(entries[0].chair_concern->concern == "A.T. and G.B. are at risk since [date of birth].");

  cpconf::RecordReview all = review_at(cpconf::Redaction::all);
  entries = cpconf::dissent_entries(all, {});
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].chair == "the chair");
  CHECK(entries[0].dissenters[0].by_name == "Detective constable");
  cpconf::VoteStats stats;
  stats.add(all, {});
  REQUIRE(stats.chairs.size() == 1);
  CHECK(stats.chairs.begin()->second.name == "the chair");

  for (auto format : {cpconf::VoteFormat::text, cpconf::VoteFormat::json, cpconf::VoteFormat::markdown,
                      cpconf::VoteFormat::csv}) {
    std::string shown = cpconf::format_record_votes(family, format, false);
    CHECK(shown.find("Ann") == std::string::npos);
    CHECK(shown.find("ANN") == std::string::npos);
    CHECK(shown.find("Gwen") == std::string::npos);
    CHECK(shown.find("A.T.") != std::string::npos);
  }
  // Without --redact nothing changes.
  std::string plain = cpconf::format_record_votes(review_at(cpconf::Redaction::none), cpconf::VoteFormat::json, false);
  CHECK(plain.find("ANN TEST and Gwen Bryn") != std::string::npos);
}

TEST_CASE("vote summary: categories are counted under their national words, a plan once per national category") {
  auto wales = reviewed(record_text("north-wales", {},
                                    "    consensus: true\n    outcome: plan\n    categories: [financial, neglect]\n"));
  auto england = reviewed(record_text("england", {}, "    consensus: true\n    outcome: plan\n    categories: [neglect]\n"));
  auto welsh_emotional = reviewed(record_text(
      "north-wales", {}, "    consensus: true\n    outcome: plan\n    categories: [emotional-psychological]\n"));
  cpconf::VoteStats stats;
  stats.add(wales->review, {});
  stats.add(england->review, {});
  stats.add(welsh_emotional->review, {});
  CHECK(stats.plans == 3);
  // Financial abuse is neglect in the national figures: the Welsh plan counts once under neglect.
  CHECK(stats.categories == std::map<std::string, int, std::less<>>{{"emotional", 1}, {"neglect", 2}});
  // The record keeps its own words.
  CHECK(*welsh_emotional->record.decisions[0].categories == cpconf::Ids{"emotional-psychological"});
}
