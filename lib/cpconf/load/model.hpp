#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cpconf/date.hpp"
#include "cpconf/finding.hpp"

// The typed model of a conference record (format version 1). Every value keeps the place it
// came from, so that any rule can point at it. The keys are listed in load/record_reader.cpp.
namespace cpconf {

inline constexpr int k_format_version = 1;

// A value that may be absent. When absent, location is that of the mapping that should hold it.
template <class T>
struct Field {
  std::optional<T> value;
  Location location;
  // For a list of ids, where each item is, so that a finding about one item points at it.
  std::vector<Location> item_locations;

  bool has() const { return value.has_value(); }
  explicit operator bool() const { return value.has_value(); }
  const T& operator*() const { return *value; }
  const T* operator->() const { return &*value; }
  template <class U>
  T value_or(U&& fallback) const {
    return value.value_or(std::forward<U>(fallback));
  }
};

// Something with a place in the record: its path ("attendees[2]") and where it starts.
struct Node {
  std::string path;
  Location location;
};

enum class ConferenceKind { initial, pre_birth, review, transfer_in };
enum class Capacity {
  professional,
  parent,
  child,
  family_member,
  supporter,
  advocate,
  legal_representative,
  inspectorate,
  cafcass,
  carer,
  observer
};
enum class Attendance { present, apologies };
enum class Outcome { plan, no_plan };
enum class Basis { fact, observation, allegation, opinion };

// Each enum's names as written in a record, in the order users see them listed.
template <class E>
struct EnumNames;
template <>
struct EnumNames<ConferenceKind> {
  static std::span<const std::pair<std::string_view, ConferenceKind>> get();
};
template <>
struct EnumNames<Capacity> {
  static std::span<const std::pair<std::string_view, Capacity>> get();
};
template <>
struct EnumNames<Attendance> {
  static std::span<const std::pair<std::string_view, Attendance>> get();
};
template <>
struct EnumNames<Outcome> {
  static std::span<const std::pair<std::string_view, Outcome>> get();
};
template <>
struct EnumNames<Basis> {
  static std::span<const std::pair<std::string_view, Basis>> get();
};

template <class E>
std::string_view name_of(E value) {
  for (const auto& [name, v] : EnumNames<E>::get()) {
    if (v == value) return name;
  }
  return "?";
}

using Ids = std::vector<std::string>;

struct SignOff : Node {
  Field<std::string> by;
  Field<Date> on;
};

struct ConferenceInfo : Node {
  Field<std::string> id;
  Field<std::string> case_id;
  Field<ConferenceKind> kind;
  Field<std::string> profile;
  Field<Date> strategy_discussion;  // initial
  Field<Date> s47_started;          // initial
  Field<Date> notified;             // transfer-in: written notification of the move
  Field<std::string> previous;      // review: id of the previous conference
  Field<DateTime> start;
  Field<DateTime> end;
  Field<std::string> chair;
  Field<bool> quorate;
  Field<std::string> proceed_reason;  // why an inquorate conference went on to decide
  Field<Date> reconvened;             // date set for the reconvened conference, when inquorate
  Field<SignOff> sign_off;
};

struct Child : Node {
  Field<std::string> id;
  Field<std::string> person;  // the authority's person number, stable across records
  Field<std::string> name;
  Field<Date> born;
  Field<Date> expected;  // expected date of delivery (pre-birth)
  Field<bool> invited;
  Field<bool> attended;
  Field<std::string> not_invited_reason;
};

struct Report : Node {
  Field<DateTime> to_chair;
  Field<DateTime> to_family;
  Field<std::string> risk_view;
};

struct Attendee : Node {
  Field<std::string> id;
  Field<std::string> name;
  Field<std::string> role;
  Field<std::string> agency;
  Field<std::string> grouping;
  Field<Capacity> capacity;
  Field<Attendance> attendance;
  Field<std::string> represented_by;  // attendee id presenting an absent professional's report
  Field<Ids> children;                // ids of the children this attendee is involved with
  Field<Report> report;
  Field<Date> observer_request;  // when an observer asked the chair in writing
};

struct Grouping : Node {
  Field<std::string> id;
  Field<std::string> name;
  Field<std::string> rationale;  // why the chair decided this grouping
  Field<Ids> members;            // attendee ids the chair placed in it
};

struct Vote : Node {
  Field<std::string> grouping;
  Field<std::string> by;  // attendee id
  Field<Outcome> vote;
  Field<std::string> reasoning;
};

struct OverRule : Node {
  Field<std::string> rationale;
};

struct ChairConcern : Node {
  Field<std::string> concern;
  Field<std::string> escalated_to;
  Field<DateTime> escalated_on;
};

struct SafetyScore : Node {
  Field<std::string> grouping;
  Field<int> score;
};

struct DangerStatement : Node {
  Field<std::string> statement;
  Field<std::string> safety_goal;
  std::vector<SafetyScore> scores;
};

struct SafetyScale : Node {
  Field<std::string> zero_means;
  Field<std::string> ten_means;
  std::vector<DangerStatement> danger_statements;
  std::vector<SafetyScore> overall;
};

struct Decision : Node {
  Field<std::string> child;
  Field<bool> consensus;
  Field<bool> resolution_tried;
  Field<bool> separately;  // decided apart from the siblings, by the groupings involved with this child
  std::vector<Vote> votes;
  Field<Outcome> casting_vote;
  Field<Outcome> outcome;
  Field<Ids> categories;
  Field<OverRule> over_rule;
  Field<Ids> dissent;  // grouping ids listed as dissenting in the written record
  Field<ChairConcern> chair_concern;
  Field<bool> parents_disagree;
  Field<bool> complaints_info_given;
  Field<SafetyScale> safety_scale;
};

struct Escalation : Node {
  Field<std::string> by;  // attendee id
  Field<Ids> children;
  Field<Date> raised;
  Field<std::string> about;
};

struct Amendment : Node {
  Field<std::string> by;
  Field<Date> received;
};

struct FollowUp : Node {
  Field<DateTime> plan_sent;
  std::vector<Amendment> amendments;
  Field<Date> minutes_sent;
  Field<Date> core_group;
  Field<Date> next_review;
};

struct ProfessionalsOnlyMeeting : Node {
  Field<DateTime> held;
  Field<std::string> reason;
  Field<bool> avoids_family;  // held so the family would not hear what was shared
};

struct InformationPoint : Node {
  Field<std::string> point;
  Field<Basis> basis;
  Field<std::string> by;  // attendee id
  Field<std::string> evidence;
  Field<bool> second_hand;
  Field<std::string> source;
};

struct Waiver : Node {
  Field<std::string> rule;
  Field<std::string> at;  // the record path the waiver covers
  Field<std::string> reason;
  Field<Date> expires;
};

struct Record {
  std::string file;
  Field<int> format_version;
  ConferenceInfo conference;
  std::vector<Child> children;
  std::vector<Attendee> attendees;
  std::vector<Grouping> groupings;
  std::vector<Decision> decisions;
  std::vector<Escalation> escalations;
  Field<FollowUp> follow_up;
  std::vector<ProfessionalsOnlyMeeting> professionals_only;
  std::vector<InformationPoint> information;
  std::vector<Waiver> waivers;
};

}  // namespace cpconf
