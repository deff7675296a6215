#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cpconf/load/model.hpp"

// Who is private in a record, and what a name is made of: the one definition that every
// redaction uses (validate's findings, render's written record, vote and timeline).
namespace cpconf {

// An attendee whose name no output that promises no names may give: everyone not there as a
// professional (capacity: professional) of an agency. Parents, family members, supporters,
// carers and the child, but also advocates, legal representatives, inspectors, Cafcass officers
// and observers, and anyone whose capacity is not given: hiding errs on the safe side.
bool is_private_attendee(const Attendee& attendee);

// The people whose names are personal data in every output that promises no names: the
// record's children and its private attendees, in record order, each with the record path
// that names them without their name.
struct PrivatePerson {
  std::string name;
  std::string path;  // "children[0]", "attendees[3]"
};
std::vector<PrivatePerson> private_people(const Record& record);

// The blank-separated words of a name, without punctuation at either end ("(Nana)" -> "Nana").
std::vector<std::string> name_words(std::string_view name);

// A word that names rather than describes: not a title ("Mrs", "DC"), a describing word
// ("Unborn", "baby") or a joining particle of surnames ("de", "van").
bool is_title_or_description(std::string_view word);
bool is_particle(std::string_view word);

// The name without titles and describing words: "Priya Patel" for "Mrs Priya Patel".
std::string proper_name(std::string_view name);

// The words of a name searched for on their own: its proper words and the halves of
// hyphenated ones, without particles and one-letter initials.
std::vector<std::string> name_parts(std::string_view name);

std::string_view capacity_label(Capacity capacity);  // "Family member"

}  // namespace cpconf
