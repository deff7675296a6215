#include <string>

#include <doctest/doctest.h>

#include "cpconf/derive/redact.hpp"
#include "support.hpp"

namespace {

using cpconf::Redaction;
using cpconf::Redactor;

constexpr std::string_view k_record = R"(cpconf: 1
conference:
  id: hughes-icpc-2026-03-17
  case: case-t
  kind: initial
  strategy-discussion: 2026-03-02
  start: 2026-03-17 10:00
  end: 2026-03-17 11:30
  chair: Menna Cadwaladr
children:
  - {id: c1, name: Carys Hughes, born: 2014-09-12}
  - {id: c2, name: Nia Hughes, born: 2023-06-21}
attendees:
  - {id: a1, name: Sioned Parry, capacity: professional, role: Social Worker, agency: Children's Services, attendance: present}
  - {id: a2, name: DC Huw Jones, capacity: professional, role: Detective Constable, agency: Police, attendance: present}
  - {id: a3, name: Rhian Hughes, capacity: parent, attendance: present}
  - {id: a4, name: Tomos Reid, capacity: advocate, role: Advocate for Carys, agency: Llais, attendance: present}
  - {id: a5, name: Sam Whitley, capacity: carer, role: Key worker, agency: Oakhurst, attendance: present}
  - {id: a6, name: Bethan Lloyd, capacity: professional, role: School nurse for Carys, agency: Health, attendance: present}
)";

std::string redact(std::string_view text, Redaction level, std::vector<std::string> extra = {}) {
  cpconf::Record record = cpconf::test::record_from(k_record);
  return Redactor(record, {level, std::move(extra)}).apply(text);
}

}  // namespace

TEST_CASE("render redact: initials keep titles and descriptions, and reduce the name proper") {
  CHECK(cpconf::initials_of("Carys Hughes") == "C.H.");
  CHECK(cpconf::initials_of("DC Huw Jones") == "DC H.J.");
  CHECK(cpconf::initials_of("Unborn baby Okafor") == "Unborn baby O.");
  CHECK(cpconf::initials_of("Jan de Vries") == "J.d.V.");
  CHECK(cpconf::initials_of("Mary-Jane Smith") == "M.S.");
  CHECK(cpconf::initials_of("Élodie Brun") == "É.B.");
  CHECK(cpconf::initials_of("Baby") == "Baby [name]");
}

TEST_CASE("render redact: family names go everywhere they appear, as whole words in any case") {
  // Carys, Nia and Rhian share the surname, so "Hughes" alone becomes its own initial; each
  // first name belongs to one person and becomes that person's initials.
  CHECK(redact("Carys Hughes told Rhian that the Hughes family would move; NIA is 2.", Redaction::family) ==
        "C.H. told R.H. that the H. family would move; N.H. is 2.");
  SUBCASE("possessives, straight and typographic") {
    CHECK(redact("Carys's account and Carys\u2019s bruise", Redaction::family) ==
          "C.H.'s account and C.H.\u2019s bruise");
  }
  SUBCASE("ids and file names: digits, hyphens and a change of case separate words") {
    CHECK(redact("hughes-icpc-2026-03-17, hughes2026.yaml, familyHughes", Redaction::family) ==
          "H.-icpc-2026-03-17, H.2026.yaml, familyH.");
  }
  SUBCASE("a name inside a longer word is another word") {
    CHECK(redact("Niagara, Carysfort, Hughesville", Redaction::family) == "Niagara, Carysfort, Hughesville");
  }
  SUBCASE("carers are redacted, professionals are not") {
    CHECK(redact("Sam Whitley and Sioned Parry met DC Huw Jones", Redaction::family) ==
          "S.W. and Sioned Parry met DC Huw Jones");
  }
}

TEST_CASE("render redact: --redact=all names professionals by role and the chair as the chair") {
  CHECK(redact("Sioned Parry and DC Huw Jones; Huw Jones; Menna Cadwaladr chaired", Redaction::all) ==
        "Social Worker and Detective Constable; Detective Constable; the chair chaired");
  SUBCASE("a name alone becomes initials") {
    CHECK(redact("DS Parry spoke to Huw", Redaction::all) == "DS S.P. spoke to H.J.");
  }
  SUBCASE("a role naming a family member is redacted before it replaces a name") {
    CHECK(redact("Bethan Lloyd spoke for her", Redaction::all) == "School nurse for C.H. spoke for her");
  }
  SUBCASE("an advocate is not a professional of the conference: initials at every level") {
    CHECK(redact("Tomos Reid spoke for her", Redaction::family) == "T.R. spoke for her");
    CHECK(redact("Tomos Reid spoke for her", Redaction::all) == "T.R. spoke for her");
  }
}

TEST_CASE("render redact: dates of birth in the usual written forms") {
  CHECK(redact("born 2014-09-12, 12/09/2014, 12/9/2014, 12.09.2014, 12-09-2014", Redaction::family) ==
        "born [date of birth], [date of birth], [date of birth], [date of birth], [date of birth]");
  CHECK(redact("12 September 2014, 12th September 2014, 12 Sep 2014, September 12, 2014", Redaction::family) ==
        "[date of birth], [date of birth], [date of birth], [date of birth]");
  CHECK(redact("21/06/2023 but not 2014-09-123 or 112/09/2014", Redaction::family) ==
        "[date of birth] but not 2014-09-123 or 112/09/2014");
}

TEST_CASE("render redact: extra names given for free text") {
  CHECK(redact("Kamala Patel will step in; Kamala agreed", Redaction::family, {"Kamala Patel"}) ==
        "K.P. will step in; K.P. agreed");
}

TEST_CASE("render redact: without redaction the text is only cleaned") {
  CHECK(redact("Carys Hughes, 2014-09-12", Redaction::none) == "Carys Hughes, 2014-09-12");
}

TEST_CASE("render redact: cleaning removes what a terminal or browser would act on") {
  using cpconf::clean_text;
  CHECK(clean_text("a\tb\r\nc") == "a b\nc");
  CHECK(clean_text("\033[2Jbell\a") == "\uFFFD[2Jbell\uFFFD");
  CHECK(clean_text("C\u200Barys \u202Eevil\u202C") == "Carys evil");
  CHECK(clean_text("bad \xC3\x28 byte") == "bad \uFFFD( byte");
  CHECK(clean_text("line\u2028next") == "line\nnext");
  CHECK(clean_text("C1 \xC2\x9B control") == "C1 \uFFFD control");
}
