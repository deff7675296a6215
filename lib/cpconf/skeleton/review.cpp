#include <algorithm>
#include <iterator>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cpconf/derive/calendar.hpp"
#include "cpconf/derive/groupings.hpp"
#include "cpconf/skeleton/parts.hpp"
#include "cpconf/skeleton/skeleton.hpp"
#include "cpconf/text/words.hpp"

// A review skeleton: what the review carries forward from the conference before it.
namespace cpconf {

namespace {

using namespace skeleton_parts;

// Observers and inspectors come to one conference; everyone else is invited to the review too.
bool attends_again(const Attendee& a) {
  return !a.capacity || (*a.capacity != Capacity::observer && *a.capacity != Capacity::inspectorate);
}

bool involved_with(const Attendee& a, const std::string& child) {
  return !a.children || std::find(a.children->begin(), a.children->end(), child) != a.children->end();
}

std::string who(const Child& c) { return fmt::format("{} ({})", c.name.value_or(std::string("?")), *c.id); }
std::string who(const Attendee& a) {
  return fmt::format("{} ({}, {})", a.name.value_or(std::string("?")), *a.id,
                     a.capacity ? name_of(*a.capacity) : std::string_view("no capacity"));
}

const Decision* decision_for(const Record& record, const std::string& child) {
  for (const auto& d : record.decisions) {
    if (d.child && *d.child == child) return &d;
  }
  return nullptr;
}

// The children and attendees a review carries forward, and who is left out and why.
struct Carried {
  std::vector<const Child*> children;
  std::set<std::string> child_ids;
  std::vector<const Attendee*> attendees;
  std::set<std::string> attendee_ids;
  std::vector<std::string> left_out;
};

Carried carry(const Record& previous) {
  Carried carried;
  for (const auto& c : previous.children) {
    if (!c.id) continue;
    const Decision* d = decision_for(previous, *c.id);
    if (d != nullptr && d->outcome && *d->outcome == Outcome::no_plan) {
      carried.left_out.push_back(fmt::format("{}, who has no plan", who(c)));
      continue;
    }
    carried.children.push_back(&c);
    carried.child_ids.insert(*c.id);
  }
  for (const auto& a : previous.attendees) {
    if (!a.id) continue;
    bool with_carried_child = !a.children || std::any_of(a.children->begin(), a.children->end(), [&](const auto& id) {
      return carried.child_ids.contains(id);
    });
    if (!attends_again(a)) {
      carried.left_out.push_back(fmt::format("{}, who came once", who(a)));
    } else if (!with_carried_child) {
      carried.left_out.push_back(fmt::format("{}, involved only with children who have no plan", who(a)));
    } else {
      carried.attendees.push_back(&a);
      carried.attendee_ids.insert(*a.id);
    }
  }
  return carried;
}

Ids only(const Ids& ids, const std::set<std::string>& keep) {
  Ids out;
  std::copy_if(ids.begin(), ids.end(), std::back_inserter(out), [&](const auto& id) { return keep.contains(id); });
  return out;
}

void write_children(YamlLines& y, const Carried& carried, const std::string& previous_id) {
  y.key(0, "children");
  y.note(2, fmt::format("The children still on a plan after {}.", previous_id));
  for (const Child* c : carried.children) {
    y.item(2, "id", yaml_scalar(*c->id));
    if (c->person) y.key(4, "person", yaml_scalar(*c->person));
    y.key(4, "name", yaml_scalar(c->name.value_or(std::string())));
    if (c->born) {
      y.key(4, "born", c->born->str());
    } else {
      y.key(4, "expected", c->expected ? c->expected->str() : "", "once the child is born: born: YYYY-MM-DD");
    }
    y.key(4, "invited", "", "true or false: children of 10 and over are normally invited");
    y.key(4, "not-invited-reason", "", "why a child of 10 or over was not invited");
  }
  y.blank();
}

void write_attendees(YamlLines& y, const Carried& carried, const Profile& profile,
                     const std::optional<Deadline>& report_due) {
  y.key(0, "attendees");
  y.note(2,
         "Those at the previous conference: set attendance to apologies for anyone absent, remove anyone not "
         "invited, and add newcomers with new ids. Each professional's report for this conference goes under "
         "report.");
  write_attendees_note(y, profile);
  for (const Attendee* a : carried.attendees) {
    y.item(2, "id", yaml_scalar(*a->id));
    y.key(4, "name", yaml_scalar(a->name.value_or(std::string())));
    if (a->role) y.key(4, "role", yaml_scalar(*a->role));
    if (a->agency) y.key(4, "agency", yaml_scalar(*a->agency));
    if (a->grouping) y.key(4, "grouping", yaml_scalar(*a->grouping));
    if (a->capacity) y.key(4, "capacity", name_of(*a->capacity));
    y.key(4, "attendance", "present", "check: present or apologies");
    if (a->children) y.key(4, "children", flow_list(only(*a->children, carried.child_ids)));
    if (a->capacity && *a->capacity == Capacity::professional) {
      write_report(y, report_due, ConferenceKind::review, profile.timescales);
    }
  }
  y.blank();
}

// The chair decides groupings at each conference; the previous ones are a starting point.
void write_groupings(YamlLines& y, const Record& previous, const Carried& carried) {
  if (previous.groupings.empty()) return;
  y.key(0, "groupings");
  y.note(2, "The groupings the chair decided at the previous conference, with the reasons then given.");
  for (const auto& g : previous.groupings) {
    y.item(2, "id", yaml_scalar(g.id.value_or(std::string())));
    if (g.name) y.key(4, "name", yaml_scalar(*g.name));
    if (g.rationale) y.key(4, "rationale", yaml_scalar(*g.rationale));
    if (g.members) y.key(4, "members", flow_list(only(*g.members, carried.attendee_ids)));
  }
  y.blank();
}

// One proposed vote per grouping among the professionals involved with the child, cast by the
// first of them, as the groupings vote (003 §2.7-2.8, §5.2).
std::vector<DecisionDraft> decision_drafts(const Record& previous, const Carried& carried, const Profile& profile) {
  std::vector<DecisionDraft> drafts;
  for (const Child* c : carried.children) {
    DecisionDraft draft{*c->id, {}, {}};
    const Decision* before = decision_for(previous, *c->id);
    if (before != nullptr && before->categories) draft.categories = *before->categories;
    for (const Attendee* a : carried.attendees) {
      if (!a->capacity || *a->capacity != Capacity::professional || !involved_with(*a, *c->id)) continue;
      auto grouping = grouping_of(*a, previous, profile);
      if (!grouping) continue;
      bool seen = std::any_of(draft.votes.begin(), draft.votes.end(),
                              [&](const auto& vote) { return vote.first == grouping->id; });
      if (!seen) draft.votes.emplace_back(grouping->id, *a->id);
    }
    drafts.push_back(std::move(draft));
  }
  return drafts;
}

std::string_view review_word(ConferenceKind previous_kind) { return is_initial_kind(previous_kind) ? "first" : "next"; }

}  // namespace

Date default_review_date(const Record& previous, const Profile& profile, const Calendar& calendar) {
  if (previous.follow_up && previous.follow_up->next_review) return *previous.follow_up->next_review;
  const ConferenceInfo& c = previous.conference;
  Date due = next_review_deadline(c.kind.value_or(ConferenceKind::initial), c.start->date, profile).due.date;
  return calendar.is_working_day(due) ? due : calendar.add_working_days(due, -1);
}

std::string review_skeleton(const Record& previous, const std::string& previous_file, const SkeletonRequest& request,
                            const Profile& profile, const Calendar& calendar) {
  const ConferenceInfo& pc = previous.conference;
  if (!pc.id || !pc.kind || !pc.start) {
    throw InputError(previous_file, fmt::format("'{}' gives no conference id, kind or start, so a review cannot "
                                                "follow it",
                                                previous_file));
  }
  Carried carried = carry(previous);
  if (carried.children.empty()) {
    throw InputError(previous_file, fmt::format("'{}': conference {} ended the plan of every child, so no review "
                                                "follows it",
                                                previous_file, *pc.id));
  }
  Date date = request.date ? *request.date : default_review_date(previous, profile, calendar);
  Deadline due = next_review_deadline(*pc.kind, pc.start->date, profile);
  bool set_before = !request.date && previous.follow_up && previous.follow_up->next_review;
  std::string_view origin =
      set_before ? "the date set at the previous conference" : "the last working day by the due date";
  std::string rule = fmt::format("the {} review is due within {} months of {}, by {}", review_word(*pc.kind), due.limit,
                                 pc.start->date.str(), due.due.date.str());

  ConferenceValues v;
  v.id = derived_id(pc.case_id.value_or(std::string()), ConferenceKind::review, date);
  v.case_id = yaml_scalar(pc.case_id.value_or(std::string()));
  v.previous = yaml_scalar(*pc.id);
  DateTime start{date, pc.start->has_time() ? pc.start->minutes : 10 * 60};
  v.start = start.str();
  v.start_comment =
      request.date ? fmt::format("{}; check the time", rule) : fmt::format("{} ({}); check the time", origin, rule);
  if (pc.chair) {
    v.chair = yaml_scalar(*pc.chair);
    v.chair_comment = "as at the previous conference";
  }

  std::string left_out;
  if (!carried.left_out.empty()) left_out = fmt::format(" Left out: {}.", fmt::join(carried.left_out, "; "));
  YamlLines y;
  write_header(y, request.schema,
               fmt::format("A review conference following {} ({}), written by 'cpconf new': the case, the chair, the "
                           "children still on a plan and the people invited are carried forward from it.{}",
                           *pc.id, previous_file, left_out));
  write_conference(y, ConferenceKind::review, v, profile);
  write_children(y, carried, *pc.id);
  write_attendees(y, carried, profile,
                  report_deadline(anchor_record(ConferenceKind::review, start), profile, calendar));
  write_groupings(y, previous, carried);
  write_decisions(y, decision_drafts(previous, carried, profile), true, profile);
  write_follow_up(y, ConferenceKind::review, date, profile, calendar);
  write_information(y);
  return y.take();
}

}  // namespace cpconf
