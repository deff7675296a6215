#include <doctest/doctest.h>

#include "cpconf/render/words.hpp"

using cpconf::Date;

TEST_CASE("render words: dates and times as people write them") {
  CHECK(cpconf::long_date({2026, 3, 17}) == "17 March 2026");
  CHECK(cpconf::long_date_time({{2026, 3, 17}, 9 * 60 + 5}) == "17 March 2026, 09:05");
  CHECK(cpconf::long_date_time({{2026, 3, 17}, -1}) == "17 March 2026");
  CHECK(cpconf::duration_words(45) == "45 min");
  CHECK(cpconf::duration_words(120) == "2 h");
  CHECK(cpconf::duration_words(140) == "2 h 20 min");
}

TEST_CASE("render words: age on the day of the conference") {
  // Carys, born 2014-09-12, is 11 on 2026-03-17 (her 12th birthday is in September).
  CHECK(cpconf::age_on({2014, 9, 12}, {2026, 3, 17}) == "11");
  SUBCASE("the birthday itself counts") { CHECK(cpconf::age_on({2016, 3, 17}, {2026, 3, 17}) == "10"); }
  SUBCASE("the day before does not") { CHECK(cpconf::age_on({2016, 3, 18}, {2026, 3, 17}) == "9"); }
  SUBCASE("under one, in months: 2025-10-17 to 2026-03-17 is 5 months, to 2026-03-16 still 4") {
    CHECK(cpconf::age_on({2025, 10, 17}, {2026, 3, 17}) == "5 months");
    CHECK(cpconf::age_on({2025, 10, 17}, {2026, 3, 16}) == "4 months");
    CHECK(cpconf::age_on({2026, 2, 17}, {2026, 3, 17}) == "1 month");
    CHECK(cpconf::age_on({2026, 3, 1}, {2026, 3, 17}) == "under 1 month");
  }
  SUBCASE("a 29 February birthday falls on 28 February, as the calendar clamps months") {
    CHECK(cpconf::age_on({2016, 2, 29}, {2017, 2, 28}) == "1");
    CHECK(cpconf::age_on({2016, 2, 29}, {2017, 2, 27}) == "11 months");
  }
  SUBCASE("born after the day: no age") { CHECK_FALSE(cpconf::age_on({2026, 4, 1}, {2026, 3, 17}).has_value()); }
}

TEST_CASE("render words: labels for the format's values") {
  CHECK(cpconf::kind_title(cpconf::ConferenceKind::transfer_in) == "Transfer-in child protection conference");
  CHECK(cpconf::capacity_label(cpconf::Capacity::legal_representative) == "Legal representative");
  CHECK(cpconf::outcome_words(cpconf::Outcome::plan, cpconf::ConferenceKind::initial) == "child protection plan");
  CHECK(cpconf::outcome_words(cpconf::Outcome::no_plan, cpconf::ConferenceKind::review) == "plan ends");
  CHECK(cpconf::category_label("emotional-psychological") == "emotional/psychological");
  CHECK(cpconf::category_label("neglect") == "neglect");
}
