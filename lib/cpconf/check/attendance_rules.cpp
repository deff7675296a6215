#include <algorithm>
#include <cctype>
#include <utility>

#include <fmt/format.h>

#include "cpconf/check/rule.hpp"
#include "cpconf/derive/groupings.hpp"
#include "cpconf/text/figures.hpp"
#include "cpconf/text/words.hpp"

namespace cpconf {

namespace {

bool is_present(const Attendee& a) { return a.attendance && *a.attendance == Attendance::present; }
bool is_professional(const Attendee& a) { return a.capacity && *a.capacity == Capacity::professional; }

// "a8 (DC Huw Jones)", or whichever part the record gives.
std::string who(const Attendee& a) {
  std::string id = a.id.value_or(std::string("?"));
  return a.name ? fmt::format("{} ({})", id, *a.name) : id;
}

// "a8 (DC Huw Jones, Detective Constable, Afonwen Police)".
std::string who_at_work(const Attendee& a) {
  std::vector<std::string> parts;
  for (const Field<std::string>* part : {&a.name, &a.role, &a.agency}) {
    if (*part) parts.push_back(**part);
  }
  std::string id = a.id.value_or(std::string("?"));
  return parts.empty() ? id : fmt::format("{} ({})", id, join(parts));
}

// The quorum as counted from the attendees, against the profile's settings.
struct QuorumCount {
  std::vector<std::string> present;
  std::vector<std::string> missing_required;
  bool too_few = false;

  bool inquorate() const { return too_few || !missing_required.empty(); }
};

QuorumCount count_quorum(const CheckContext& ctx) {
  QuorumCount q;
  q.present = groupings_present(ctx.record, ctx.profile);
  q.too_few = q.present.size() < static_cast<std::size_t>(std::max(ctx.profile.quorum_min_groupings, 0));
  for (const auto& id : ctx.profile.quorum_required) {
    if (std::find(q.present.begin(), q.present.end(), id) == q.present.end()) q.missing_required.push_back(id);
  }
  return q;
}

// "2 groupings present in person or by representative (police, education); profile england's
// quorum is 3 groupings including childrens-social-care, which is absent"
std::string describe_quorum(const QuorumCount& q, const Profile& profile) {
  std::string present =
      q.present.empty()
          ? std::string("no grouping present in person or by representative")
          : fmt::format("{} present in person or by representative ({})",
                        plural(static_cast<long>(q.present.size()), "grouping", "groupings"), join(q.present));
  std::string quorum = fmt::format("profile {}'s quorum is {}", profile.name,
                                   plural(std::max(profile.quorum_min_groupings, 0), "grouping", "groupings"));
  if (!profile.quorum_required.empty()) quorum += fmt::format(" including {}", join(profile.quorum_required));
  if (!q.missing_required.empty()) {
    quorum +=
        fmt::format(", and {} {} absent", join(q.missing_required), q.missing_required.size() == 1 ? "is" : "are");
  }
  return present + "; " + quorum;
}

Hits inquorate(const CheckContext& ctx) {
  const ConferenceInfo& c = ctx.record.conference;
  QuorumCount q = count_quorum(ctx);
  std::string working = describe_quorum(q, ctx.profile);
  if (c.quorate && !*c.quorate) {
    std::string count = q.inquorate() ? "" : "; by that count it would have been quorate";
    return {hit_at(c.quorate, c.path + ".quorate",
                   fmt::format("the conference is recorded as inquorate ('quorate: false'): {}{}", working, count))};
  }
  if (!q.inquorate()) return {};
  if (c.quorate) {
    return {hit_at(c.quorate, c.path + ".quorate",
                   fmt::format("the record says 'quorate: true' but the conference was inquorate: {}", working))};
  }
  return {hit_at(c, fmt::format("the conference was inquorate: {}", working))};
}

Hits inquorate_decision(const CheckContext& ctx) {
  const Record& r = ctx.record;
  const ConferenceInfo& c = r.conference;
  if (has_text(c.proceed_reason)) return {};
  std::string why;
  if (c.quorate && !*c.quorate) {
    why = "recorded 'quorate: false'";
  } else {
    QuorumCount q = count_quorum(ctx);
    if (!q.inquorate()) return {};
    why = describe_quorum(q, ctx.profile);
  }
  const Decision* first = nullptr;
  std::vector<std::string> decided;
  for (const auto& d : r.decisions) {
    if (!d.outcome) continue;
    if (first == nullptr) first = &d;
    decided.push_back(fmt::format("{}: {}", d.child.value_or(std::string("?")), name_of(*d.outcome)));
  }
  if (first == nullptr) return {};
  return {hit_at(first->outcome, first->path + ".outcome",
                 fmt::format("{} recorded ({}) at an inquorate conference ({}) and conference.proceed-reason "
                             "does not say why deciding was in the child's interest: the chair should set a new "
                             "date or record the reason to proceed",
                             decided.size() == 1 ? "a decision was" : "decisions were", join(decided), why))};
}

Hits non_voter_voted(const CheckContext& ctx) {
  Hits hits;
  for (const auto& d : ctx.record.decisions) {
    for (const auto& v : d.votes) {
      if (!v.by) continue;
      const Attendee* voter = find_attendee(ctx.record, *v.by);
      if (voter == nullptr || !voter->capacity || !ctx.profile.is_non_voting(*voter->capacity)) continue;
      hits.push_back(hit_at(
          v.by, v.path + ".by",
          fmt::format("{} attends as {}, who is not party to the decision, yet is recorded as casting the vote of "
                      "grouping {} for child {}: only the professional groupings vote (profile {} lists {} as "
                      "non-voting)",
                      who(*voter), name_of(*voter->capacity), v.grouping.value_or(std::string("?")),
                      d.child.value_or(std::string("?")), ctx.profile.name, name_of(*voter->capacity))));
    }
  }
  return hits;
}

bool gave_apologies(const Attendee& a) {
  return is_professional(a) && a.attendance && *a.attendance == Attendance::apologies;
}

Hits absent_without_report(const CheckContext& ctx) {
  Hits hits;
  for (const auto& a : ctx.record.attendees) {
    if (!gave_apologies(a)) continue;
    if (!a.report) {
      hits.push_back(hit_at(a, fmt::format("{} gave apologies and submitted no report: a professional who cannot "
                                           "attend must still send a report with their own view of the risks "
                                           "to the child",
                                           who_at_work(a))));
    } else if (!has_text(a.report->risk_view)) {
      hits.push_back(hit_at(*a.report, fmt::format("{} gave apologies and their report has no 'risk-view': the "
                                                   "report of a professional who cannot attend must include their "
                                                   "own view of the risks to the child",
                                                   who_at_work(a))));
    }
  }
  return hits;
}

// Present professionals of the same agency as the absent one, who could have presented the report.
std::vector<std::string> present_colleagues(const Record& r, const Attendee& absent) {
  std::vector<std::string> ids;
  if (!has_text(absent.agency)) return ids;
  for (const auto& a : r.attendees) {
    if (&a != &absent && a.id && is_present(a) && same_agency(a, absent)) {
      ids.push_back(*a.id);
    }
  }
  return ids;
}

Hits absent_report_not_presented(const CheckContext& ctx) {
  const Record& r = ctx.record;
  Hits hits;
  for (const auto& a : r.attendees) {
    if (!gave_apologies(a) || !a.report) continue;
    std::string agency = a.agency.value_or(std::string("their agency"));
    std::string problem;
    if (!a.represented_by) {
      problem = "no 'represented-by' names who presented it";
      auto colleagues = present_colleagues(r, a);
      if (!colleagues.empty()) {
        problem += fmt::format(" ({} of the same agency {} present: record which of them presented it)",
                               join(colleagues), colleagues.size() == 1 ? "was" : "were");
      }
      hits.push_back(hit_at(a, fmt::format("{} gave apologies and {}: a representative of {} should attend to "
                                           "present the report",
                                           who_at_work(a), problem, agency)));
      continue;
    }
    const Attendee* rep = find_attendee(r, *a.represented_by);
    std::vector<std::string> quoted;
    if (rep == nullptr) {
      quoted.push_back(*a.represented_by);
      problem = fmt::format("'represented-by' names '{}', whom no attendee matches", *a.represented_by);
    } else if (!is_present(*rep)) {
      problem = fmt::format("the representative {} was not present", who(*rep));
    } else if (has_text(a.agency) && !same_agency(*rep, a)) {
      problem = fmt::format("the representative {} is from {}, not from {}", who(*rep),
                            rep->agency ? *rep->agency : std::string("no agency"), *a.agency);
    } else {
      continue;
    }
    hits.push_back(hit_at(a.represented_by, a.path + ".represented-by",
                          fmt::format("the report of {}, who gave apologies, had nobody from that agency to "
                                      "present it: {}; a representative of {} should attend to present it",
                                      who_at_work(a), problem, agency),
                          std::move(quoted)));
  }
  return hits;
}

Hits observer_not_requested(const CheckContext& ctx) {
  const ConferenceInfo& c = ctx.record.conference;
  if (!c.start) return {};
  Date held = c.start->date;
  int days_needed = ctx.profile.timescales.observer_request_days;
  Date latest = Date::from_serial(held.serial() - days_needed);
  Hits hits;
  for (const auto& a : ctx.record.attendees) {
    if (!a.capacity || *a.capacity != Capacity::observer || !is_present(a)) continue;
    if (!a.observer_request) {
      hits.push_back(hit_at(a, fmt::format("observer {} attended with no written request to the chair recorded "
                                           "('observer-request'): profile {} needs one at least {} days before "
                                           "the conference of {}, by {}",
                                           who(a), ctx.profile.name, days_needed, held.str(), latest.str())));
      continue;
    }
    long before = held.serial() - a.observer_request->serial();
    if (before >= days_needed) continue;
    std::string when = before > 0    ? fmt::format("{} before", plural(before, "day", "days"))
                       : before == 0 ? std::string("on the day of")
                                     : fmt::format("{} after", plural(-before, "day", "days"));
    hits.push_back(hit_at(
        a.observer_request, a.path + ".observer-request",
        fmt::format("observer {} asked the chair on {}, {} the conference of {}: profile {} "
                    "needs a written request at least {} days before, by {}",
                    who(a), a.observer_request->str(), when, held.str(), ctx.profile.name, days_needed, latest.str())));
  }
  return hits;
}

// Whole years from born to on, a birthday counting from the day itself (29 February from 1 March).
int age_on(Date born, Date on) {
  int years = on.year - born.year;
  if (std::pair(on.month, on.day) < std::pair(born.month, born.day)) --years;
  return years;
}

constexpr int k_invite_age = 10;

Hits child_not_invited(const CheckContext& ctx) {
  const ConferenceInfo& c = ctx.record.conference;
  if (!c.start) return {};
  Date held = c.start->date;
  Hits hits;
  for (const auto& child : ctx.record.children) {
    if (!child.born || (child.invited && *child.invited) || has_text(child.not_invited_reason)) continue;
    // A child recorded as attending was invited, whatever the invited key says.
    if (child.attended && *child.attended) continue;
    int age = age_on(*child.born, held);
    if (age < k_invite_age) continue;
    std::string name = child.name ? fmt::format("{} ({})", child.id.value_or(std::string("?")), *child.name)
                                  : child.id.value_or(std::string("?"));
    std::string invited = child.invited ? "'invited: false'" : "no 'invited: true'";
    Hit hit = child.invited ? hit_at(child.invited, child.path + ".invited", "") : hit_at(child, "");
    hit.message = fmt::format(
        "child {}, born {}, was {} on the conference date {} and was not invited ({}) with "
        "no 'not-invited-reason': children aged {} and over are normally invited, and the "
        "record should say why one was not",
        name, child.born->str(), age, held.str(), invited, k_invite_age);
    hits.push_back(std::move(hit));
  }
  return hits;
}

Hits many_professionals(const CheckContext& ctx) {
  const Record& r = ctx.record;
  int limit = ctx.profile.max_professionals;
  std::vector<std::pair<std::string, int>> by_grouping;
  const Attendee* over = nullptr;
  int count = 0;
  for (const auto& a : r.attendees) {
    if (!is_professional(a) || !is_present(a)) continue;
    if (++count == limit + 1) over = &a;
    auto grouping = grouping_of(a, r, ctx.profile);
    std::string id = grouping ? grouping->id : std::string("no grouping");
    auto it = std::find_if(by_grouping.begin(), by_grouping.end(), [&](const auto& g) { return g.first == id; });
    if (it == by_grouping.end()) {
      by_grouping.emplace_back(id, 1);
    } else {
      ++it->second;
    }
  }
  if (count <= limit || over == nullptr) return {};
  std::vector<std::string> parts;
  for (const auto& [id, n] : by_grouping) parts.push_back(fmt::format("{} {}", id, n));
  return {hit_at(*over, fmt::format("{} professionals were present, more than profile {}'s advisory number of {} "
                                    "(by grouping: {})",
                                    count, ctx.profile.name, limit, join(parts)))};
}

std::string duration(long long minutes) {
  if (minutes < 60) return fmt::format("{} min", minutes);
  return minutes % 60 == 0 ? fmt::format("{} h", minutes / 60) : fmt::format("{} h {} min", minutes / 60, minutes % 60);
}

Hits long_conference(const CheckContext& ctx) {
  const ConferenceInfo& c = ctx.record.conference;
  if (!c.start || !c.end || !c.start->has_time() || !c.end->has_time()) return {};
  long long minutes = c.end->serial_minutes() - c.start->serial_minutes();
  if (minutes <= ctx.profile.max_minutes) return {};
  return {hit_at(c.end, c.path + ".end",
                 fmt::format("the conference ran {} minutes ({}, from {} to {}), longer than profile {}'s advisory "
                             "length of {} minutes ({})",
                             minutes, duration(minutes), c.start->str(), c.end->str(), ctx.profile.name,
                             ctx.profile.max_minutes, duration(ctx.profile.max_minutes)))};
}

Hits professionals_only_meeting(const CheckContext& ctx) {
  Hits hits;
  for (const auto& m : ctx.record.professionals_only) {
    if (!m.avoids_family || !*m.avoids_family) continue;
    std::string when = m.held ? fmt::format(" on {}", m.held->str()) : "";
    std::string reason = has_text(m.reason) ? fmt::format(" (reason given: {})", *m.reason) : "";
    hits.push_back(hit_at(m.avoids_family, m.path + ".avoids-family",
                          fmt::format("a professionals-only meeting was held{} so that the family would not hear "
                                      "what was shared{}: meetings that get round the conference suggest it is "
                                      "not working, which should be escalated instead",
                                      when, reason)));
  }
  return hits;
}

Hits complaints_info_not_given(const CheckContext& ctx) {
  Hits hits;
  for (const auto& d : ctx.record.decisions) {
    if (!d.parents_disagree || !*d.parents_disagree) continue;
    if (d.complaints_info_given && *d.complaints_info_given) continue;
    std::string decision = d.outcome ? fmt::format(" ({})", name_of(*d.outcome)) : "";
    std::string recorded =
        d.complaints_info_given ? "'complaints-info-given: false'" : "no 'complaints-info-given: true'";
    std::string message = fmt::format(
        "the parents disagreed with the decision for child {}{} and the record does "
        "not show they were told how to complain or appeal ({}): the chair must make sure "
        "they are given the appeal and complaint process",
        d.child.value_or(std::string("?")), decision, recorded);
    hits.push_back(d.complaints_info_given ? hit_at(d.complaints_info_given, d.path + ".complaints-info-given", message)
                                           : hit_at(d.parents_disagree, d.path + ".parents-disagree", message));
  }
  return hits;
}

const Rule k_attendance_rules[] = {
    {"inquorate", Family::attendance, Severity::warning,
     "too few professional groupings were present, or a required one was absent",
     "NSPCC and SCIE, Unequal weight given to views of different agencies in child protection conferences (2016) (\"the role of the chair in managing inquorate conferences\"); local procedures "
     "(Sussex, Swindon: children's social care and at least two other agencies)",
     "Counts the professional groupings present in person or through a colleague who presented an absent "
     "professional's report, against the profile's quorum (a minimum number, and groupings that must be among "
     "them). It also reports a conference the record itself declares inquorate ('quorate: false'), and a record "
     "that says 'quorate: true' when the count says otherwise. 000 names the chair's role in managing inquorate "
     "conferences; local procedures (Sussex, Swindon) require children's social care and at least two other "
     "agencies in contact with the family.",
     inquorate},
    {"inquorate-decision", Family::attendance, Severity::error,
     "a decision was recorded at an inquorate conference without the chair's reason to proceed",
     "NSPCC and SCIE, Unequal weight given to views of different agencies in child protection conferences (2016) (managing inquorate conferences); local procedures (Sussex, Swindon)",
     "An inquorate conference (declared 'quorate: false', or short of the profile's quorum by count) normally "
     "does not decide: the chair sets a new date, unless the chair records why deciding now is in the child's "
     "interest (conference.proceed-reason). Fires when a decision with an outcome is recorded and no such "
     "reason is. Source: 000 on the chair managing inquorate conferences; local procedures (Sussex, Swindon).",
     inquorate_decision},
    {"non-voter-voted", Family::attendance, Severity::error,
     "a parent, child, family member, carer, observer or other non-voting attendee is recorded as voting",
     "North Wales Safeguarding Children's Board, Decision Making at Child Protection Conferences (v2, 2020) §4.1-4.2",
     "Parents, children, family members and supporters, advocates, legal representatives, inspectorate staff, "
     "CAFCASS and carers attend without being party to the decision (003 §4.1); their views are sought but the "
     "professionals decide (003 §4.2). Observers likewise do not vote. Fires when a vote's 'by' names an "
     "attendee whose capacity the profile lists as non-voting.",
     non_voter_voted},
    {"absent-without-report", Family::attendance, Severity::error,
     "a professional gave apologies and sent no report with their view of the risk",
     "North Wales Safeguarding Children's Board, Decision Making at Child Protection Conferences (v2, 2020) §4.4; West Berkshire, Guidance on Child Protection Conferences for Professionals (What is a Child Protection Conference?)",
     "A professional who cannot attend should still submit a report, and it should include their own view of "
     "the risks to the child (003 §4.4; 004: \"If you cannot attend, you must continue to provide a report\"). "
     "Fires for a professional with 'attendance: apologies' who has no 'report', or whose report has no "
     "'risk-view'.",
     absent_without_report},
    {"absent-report-not-presented", Family::attendance, Severity::warning,
     "an absent professional's report had nobody from that agency to present it",
     "North Wales Safeguarding Children's Board, Decision Making at Child Protection Conferences (v2, 2020) §4.5; West Berkshire, Guidance on Child Protection Conferences for Professionals (What is a Child Protection Conference?)",
     "A representative of the absent professional's agency attends to present the report (003 §4.5; 004: "
     "\"arrange for a suitably briefed representative from your agency to attend on your behalf\"). Fires when "
     "a professional who gave apologies sent a report and 'represented-by' is missing, names someone not "
     "present, or names someone of another agency (agencies compared ignoring case).",
     absent_report_not_presented},
    {"observer-not-requested", Family::attendance, Severity::warning,
     "an observer attended without a written request at least a week before",
     "West Berkshire, Guidance on Child Protection Conferences for Professionals (Bringing a professional observer to Conference)",
     "Observers are admitted only when asked for in writing to the chair at least one week before the "
     "conference; \"any observers who have not followed this process will not be admitted\" (004). Fires for a "
     "present observer with no 'observer-request' date, or one fewer calendar days before the conference than "
     "the profile's observer-request-days (7).",
     observer_not_requested},
    {"child-not-invited", Family::attendance, Severity::warning,
     "a child aged 10 or over was not invited and no reason is recorded",
     "West Berkshire, Guidance on Child Protection Conferences for Professionals (Attendance of Young People and Wider Family at Conference)",
     "\"All children aged 10 years and over will normally be invited to their conference where appropriate\" "
     "(004); where one is not, the record says why. Fires for a child who is 10 or older on the conference "
     "date (counted from 'born', the birthday itself included), has no 'invited: true', did not attend, and has "
     "no 'not-invited-reason'.",
     child_not_invited},
    {"many-professionals", Family::attendance, Severity::info,
     "more professionals attended than the profile's advisory number",
     "Matthews, Five steps towards better child protection conferences (Community Care) (3. Reduce the numbers)",
     "A conference with many professionals can overwhelm the parents and lose focus; 001 calls more than 10 "
     "ludicrous and suggests one lead professional per agency. A quality signal, not an error: fires when the "
     "professionals present exceed the profile's max-professionals (10), and shows how many came from each "
     "grouping.",
     many_professionals},
    {"long-conference", Family::attendance, Severity::info,
     "the conference ran longer than the profile's advisory length", "Matthews, Five steps towards better child protection conferences (Community Care) (3. Reduce the numbers)",
     "001 suggests conferences work to a time limit of perhaps two hours, so that the meeting is not overly long "
     "for the family. A quality signal, not an error: fires when end minus start exceeds the profile's "
     "max-minutes (120); both must give a time.",
     long_conference},
    {"professionals-only-meeting", Family::attendance, Severity::info,
     "a professionals-only meeting was held to work around the family's presence",
     "NSPCC and SCIE, Reluctance to share all information in presence of families at child protection conferences (2016) (What is the issue?; Why does this occur?)",
     "002 reports professionals holding extra meetings without the family in order to 'get round' the "
     "conference, and says it would be better to escalate so that the process is put right. Fires for each "
     "professionals-only meeting recorded with 'avoids-family: true'.",
     professionals_only_meeting},
    {"complaints-info-not-given", Family::attendance, Severity::warning,
     "parents disagreed with the decision and the record does not show they were told how to complain",
     "North Wales Safeguarding Children's Board, Decision Making at Child Protection Conferences (v2, 2020) §5.3",
     "The chair is responsible for making sure that parents who disagree with the decision are given the "
     "safeguarding board's appeal and complaint process (003 §5.3). Fires for a decision with "
     "'parents-disagree: true' that lacks 'complaints-info-given: true'.",
     complaints_info_not_given},
};

}  // namespace

std::span<const Rule> attendance_rules() { return k_attendance_rules; }

}  // namespace cpconf
