#include <string>

#include <doctest/doctest.h>

#include "cpconf/check/names.hpp"
#include "cpconf/derive/people.hpp"
#include "cpconf/check/validator.hpp"
#include "support.hpp"

using namespace cpconf;

namespace {

// Three of a family share the surname; the professional's name is not hidden.
constexpr std::string_view k_family = R"(cpconf: 1
conference:
  id: t-1
  case: case-t
  kind: initial
  strategy-discussion: 2026-03-02
  start: 2026-03-20 10:00
  chair: Test Chair
children:
  - id: c1
    name: Carys Hughes
    born: 2012-05-01
  - id: c2
    name: Unborn baby Okafor
    expected: 2026-09-01
attendees:
  - id: a1
    name: Sam Worker
    capacity: professional
    role: Social worker
    agency: Children's services
    attendance: present
  - id: a2
    name: Mrs Rhian Hughes
    capacity: parent
    attendance: present
  - id: a3
    name: Siân Anna-Marie de Souza
    capacity: supporter
    attendance: present
)";

}  // namespace

TEST_CASE("privacy: full names, first names and surnames become record paths") {
  NameRedactor names(test::record_from(k_family));
  // "Hughes" is shared by children[0] and attendees[1]: the first in the record names it.
  CHECK(names.apply("child c1 (Carys Hughes) lives with her mother, Mrs Rhian Hughes; Sam Worker visited") ==
        "child c1 (children[0]) lives with her mother, attendees[1]; Sam Worker visited");
  CHECK(names.apply("Rhian Hughes said CARYS's school called; hughes family") ==
        "attendees[1] said children[0]'s school called; children[0] family");
  CHECK(names.apply("Unborn baby Okafor, the baby, and the Okafor household") ==
        "children[1], the baby, and the children[1] household");
}

TEST_CASE("privacy: only whole words are replaced") {
  NameRedactor names(test::record_from(k_family));
  CHECK(names.apply("Carysfort, McHughes and Rhiannon stay") == "Carysfort, McHughes and Rhiannon stay");
  // Ids and file names join words with -, _ and digits: a name between them is still a word.
  CHECK(names.apply("hughes-icpc-2026-03-17, carys_hughes.yaml, carys2") ==
        "children[0]-icpc-2026-03-17, children[0]_children[0].yaml, children[0]2");
}

TEST_CASE("privacy: names with accents, hyphens and particles") {
  NameRedactor names(test::record_from(k_family));
  CHECK(names.apply("Siân and Anna-Marie, also called Marie; Souza; Siânna; de la Cruz") ==
        "attendees[2] and attendees[2], also called attendees[2]; attendees[2]; Siânna; de la Cruz");
  CHECK(names.apply("Siân Anna-Marie de Souza came") == "attendees[2] came");
  CHECK(name_parts("Mrs Anna-Marie de Souza") == std::vector<std::string>{"Anna-Marie", "Anna", "Marie", "Souza"});
  CHECK(name_parts("DC J. Lee") == std::vector<std::string>{"Lee"});
}

TEST_CASE("privacy: an attendee without a capacity is hidden like family") {
  Record record = test::record_from(k_family);
  record.attendees[0].capacity = {};
  CHECK(NameRedactor(record).apply("Sam Worker") == "attendees[0]");
  CHECK(NameRedactor().apply("Carys Hughes") == "Carys Hughes");
}

TEST_CASE("privacy: the validator names children by path in every finding when asked") {
  // Carys is 13 on the conference date and not invited: child-not-invited names her.
  Validator::Settings settings;
  settings.as_of = {2026, 11, 22};
  settings.select = {"child-not-invited"};
  settings.redact_names = true;
  test::Checker checker(settings);
  FileReport report = checker.check(k_family, "t.yaml");
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].message ==
        "child c1 (children[0]), born 2012-05-01, was 13 on the conference date 2026-03-20 and was not invited (no "
        "'invited: true') with no 'not-invited-reason': children aged 10 and over are normally invited, and the "
        "record should say why one was not");
  settings.redact_names = false;
  FileReport plain = test::Checker(settings).check(k_family, "t.yaml");
  REQUIRE(plain.findings.size() == 1);
  CHECK(plain.findings[0].message.substr(0, 22) == "child c1 (Carys Hughes");
}

TEST_CASE("privacy: only the names a text gives away are kept, and sets of names merge") {
  NameRedactor names(test::record_from(k_family));
  NameRedactor ids = names.only_in("hughes-icpc-2026-03-17\nrecords/anna-marie.yaml\ncase-t");
  CHECK_FALSE(ids.empty());
  CHECK(ids.apply("Hughes, Anna-Marie, Anna, Carys") == "children[0], attendees[2], attendees[2], Carys");
  CHECK(names.only_in("t-1\ncase-t\nrecords/a.yaml").empty());

  NameRedactor first = names.only_in("carys");
  NameRedactor second = NameRedactor(test::record_from(k_family)).only_in("rhian hughes");
  NameRedactor merged = NameRedactor::joined({&first, &second});
  CHECK(merged.apply("Carys and Rhian Hughes; Osian") == "children[0] and attendees[1]; Osian");
}

TEST_CASE("privacy: cross-record findings do not give names away through ids") {
  // Two records share the conference id "hughes-icpc-1", which holds the family's surname.
  std::string first(k_family);
  first.replace(first.find("id: t-1"), 7, "id: hughes-icpc-1");
  Validator::Settings settings;
  settings.as_of = {2026, 11, 22};
  settings.select = {"duplicate-id"};
  settings.redact_names = true;
  test::Checker checker(settings);
  for (const std::string file : {"a.yaml", "b.yaml"}) {
    FileReport report = checker.check(first, file);
    REQUIRE(report.case_entry);
    checker.validator.remember(std::move(*report.case_entry));
  }
  Findings cross;
  checker.validator.finish([&](Finding&& finding) { cross.push_back(std::move(finding)); });
  REQUIRE(cross.size() == 1);
  CHECK(cross[0].rule == "duplicate-id");
  CHECK(cross[0].message ==
        "conference id 'children[0]-icpc-1' is also used by a.yaml: conference ids must be unique across records");
}
