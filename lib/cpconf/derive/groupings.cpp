#include "cpconf/derive/groupings.hpp"

#include <algorithm>
#include <cctype>

#include "cpconf/text/words.hpp"

namespace cpconf {

namespace {

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '\''; }

}  // namespace

bool same_agency(const Attendee& a, const Attendee& b) {
  if (!a.agency || !b.agency) return false;
  auto trim = [](std::string_view text) {
    auto first = text.find_first_not_of(" \t");
    auto last = text.find_last_not_of(" \t");
    return first == std::string_view::npos ? std::string_view{} : text.substr(first, last - first + 1);
  };
  auto x = trim(*a.agency);
  auto y = trim(*b.agency);
  auto same = [](char p, char q) { return ascii_lower(p) == ascii_lower(q); };
  return x.size() == y.size() && std::equal(x.begin(), x.end(), y.begin(), same);
}

bool contains_words(std::string_view text, std::string_view keyword) {
  if (keyword.empty() || keyword.size() > text.size()) return false;
  for (std::size_t start = 0; start + keyword.size() <= text.size(); ++start) {
    bool match = true;
    for (std::size_t i = 0; i < keyword.size() && match; ++i) {
      match = ascii_lower(text[start + i]) == ascii_lower(keyword[i]);
    }
    if (!match) continue;
    bool left_edge = start == 0 || !is_word_char(text[start - 1]);
    std::size_t end = start + keyword.size();
    bool right_edge = end == text.size() || !is_word_char(text[end]);
    if (left_edge && right_edge) return true;
  }
  return false;
}

bool contains(const std::vector<std::string>& ids, std::string_view id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

const Attendee* find_attendee(const Record& record, std::string_view id) {
  for (const auto& a : record.attendees) {
    if (a.id && *a.id == id) return &a;
  }
  return nullptr;
}

const Child* find_child(const Record& record, std::string_view id) {
  for (const auto& c : record.children) {
    if (c.id && *c.id == id) return &c;
  }
  return nullptr;
}

std::optional<ResolvedGrouping> grouping_of(const Attendee& attendee, const Record& record, const Profile& profile) {
  if (attendee.capacity.value_or(Capacity::professional) != Capacity::professional) return std::nullopt;
  if (attendee.grouping) return ResolvedGrouping{*attendee.grouping, GroupingSource::explicit_key};
  if (attendee.id) {
    for (const auto& g : record.groupings) {
      if (g.id && g.members && std::find(g.members->begin(), g.members->end(), *attendee.id) != g.members->end()) {
        return ResolvedGrouping{*g.id, GroupingSource::chair_decided};
      }
    }
  }
  for (const Field<std::string>* text : {&attendee.role, &attendee.agency}) {
    if (!*text) continue;
    for (const auto& g : profile.groupings) {
      for (const auto& keyword : g.keywords) {
        if (contains_words(**text, keyword)) return ResolvedGrouping{g.id, GroupingSource::profile_keyword};
      }
    }
  }
  return std::nullopt;
}

std::vector<std::string> groupings_present(const Record& record, const Profile& profile) {
  std::vector<std::string> present;
  for (const auto& a : record.attendees) {
    bool here = a.attendance.value_or(Attendance::apologies) == Attendance::present;
    if (!here && a.represented_by) {
      // 003 §4.5: a representative of the same agency presents an absent professional's report.
      const Attendee* presenter = find_attendee(record, *a.represented_by);
      here = presenter != nullptr && presenter->attendance.value_or(Attendance::apologies) == Attendance::present &&
             same_agency(*presenter, a);
    }
    if (!here) continue;
    auto grouping = grouping_of(a, record, profile);
    if (grouping && std::find(present.begin(), present.end(), grouping->id) == present.end()) {
      present.push_back(grouping->id);
    }
  }
  return present;
}

}  // namespace cpconf
