#pragma once

#include <string>

#include "cpconf/load/profile.hpp"
#include "cpconf/load/record_reader.hpp"

namespace cpconf {

class Calendar;  // derive/calendar.hpp

// One input as the record source (source/record_source.hpp) opens it for every command: its
// text, the record loaded from it, and the procedure it is judged under.
struct OpenedRecord {
  std::string path;     // as given; "-" is standard input
  std::string display;  // the name findings and messages give it
  std::string text;     // the bytes read
  // The record, when the text reads as one, and the loader's findings; a record naming a
  // profile cpconf does not know gets an invalid-value finding here, last, and england.
  LoadedRecord loaded;
  bool unknown_profile = false;        // that finding was made
  const Profile* profile = nullptr;    // with a record: the profile it is judged under
  const Calendar* calendar = nullptr;  // and that profile's working days
  // The rule settings of the configuration that governs the input, or nullptr when none does.
  const RuleSettings* config_rules = nullptr;
};

}  // namespace cpconf
