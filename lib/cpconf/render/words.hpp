#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cpconf/date.hpp"
#include "cpconf/derive/people.hpp"  // capacity_label
#include "cpconf/load/model.hpp"

// The words the written record uses for the record's values: dates as people write them,
// ages, and labels for the format's enumerations.
namespace cpconf {

// "17 March 2026".
std::string long_date(Date date);
// "17 March 2026, 10:00" (the date alone when there is no time).
std::string long_date_time(const DateTime& when);
// "2 h 20 min".
std::string duration_words(long long minutes);

// A child's age on a date, as a record gives it: "11", "2", or under one "7 months"; nothing
// when born is after on.
std::optional<std::string> age_on(Date born, Date on);

std::string_view kind_title(ConferenceKind kind);    // "Initial child protection conference"
std::string_view basis_label(Basis basis);           // "fact"

// The decision for one child in words: "child protection plan" / "no child protection plan",
// at a review "plan continues" / "plan ends".
std::string_view outcome_words(Outcome outcome, ConferenceKind kind);

// A category id as a reader writes it: "emotional-psychological" -> "emotional/psychological".
std::string category_label(std::string_view id);

std::string_view yes_no(bool value);

}  // namespace cpconf
