#include <string>

#include <doctest/doctest.h>

#include "cpconf/load/record_reader.hpp"

using namespace cpconf;

namespace {

constexpr std::string_view k_minimal = R"(cpconf: 1
conference:
  id: t-1
  case: case-t
  kind: initial
  strategy-discussion: 2026-03-02
  start: 2026-03-20 10:00
  chair: Test Chair
children:
  - id: c1
    name: Test Child
    born: 2019-05-01
attendees:
  - id: a1
    name: Test Worker
    capacity: professional
    role: Social worker
    agency: Children's services
    attendance: present
)";

std::vector<std::string> findings_of(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& f : load_record(text, "t.yaml").findings) {
    out.push_back(f.rule + " " + std::to_string(f.location.line) + ":" + std::to_string(f.location.column) + " " +
                  f.path + ": " + f.message);
  }
  return out;
}

std::string replace(std::string text, std::string_view from, std::string_view to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("record reader: a minimal record loads into the model with its places") {
  auto loaded = load_record(k_minimal, "t.yaml");
  CHECK(loaded.findings.empty());
  REQUIRE(loaded.record);
  const Record& r = *loaded.record;
  CHECK(*r.conference.kind == ConferenceKind::initial);
  CHECK(r.conference.start->str() == "2026-03-20 10:00");
  REQUIRE(r.children.size() == 1);
  CHECK(r.children[0].path == "children[0]");
  CHECK(r.children[0].born.location.line == 12);
  CHECK(*r.attendees[0].capacity == Capacity::professional);
}

TEST_CASE("record reader: unknown-field suggests the nearest known key") {
  auto text = replace(std::string(k_minimal), "  chair: Test Chair", "  chair: Test Chair\n  chiar: typo");
  CHECK(findings_of(text) ==
        std::vector<std::string>{
            "unknown-field 9:3 conference.chiar: unknown key 'chiar' in 'conference' (did you mean 'chair'?); known "
            "keys: id, case, kind, profile, strategy-discussion, s47-started, notified, previous, start, end, chair, "
            "quorate, proceed-reason, reconvened, sign-off"});
}

TEST_CASE("record reader: missing-field names the key and where it belongs") {
  SUBCASE("always required") {
    auto text = replace(std::string(k_minimal), "  chair: Test Chair\n", "");
    CHECK(findings_of(text) ==
          std::vector<std::string>{
              "missing-field 3:3 conference.chair: required key 'chair' is missing in 'conference'"});
  }
  SUBCASE("required by the conference kind: a review needs its previous conference") {
    auto text = replace(std::string(k_minimal), "kind: initial", "kind: review");
    CHECK(findings_of(text) ==
          std::vector<std::string>{"missing-field 3:3 conference.previous: required key 'previous' is missing in "
                                   "'conference'"});
  }
  SUBCASE("a pre-birth child needs the expected date of delivery") {
    auto text = replace(std::string(k_minimal), "kind: initial", "kind: pre-birth");
    text = replace(text, "    born: 2019-05-01\n", "");
    CHECK(findings_of(text) ==
          std::vector<std::string>{"missing-field 10:5 children[0].expected: required key 'expected' (expected date "
                                   "of delivery) is missing in 'children[0]'"});
  }
  SUBCASE("a key written with no value") {
    auto text = replace(std::string(k_minimal), "chair: Test Chair", "chair:");
    CHECK(findings_of(text) ==
          std::vector<std::string>{"missing-field 8:3 conference.chair: required key 'chair' has no value in "
                                   "'conference'"});
  }
}

TEST_CASE("record reader: invalid-value lists what is allowed") {
  SUBCASE("an enumeration, with the nearest value") {
    auto text = replace(std::string(k_minimal), "capacity: professional", "capacity: profesional");
    CHECK(findings_of(text) ==
          std::vector<std::string>{
              "invalid-value 16:15 attendees[0].capacity: 'capacity' must be one of professional, parent, child, "
              "family-member, supporter, advocate, legal-representative, inspectorate, cafcass, carer, observer, not "
              "'profesional' (did you mean 'professional'?)"});
  }
  SUBCASE("a malformed date, which is not also reported missing") {
    auto text = replace(std::string(k_minimal), "born: 2019-05-01", "born: 01/05/2019");
    CHECK(findings_of(text) ==
          std::vector<std::string>{"invalid-value 12:11 children[0].born: 'born' must be a real date written "
                                   "YYYY-MM-DD, not '01/05/2019'"});
  }
  SUBCASE("a conference start without a time") {
    auto text = replace(std::string(k_minimal), "start: 2026-03-20 10:00", "start: 2026-03-20");
    CHECK(findings_of(text) ==
          std::vector<std::string>{"invalid-value 7:10 conference.start: 'start' must give the time too: 2026-03-20 "
                                   "HH:MM"});
  }
  SUBCASE("a quoted boolean is text, not true") {
    auto text = replace(std::string(k_minimal), "    born: 2019-05-01", "    born: 2019-05-01\n    invited: \"yes\"");
    CHECK(findings_of(text) ==
          std::vector<std::string>{"invalid-value 13:14 children[0].invited: 'invited' must be true or false "
                                   "(unquoted), not 'yes'"});
  }
  SUBCASE("a list where a mapping belongs") {
    auto text = replace(std::string(k_minimal), "attendees:\n", "follow-up: [a]\nattendees:\n");
    CHECK(findings_of(text) ==
          std::vector<std::string>{"invalid-value 13:12 follow-up: 'follow-up' must be a mapping of keys, not a list"});
  }
  SUBCASE("a record that is not a mapping") {
    CHECK(findings_of("- a\n- b\n") ==
          std::vector<std::string>{"invalid-value 1:1 : a record must be a mapping of keys starting with "
                                   "'cpconf: 1', not a list"});
  }
}

TEST_CASE("record reader: format-version stops at a version this build does not read") {
  auto text = replace(std::string(k_minimal), "cpconf: 1", "cpconf: 2");
  auto loaded = load_record(text, "t.yaml");
  CHECK_FALSE(loaded.record);
  REQUIRE(loaded.findings.size() == 1);
  CHECK(loaded.findings[0].rule == "format-version");
  CHECK(loaded.findings[0].message == "this record is format version 2; this build of cpconf reads version 1 only");
}

TEST_CASE("record reader: a record lists at least one child and one attendee") {
  auto text = replace(std::string(k_minimal), "children:\n  - id: c1\n    name: Test Child\n    born: 2019-05-01\n",
                      "children: []\n");
  CHECK(findings_of(text) ==
        std::vector<std::string>{"missing-field 9:11 children: 'children' must list at least one item"});
}
