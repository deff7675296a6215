#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cpconf/load/model.hpp"
#include "cpconf/load/profile.hpp"

namespace cpconf {

// How an attendee's professional grouping was found.
enum class GroupingSource { explicit_key, chair_decided, profile_keyword };

struct ResolvedGrouping {
  std::string id;
  GroupingSource source;
};

// The professional grouping an attendee votes in: the record's own `grouping:` key, else a
// grouping of the record whose `members` lists the attendee, else the first profile grouping
// one of whose keywords appears, as whole words, in the attendee's role, then agency.
// Nothing for non-professionals and for professionals no rule places.
std::optional<ResolvedGrouping> grouping_of(const Attendee& attendee, const Record& record, const Profile& profile);

// The attendee with this id, or nullptr.
const Attendee* find_attendee(const Record& record, std::string_view id);
const Child* find_child(const Record& record, std::string_view id);

// Whether a list of ids holds this one.
bool contains(const std::vector<std::string>& ids, std::string_view id);

// Ids of the distinct groupings with at least one professional present or represented
// (an absent professional whose report a present colleague presents counts), in order.
std::vector<std::string> groupings_present(const Record& record, const Profile& profile);

// The same agency, ignoring case and surrounding blanks.
bool same_agency(const Attendee& a, const Attendee& b);

// True when text contains keyword as whole words, ignoring case.
bool contains_words(std::string_view text, std::string_view keyword);

}  // namespace cpconf
