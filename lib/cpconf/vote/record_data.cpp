#include <algorithm>

#include <fmt/format.h>

#include "cpconf/derive/groupings.hpp"
#include "cpconf/text/csv.hpp"
#include "cpconf/text/json.hpp"
#include "cpconf/vote/parts.hpp"

namespace cpconf {

namespace {

std::string mode_key(const Profile& profile) {
  return profile.mode == DecisionMode::grouping_vote ? "grouping-vote" : "chair-decides";
}

// --- json

std::string json_opt(std::optional<Outcome> outcome) { return outcome ? json_string(name_of(*outcome)) : "null"; }
std::string json_opt(const Field<bool>& flag) { return flag ? (*flag ? "true" : "false") : "null"; }
std::string json_bool(bool flag) { return flag ? "true" : "false"; }

// A record's text as the review shows it, as JSON (null when absent).
std::string json_shown(const RecordReview& review, const std::optional<std::string>& text) {
  return text ? json_string(review.shown(*text)) : "null";
}

std::string json_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + json_string(items[i]);
  return out + "]";
}

std::string json_findings(const Findings& findings) {
  std::string out = "[";
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    out += fmt::format(
        "{}{{\"rule\": {}, \"severity\": {}, \"file\": {}, \"line\": {}, \"column\": {}, \"path\": {}, "
        "\"message\": {}}}",
        i ? ", " : "", json_string(f.rule), json_string(severity_name(f.severity)), json_string(f.file),
        f.location.line, f.location.column, json_string(f.path), json_string(f.message));
  }
  return out + "]";
}

std::string json_vote(const TalliedVote& v, const VoteTally& t, const RecordReview& review) {
  const Record& record = *review.record;
  const Vote& vote = *v.vote;
  std::optional<std::string> name;
  if (v.voter != nullptr) name = v.voter->name.value;
  std::optional<bool> present;
  if (v.voter != nullptr && v.voter->attendance) present = *v.voter->attendance == Attendance::present;
  bool dissent = v.counted && t.recorded && *vote.vote != *t.recorded;
  return fmt::format(
      "{{\"grouping\": {}, \"by\": {}, \"by_name\": {}, \"vote\": {}, \"reasoning\": {}, \"counted\": {}, "
      "\"dissent\": {}, \"voter_present\": {}, \"notes\": {}}}",
      json_shown(review, v.grouping), json_shown(review, vote.by.value), json_shown(review, name),
      json_opt(vote.vote.value), json_shown(review, vote.reasoning.value), json_bool(v.counted), json_bool(dissent),
      present ? json_bool(*present) : "null", json_list(review.shown(vote_notes(v, t, record))));
}

std::string json_decision(const DecisionReview& dr, const RecordReview& review) {
  const Record& record = *review.record;
  const Profile& profile = *review.profile;
  const VoteTally& t = dr.tally;
  const Decision& d = dr.decision();
  const Child* child = find_child(record, t.child);
  std::string votes;
  for (const auto& v : t.votes) votes += (votes.empty() ? "" : ", ") + json_vote(v, t, review);
  std::string escalations;
  for (const auto& v : t.votes) {
    if (!v.counted || !contains(t.dissent_computed, *v.grouping)) continue;
    const Escalation* e = dissent_escalation(record, profile, *v.grouping, t.child);
    if (e == nullptr) continue;
    escalations += fmt::format("{}{{\"grouping\": {}, \"by\": {}, \"raised\": {}, \"about\": {}}}",
                               escalations.empty() ? "" : ", ", json_string(review.shown(*v.grouping)),
                               json_shown(review, e->by.value), e->raised ? json_string(e->raised->str()) : "null",
                               json_shown(review, e->about.value));
  }
  std::string concern = "null";
  if (const auto& c = d.chair_concern) {
    concern = fmt::format("{{\"concern\": {}, \"escalated_to\": {}, \"escalated_on\": {}}}",
                          json_shown(review, c->concern.value), json_shown(review, c->escalated_to.value),
                          c->escalated_on ? json_string(c->escalated_on->str()) : "null");
  }
  std::string over_rule =
      d.over_rule ? fmt::format("{{\"rationale\": {}}}", json_shown(review, d.over_rule->rationale.value)) : "null";
  const Attendee* rep = t.lone_school_representative;
  return fmt::format(
      "{{\"child\": {}, \"name\": {}, \"path\": {}, \"decided_by\": {}, \"consensus\": {}, \"resolution_tried\": {}, "
      "\"separately\": {}, \"eligible\": {}, \"lone_school_representative\": {}, \"votes\": [{}], "
      "\"present_not_voting\": {}, \"plan\": {}, \"no_plan\": {}, \"tie\": {}, \"majority\": {}, \"casting_vote\": {}, "
      "\"over_rule\": {}, \"outcome\": {}, \"votes_give\": {}, \"against_majority\": {}, \"dissent\": {{\"computed\": "
      "{}, \"recorded\": {}, \"not_listed\": {}, \"listed_wrongly\": {}}}, \"escalations\": [{}], \"chair_concern\": "
      "{}, "
      "\"social_care_prevailed\": {}, \"categories\": {}, \"consistent\": {}, \"inconsistencies\": {}}}",
      json_string(review.shown(t.child)), child != nullptr ? json_shown(review, child->name.value) : "null",
      json_string(d.path), json_string(decided_by_name(dr.decided_by)), json_opt(d.consensus),
      json_opt(d.resolution_tried), json_bool(t.separately), json_list(review.shown(t.eligible)),
      rep != nullptr ? json_shown(review, rep->id.value) : "null", votes, json_list(review.shown(t.present_not_voting)),
      json_list(review.shown(t.plan)), json_list(review.shown(t.no_plan)), json_bool(t.tie), json_opt(t.majority),
      json_opt(t.casting_vote), over_rule, json_opt(t.recorded), json_opt(t.votes_give),
      json_bool(dr.against_majority()), json_list(review.shown(t.dissent_computed)),
      json_list(review.shown(t.dissent_recorded)), json_list(review.shown(t.dissent_not_listed)),
      json_list(review.shown(t.dissent_listed_wrongly)), escalations, concern, json_bool(t.social_care_prevailed),
      json_list(review.shown(d.categories.value_or(Ids{}))), json_bool(dr.consistent()),
      json_findings(dr.inconsistencies));
}

// --- csv

// One row per vote, the decision's facts repeated on each; a decision without votes has one row
// with the vote's columns empty.
const std::vector<std::string> k_csv_header = {"file",
                                               "conference",
                                               "date",
                                               "chair",
                                               "profile",
                                               "mode",
                                               "child",
                                               "name",
                                               "decided_by",
                                               "consensus",
                                               "plan",
                                               "no_plan",
                                               "tie",
                                               "casting_vote",
                                               "over_rule",
                                               "outcome",
                                               "votes_give",
                                               "dissent_recorded",
                                               "present_not_voting",
                                               "separately",
                                               "eligible",
                                               "social_care_prevailed",
                                               "categories",
                                               "consistent",
                                               "inconsistencies",
                                               "grouping",
                                               "by",
                                               "by_name",
                                               "vote",
                                               "counted",
                                               "dissent",
                                               "notes",
                                               "reasoning"};

std::string csv_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ";") + item;
  return out;
}

std::string csv_flag(const Field<bool>& flag) { return flag ? (*flag ? "yes" : "no") : ""; }
std::string csv_flag(bool flag) { return flag ? "yes" : "no"; }
std::string csv_outcome(std::optional<Outcome> outcome) { return outcome ? std::string(name_of(*outcome)) : ""; }

}  // namespace

std::string json_or_null(const std::string& text) { return text.empty() ? "null" : json_string(text); }

std::vector<std::string> vote_notes(const TalliedVote& v, const VoteTally& t, const Record& record) {
  std::vector<std::string> marks;
  const Vote& vote = *v.vote;
  if (v.counted && t.recorded && *vote.vote != *t.recorded) marks.emplace_back("dissent");
  if (!v.counted) marks.emplace_back(v.grouping && vote.vote ? "not counted: a second vote" : "not counted");
  if (v.counted && t.separately && !t.eligible_for_child(*v.grouping)) marks.emplace_back("not involved");
  if (vote.by && v.voter == nullptr) marks.emplace_back("unknown voter");
  if (v.voter != nullptr && v.voter->attendance.value_or(Attendance::present) == Attendance::apologies) {
    marks.emplace_back("voter absent");
  }
  if (v.voter != nullptr && v.voter->id) {
    for (const auto& a : record.attendees) {
      if (a.represented_by && *a.represented_by == *v.voter->id) {
        marks.push_back(fmt::format("presents {}'s report", a.id.value_or(std::string("?"))));
      }
    }
  }
  return marks;
}

std::vector<std::string> rules_fired(const DecisionReview& dr) {
  std::vector<std::string> rules;
  for (const auto& f : dr.inconsistencies) {
    if (!contains(rules, f.rule)) rules.push_back(f.rule);
  }
  return rules;
}

std::string record_votes_json(const RecordReview& review) {
  const Record& record = *review.record;
  const ConferenceInfo& c = record.conference;
  std::string decisions;
  for (const auto& dr : review.decisions) {
    decisions += (decisions.empty() ? "\n      " : ",\n      ") + json_decision(dr, review);
  }
  return fmt::format(
      "    {{\"file\": {}, \"conference\": {}, \"case\": {}, \"kind\": {}, \"date\": {}, \"chair\": {}, "
      "\"profile\": {}, \"mode\": {}, \"consistent\": {}, \"decisions\": [{}]}}",
      json_string(review.shown(record.file)), json_shown(review, c.id.value), json_shown(review, c.case_id.value),
      c.kind ? json_string(name_of(*c.kind)) : "null", c.start ? json_string(c.start->date.str()) : "null",
      json_shown(review, c.chair.value), json_string(review.profile->name), json_string(mode_key(*review.profile)),
      json_bool(review.consistent()), decisions.empty() ? "" : decisions + "\n    ");
}

const std::vector<std::string>& record_votes_csv_header() { return k_csv_header; }
std::string record_votes_csv(const RecordReview& review) {
  const Record& record = *review.record;
  const ConferenceInfo& c = record.conference;
  std::string out;
  for (const auto& dr : review.decisions) {
    const VoteTally& t = dr.tally;
    const Decision& d = dr.decision();
    const Child* child = find_child(record, t.child);
    std::vector<std::string> decision = {review.shown(record.file),
                                         review.shown(c.id.value_or("")),
                                         c.start ? c.start->date.str() : "",
                                         review.shown(c.chair.value_or("")),
                                         review.profile->name,
                                         mode_key(*review.profile),
                                         review.shown(t.child),
                                         review.shown(child != nullptr ? child->name.value_or("") : ""),
                                         std::string(decided_by_name(dr.decided_by)),
                                         csv_flag(d.consensus),
                                         std::to_string(t.plan_count()),
                                         std::to_string(t.no_plan_count()),
                                         csv_flag(t.tie),
                                         csv_outcome(t.casting_vote),
                                         d.over_rule ? "yes" : "no",
                                         csv_outcome(t.recorded),
                                         csv_outcome(t.votes_give),
                                         csv_list(review.shown(t.dissent_recorded)),
                                         csv_list(review.shown(t.present_not_voting)),
                                         csv_flag(t.separately),
                                         csv_list(review.shown(t.eligible)),
                                         csv_flag(t.social_care_prevailed),
                                         csv_list(review.shown(d.categories.value_or(Ids{}))),
                                         csv_flag(dr.consistent()),
                                         csv_list(rules_fired(dr))};
    if (t.votes.empty()) {
      decision.resize(k_csv_header.size());
      out += csv_row(decision);
    }
    for (const auto& v : t.votes) {
      std::vector<std::string> row = decision;
      auto notes = vote_notes(v, t, record);
      bool dissent = std::find(notes.begin(), notes.end(), "dissent") != notes.end();
      row.insert(row.end(), {review.shown(v.grouping.value_or("")), review.shown(v.vote->by.value_or("")),
                             review.shown(v.voter != nullptr ? v.voter->name.value_or("") : ""),
                             csv_outcome(v.vote->vote.value), csv_flag(v.counted), csv_flag(dissent),
                             csv_list(review.shown(notes)), review.shown(v.vote->reasoning.value_or(""))});
      out += csv_row(row);
    }
  }
  return out;
}

std::string json_load_failures(const std::vector<LoadFailure>& failures) {
  std::string out = "[";
  for (std::size_t i = 0; i < failures.size(); ++i) {
    out += fmt::format("{}{{\"file\": {}, \"message\": {}, \"findings\": {}}}", i ? ", " : "",
                       json_string(failures[i].file), json_string(failures[i].message),
                       json_findings(failures[i].findings));
  }
  return out + "]";
}

}  // namespace cpconf
