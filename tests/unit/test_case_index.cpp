#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "cpconf/check/case_rules.hpp"
#include "cpconf/derive/calendar.hpp"
#include "cpconf/load/profile.hpp"
#include "cpconf/source/profile_reader.hpp"

namespace {

using namespace cpconf;

struct Archive {
  Profile profile = load_profile("england");
  Calendar calendar{profile.closure_days};

  // Case n: an initial conference on day n of 2025 giving child P-n a plan, and a review two
  // months later continuing it. Clean unless changed.
  std::vector<CaseEntry> clean_case(int n) {
    auto entry = [&](int index, ConferenceKind kind, Date date) {
      CaseEntry e;
      e.case_id = "case-" + std::to_string(n);
      e.conference_id = e.case_id + "-" + std::to_string(index);
      e.file = e.conference_id + ".yaml";
      e.id_location = {4, 7};
      e.kind = kind;
      e.date = date;
      e.date_location = {9, 10};
      e.children.push_back({"P-" + std::to_string(n), "decisions[0]", {40, 5}, Outcome::plan});
      e.profile = &profile;
      e.calendar = &calendar;
      return e;
    };
    Date start = Date::from_serial(Date{2025, 1, 1}.serial() + n);
    CaseEntry review = entry(1, ConferenceKind::review, Calendar::add_months(start, 2));
    review.previous = "case-" + std::to_string(n) + "-0";
    review.previous_location = {8, 13};
    return {entry(0, ConferenceKind::initial, start), review};
  }
};

std::vector<std::string> describe(const Findings& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.rule + " " + f.file + ":" + std::to_string(f.location.line));
  return out;
}

}  // namespace

TEST_CASE("the case index finds cross-record faults among thousands of cases, in memory or spilled to disk") {
  Archive archive;
  std::vector<std::vector<CaseEntry>> cases;
  for (int n = 1; n <= 1500; ++n) cases.push_back(archive.clean_case(n));
  cases[9][1].conference_id = "case-900-0";               // case 10's review reuses case 900's initial id
  for (auto& e : cases[699]) e.children[0].key = "P-20";  // case 700 gives case 20's child a second plan
  cases[29][1].previous = "case-30-9";                    // case 30's review names no conference of its case

  for (std::size_t limit : {std::size_t{0}, SpillStore::k_default_memory_limit, std::size_t{1} << 30}) {
    CAPTURE(limit);
    CaseIndex index(CaseOptions{}, limit);
    for (const auto& entries : cases) {
      for (const auto& e : entries) index.add(e);
    }
    CHECK(index.size() == 3000);
    Findings findings;
    index.check([&](Finding&& finding) { findings.push_back(std::move(finding)); });
    CHECK(describe(findings) == std::vector<std::string>{"previous-missing case-30-1.yaml:8",
                                                         "overlapping-plans case-700-0.yaml:40",
                                                         "duplicate-id case-900-0.yaml:4"});
    REQUIRE(findings.size() == 3);
    CHECK(findings[1].message ==
          "child 'P-20' is given a plan at case-700-0 (initial 2026-12-02, case-700-0.yaml) while the plan made at "
          "case-20-0 (initial 2025-01-21, case-20-0.yaml) is still open: a child has one plan at a time");
    CHECK(findings[2].message ==
          "conference id 'case-900-0' is also used by case-10-1.yaml: conference ids must be unique across records");
  }
}

TEST_CASE("the case index keeps each record's profile: a rule switched off there stays off") {
  Archive archive;
  Profile quiet = archive.profile;
  quiet.rules["duplicate-id"] = RuleSetting{false, std::nullopt};
  std::vector<CaseEntry> entries = archive.clean_case(1);
  std::vector<CaseEntry> copy = archive.clean_case(1);
  copy[0].file = "copy.yaml";  // another case and child, with the same conference id
  copy[0].case_id = "case-copy";
  copy[0].children[0].key = "P-copy";
  copy[0].profile = &quiet;
  entries.push_back(copy[0]);
  CHECK(check_cases(entries, CaseOptions{}).empty());
  entries.back().profile = &archive.profile;
  CHECK(describe(check_cases(entries, CaseOptions{})) == std::vector<std::string>{"duplicate-id copy.yaml:4"});
}
