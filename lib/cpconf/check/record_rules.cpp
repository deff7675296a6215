#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "cpconf/check/rule.hpp"
#include "cpconf/text/suggest.hpp"
#include "cpconf/text/words.hpp"

namespace cpconf {

namespace {

// Reports the second and later uses of each id in one list.
template <class T, class GetId>
void find_duplicates(const std::vector<T>& items, std::string_view what, GetId get_id, Hits& hits) {
  std::map<std::string, const T*> first;
  for (const auto& item : items) {
    const auto& id = get_id(item);
    if (!id) continue;
    auto [it, inserted] = first.emplace(*id, &item);
    if (!inserted) {
      hits.push_back(hit_at(id, item.path + ".id",
                            fmt::format("{} id '{}' is used again (first by {} at line {}): ids must be unique", what,
                                        *id, it->second->path, it->second->location.line)));
    }
  }
}

Hits duplicate_id(const CheckContext& ctx) {
  const Record& r = ctx.record;
  Hits hits;
  find_duplicates(
      r.children, "child", [](const Child& c) -> const Field<std::string>& { return c.id; }, hits);
  find_duplicates(
      r.attendees, "attendee", [](const Attendee& a) -> const Field<std::string>& { return a.id; }, hits);
  find_duplicates(
      r.groupings, "grouping", [](const Grouping& g) -> const Field<std::string>& { return g.id; }, hits);
  std::map<std::string, const Decision*> decided;
  for (const auto& d : r.decisions) {
    if (!d.child) continue;
    auto [it, inserted] = decided.emplace(*d.child, &d);
    if (!inserted) {
      hits.push_back(hit_at(d.child, d.path + ".child",
                            fmt::format("child '{}' has a second decision (the first is {} at line {}): "
                                        "record one decision per child",
                                        *d.child, it->second->path, it->second->location.line)));
    }
  }
  return hits;
}

// Checks that every id a record refers to names something that exists. A reference is given as
// the path of the item holding it and its key there: a record holds hundreds of references and
// rarely a wrong one, so the full path is only built for a finding.
class ReferenceChecker {
 public:
  explicit ReferenceChecker(const CheckContext& ctx) : m_profile(ctx.profile) {
    for (const auto& c : ctx.record.children) add(m_children, c.id);
    for (const auto& a : ctx.record.attendees) add(m_attendees, a.id);
    for (const auto& g : ctx.record.groupings) add(m_groupings, g.id);
    for (const auto& g : ctx.profile.groupings) m_groupings.push_back(g.id);
  }

  void child(const Field<std::string>& id, const std::string& item, std::string_view key) {
    check(id, item, key, m_children, "child");
  }
  void attendee(const Field<std::string>& id, const std::string& item, std::string_view key) {
    check(id, item, key, m_attendees, "attendee");
  }
  void grouping(const Field<std::string>& id, const std::string& item, std::string_view key) {
    check(id, item, key, m_groupings, "grouping");
  }

  void children(const Field<Ids>& ids, const std::string& item, std::string_view key) {
    each(ids, item, key, m_children, "child");
  }
  void attendees(const Field<Ids>& ids, const std::string& item, std::string_view key) {
    each(ids, item, key, m_attendees, "attendee");
  }
  void groupings(const Field<Ids>& ids, const std::string& item, std::string_view key) {
    each(ids, item, key, m_groupings, "grouping");
  }

  Hits take() { return std::move(m_hits); }

 private:
  using Known = std::vector<std::string_view>;

  static void add(Known& ids, const Field<std::string>& id) {
    if (id) ids.push_back(*id);
  }

  void check(const Field<std::string>& id, const std::string& item, std::string_view key, const Known& known,
             std::string_view what) {
    if (id && !is_known(*id, known)) report(*id, id.location, fmt::format("{}.{}", item, key), known, what);
  }

  void each(const Field<Ids>& ids, const std::string& item, std::string_view key, const Known& known,
            std::string_view what) {
    if (!ids) return;
    for (std::size_t i = 0; i < ids->size(); ++i) {
      if (is_known((*ids)[i], known)) continue;
      Location at = i < ids.item_locations.size() ? ids.item_locations[i] : ids.location;
      report((*ids)[i], at, fmt::format("{}.{}[{}]", item, key, i), known, what);
    }
  }

  static bool is_known(std::string_view id, const Known& known) {
    return std::find(known.begin(), known.end(), id) != known.end();
  }

  void report(const std::string& id, Location location, std::string path, const Known& known, std::string_view what) {
    std::string where = what == "grouping"
                            ? fmt::format("among the record's groupings or profile {}'s", m_profile.name)
                            : fmt::format("among the record's {}", what == "child" ? "children" : "attendees");
    m_hits.push_back({location, std::move(path),
                      fmt::format("no {} has id '{}' {}{}; known: {}", what, id, where, did_you_mean(id, known),
                                  known.empty() ? "none" : join(known)),
                      {id}});
  }

  const Profile& m_profile;
  Known m_children, m_attendees, m_groupings;
  Hits m_hits;
};

Hits unknown_reference(const CheckContext& ctx) {
  const Record& r = ctx.record;
  ReferenceChecker refs(ctx);
  for (const auto& a : r.attendees) {
    refs.attendee(a.represented_by, a.path, "represented-by");
    refs.children(a.children, a.path, "children");
    refs.grouping(a.grouping, a.path, "grouping");
  }
  for (const auto& g : r.groupings) refs.attendees(g.members, g.path, "members");
  for (const auto& d : r.decisions) {
    refs.child(d.child, d.path, "child");
    for (const auto& v : d.votes) {
      refs.grouping(v.grouping, v.path, "grouping");
      refs.attendee(v.by, v.path, "by");
    }
    refs.groupings(d.dissent, d.path, "dissent");
    if (d.safety_scale) {
      for (const auto& s : d.safety_scale->overall) refs.grouping(s.grouping, s.path, "grouping");
      for (const auto& statement : d.safety_scale->danger_statements) {
        for (const auto& s : statement.scores) refs.grouping(s.grouping, s.path, "grouping");
      }
    }
  }
  for (const auto& e : r.escalations) {
    refs.attendee(e.by, e.path, "by");
    refs.children(e.children, e.path, "children");
  }
  if (r.follow_up) {
    for (const auto& a : r.follow_up->amendments) refs.attendee(a.by, a.path, "by");
  }
  for (const auto& i : r.information) refs.attendee(i.by, i.path, "by");
  return refs.take();
}

// An end before the start is impossible, and every deadline measured from either would be
// wrong. Both give a time (the loader says so), and an end past midnight is on the next day.
Hits conference_ends_before_start(const CheckContext& ctx) {
  const ConferenceInfo& c = ctx.record.conference;
  if (!c.start || !c.end || c.end->serial_minutes() >= c.start->serial_minutes()) return {};
  return {hit_at(c.end, c.path + ".end",
                 fmt::format("the conference ends at {}, before it starts at {}: a start or end is mistyped",
                             c.end->str(), c.start->str()))};
}

constexpr std::string_view k_structure = "cpconf-record(5): record format version 1";

const Rule k_record_rules[] = {
    {"yaml-syntax", Family::record, Severity::error, "the file is not valid YAML text", k_structure,
     "The file cannot be read as one YAML document of UTF-8 text: a syntax error, a quoted string "
     "that is never closed, invalid UTF-8, a NUL byte (a binary file), an empty file, or a second "
     "document after '---'. The finding points at the line and column of the fault.",
     nullptr},
    {"input-limits", Family::record, Severity::error, "the file is too large, nested too deep, or uses aliases",
     k_structure,
     "A record is a few kilobytes of plain YAML. cpconf refuses files over 4 MiB, values nested more "
     "than 64 levels deep, more than 200,000 values, and YAML anchors and aliases (which records never "
     "need and which can expand to billions of nodes), so that no input can exhaust time or memory.",
     nullptr},
    {"duplicate-key", Family::record, Severity::error, "a mapping has the same key twice", k_structure,
     "YAML libraries silently keep one of two values given for the same key. cpconf reports the "
     "second key, so that no value is lost without anyone noticing.",
     nullptr},
    {"unknown-field", Family::record, Severity::error, "a key the format does not define", k_structure,
     "The key is not part of record format version 1 at this place, usually a typo, and what it holds "
     "is not read: the message suggests the nearest known key and lists the keys allowed there. An "
     "error, as editors using the record's JSON Schema mark it, so that a record the editor shows "
     "broken never passes with --fail-on error.",
     nullptr},
    {"missing-field", Family::record, Severity::error, "a required key is absent", k_structure,
     "The record lacks a key the format requires at this place (some depend on the conference kind: "
     "an initial conference needs strategy-discussion, a review previous, a transfer-in notified).",
     nullptr},
    {"invalid-value", Family::record, Severity::error, "a value of the wrong type, form or enumeration", k_structure,
     "A value has the wrong type (a list where one value is expected), a malformed or impossible date "
     "or time, or is not one of the allowed words; the message lists the allowed values and suggests "
     "the nearest.",
     nullptr},
    {"duplicate-id", Family::record, Severity::error, "two children, attendees or groupings share an id", k_structure,
     "Ids tie the parts of a record together: votes name attendees and groupings, decisions name "
     "children. Two items with one id make every reference to it ambiguous. A child with two decisions "
     "is reported here too.",
     duplicate_id},
    {"unknown-reference", Family::record, Severity::error,
     "a reference to a child, attendee or grouping id that does not exist", k_structure,
     "A vote, decision, dissent list, representation, escalation or amendment names an id that no "
     "child, attendee or grouping has (groupings come from the record and from its profile).",
     unknown_reference},
    {"conference-ends-before-start", Family::record, Severity::error, "the conference ends before it starts",
     k_structure,
     "The conference's 'end' is earlier than its 'start': one of them is mistyped (often the date of "
     "the end, or a time written in 12-hour form). Timescales measured from the end of the "
     "conference, such as the plan's, and the conference's length cannot be trusted until it is "
     "corrected.",
     conference_ends_before_start},
    {"format-version", Family::record, Severity::error, "the record declares a format version this build does not read",
     k_structure,
     "The first key, 'cpconf', gives the record format version. This build reads version 1; a record "
     "of another version is not checked further, since its keys may mean other things.",
     nullptr},
};

}  // namespace

std::span<const Rule> record_rules() { return k_record_rules; }

}  // namespace cpconf
