#include "cpconf/load/record_reader.hpp"

#include <fmt/format.h>

#include "cpconf/load/map_reader.hpp"

// The keys of format version 1, one describe() per mapping. man/cpconf-record.5 and
// schemas/conference.schema.json describe the same keys; tests check all three agree.
namespace cpconf {

namespace {

constexpr std::pair<std::string_view, ConferenceKind> k_kinds[] = {
    {"initial", ConferenceKind::initial},
    {"pre-birth", ConferenceKind::pre_birth},
    {"review", ConferenceKind::review},
    {"transfer-in", ConferenceKind::transfer_in},
};
constexpr std::pair<std::string_view, Capacity> k_capacities[] = {
    {"professional", Capacity::professional},
    {"parent", Capacity::parent},
    {"child", Capacity::child},
    {"family-member", Capacity::family_member},
    {"supporter", Capacity::supporter},
    {"advocate", Capacity::advocate},
    {"legal-representative", Capacity::legal_representative},
    {"inspectorate", Capacity::inspectorate},
    {"cafcass", Capacity::cafcass},
    {"carer", Capacity::carer},
    {"observer", Capacity::observer},
};
constexpr std::pair<std::string_view, Attendance> k_attendances[] = {
    {"present", Attendance::present},
    {"apologies", Attendance::apologies},
};
constexpr std::pair<std::string_view, Outcome> k_outcomes[] = {
    {"plan", Outcome::plan},
    {"no-plan", Outcome::no_plan},
};
constexpr std::pair<std::string_view, Basis> k_bases[] = {
    {"fact", Basis::fact},
    {"observation", Basis::observation},
    {"allegation", Basis::allegation},
    {"opinion", Basis::opinion},
};

}  // namespace

std::span<const std::pair<std::string_view, ConferenceKind>> EnumNames<ConferenceKind>::get() { return k_kinds; }
std::span<const std::pair<std::string_view, Capacity>> EnumNames<Capacity>::get() { return k_capacities; }
std::span<const std::pair<std::string_view, Attendance>> EnumNames<Attendance>::get() { return k_attendances; }
std::span<const std::pair<std::string_view, Outcome>> EnumNames<Outcome>::get() { return k_outcomes; }
std::span<const std::pair<std::string_view, Basis>> EnumNames<Basis>::get() { return k_bases; }

void describe(MapReader& r, SignOff& s) {
  r.required("by", s.by);
  r.required("on", s.on);
}

void describe(MapReader& r, ConferenceInfo& c) {
  r.required("id", c.id);
  r.required("case", c.case_id);
  r.required("kind", c.kind);
  if (c.kind) r.context().kind = *c.kind;
  ConferenceKind kind = c.kind.value_or(ConferenceKind::initial);
  r.optional("profile", c.profile);
  r.required_if(c.kind && kind == ConferenceKind::initial, "strategy-discussion", c.strategy_discussion);
  r.optional("s47-started", c.s47_started);
  r.required_if(c.kind && kind == ConferenceKind::transfer_in, "notified", c.notified);
  r.required_if(c.kind && kind == ConferenceKind::review, "previous", c.previous);
  r.required("start", c.start);
  if (c.start && !c.start->has_time()) {
    r.context().add("invalid-value", c.start.location, r.path() + ".start",
                    fmt::format("'start' must give the time too: {} HH:MM", c.start->date.str()));
  }
  r.optional("end", c.end);
  if (c.end && !c.end->has_time()) {
    r.context().add("invalid-value", c.end.location, r.path() + ".end",
                    fmt::format("'end' must give the time too: {} HH:MM", c.end->date.str()));
  }
  r.required("chair", c.chair);
  r.optional("quorate", c.quorate);
  r.optional("proceed-reason", c.proceed_reason);
  r.optional("reconvened", c.reconvened);
  r.optional("sign-off", c.sign_off);
}

void describe(MapReader& r, Child& c) {
  r.required("id", c.id);
  r.optional("person", c.person);
  r.required("name", c.name);
  bool unborn = r.context().kind == ConferenceKind::pre_birth;
  r.optional("born", c.born);
  r.optional("expected", c.expected);
  if (!r.has_value("born") && !r.has_value("expected")) {
    r.missing(unborn ? "expected" : "born",
              unborn ? "(expected date of delivery) is missing" : "(date of birth) is missing");
  }
  r.optional("invited", c.invited);
  r.optional("attended", c.attended);
  r.optional("not-invited-reason", c.not_invited_reason);
}

void describe(MapReader& r, Report& p) {
  r.optional("to-chair", p.to_chair);
  r.optional("to-family", p.to_family);
  r.optional("risk-view", p.risk_view);
}

void describe(MapReader& r, Attendee& a) {
  r.required("id", a.id);
  r.required("name", a.name);
  r.required("capacity", a.capacity);
  bool professional = a.capacity.value_or(Capacity::professional) == Capacity::professional;
  r.required_if(professional && a.capacity.has(), "role", a.role);
  r.required_if(professional && a.capacity.has(), "agency", a.agency);
  r.optional("grouping", a.grouping);
  r.required("attendance", a.attendance);
  r.optional("represented-by", a.represented_by);
  r.optional("children", a.children);
  r.optional("report", a.report);
  r.optional("observer-request", a.observer_request);
}

void describe(MapReader& r, Grouping& g) {
  r.required("id", g.id);
  r.optional("name", g.name);
  r.optional("rationale", g.rationale);
  r.optional("members", g.members);
}

void describe(MapReader& r, Vote& v) {
  r.required("grouping", v.grouping);
  r.required("by", v.by);
  r.required("vote", v.vote);
  r.optional("reasoning", v.reasoning);
}

void describe(MapReader& r, OverRule& o) { r.optional("rationale", o.rationale); }

void describe(MapReader& r, ChairConcern& c) {
  r.required("concern", c.concern);
  r.optional("escalated-to", c.escalated_to);
  r.optional("escalated-on", c.escalated_on);
}

void describe(MapReader& r, SafetyScore& s) {
  r.required("grouping", s.grouping);
  r.required("score", s.score);
  if (s.score && (*s.score < 0 || *s.score > 10)) {
    r.context().add("invalid-value", s.score.location, r.path() + ".score",
                    fmt::format("'score' must be a whole number from 0 to 10, not {}", *s.score));
  }
}

void describe(MapReader& r, DangerStatement& d) {
  r.required("statement", d.statement);
  r.optional("safety-goal", d.safety_goal);
  r.list("scores", d.scores);
}

void describe(MapReader& r, SafetyScale& s) {
  r.optional("zero-means", s.zero_means);
  r.optional("ten-means", s.ten_means);
  r.list("danger-statements", s.danger_statements);
  r.list("overall", s.overall);
}

void describe(MapReader& r, Decision& d) {
  r.required("child", d.child);
  r.optional("consensus", d.consensus);
  r.optional("resolution-tried", d.resolution_tried);
  r.optional("separately", d.separately);
  r.list("votes", d.votes);
  r.optional("casting-vote", d.casting_vote);
  r.required("outcome", d.outcome);
  r.optional("categories", d.categories);
  r.optional("over-rule", d.over_rule);
  r.optional("dissent", d.dissent);
  r.optional("chair-concern", d.chair_concern);
  r.optional("parents-disagree", d.parents_disagree);
  r.optional("complaints-info-given", d.complaints_info_given);
  r.optional("safety-scale", d.safety_scale);
}

void describe(MapReader& r, Escalation& e) {
  r.required("by", e.by);
  r.optional("children", e.children);
  r.required("raised", e.raised);
  r.optional("about", e.about);
}

void describe(MapReader& r, Amendment& a) {
  r.required("by", a.by);
  r.required("received", a.received);
}

void describe(MapReader& r, FollowUp& f) {
  r.optional("plan-sent", f.plan_sent);
  r.list("amendments", f.amendments);
  r.optional("minutes-sent", f.minutes_sent);
  r.optional("core-group", f.core_group);
  r.optional("next-review", f.next_review);
}

void describe(MapReader& r, ProfessionalsOnlyMeeting& m) {
  r.required("held", m.held);
  r.optional("reason", m.reason);
  r.required("avoids-family", m.avoids_family);
}

void describe(MapReader& r, InformationPoint& i) {
  r.required("point", i.point);
  r.optional("basis", i.basis);
  r.optional("by", i.by);
  r.optional("evidence", i.evidence);
  r.optional("second-hand", i.second_hand);
  r.optional("source", i.source);
}

void describe(MapReader& r, Waiver& w) {
  r.required("rule", w.rule);
  r.required("at", w.at);
  r.optional("reason", w.reason);
  r.optional("expires", w.expires);
}

namespace {

void describe_record(MapReader& r, Record& record) {
  r.required("cpconf", record.format_version);
  if (record.format_version && *record.format_version != k_format_version) {
    r.context().add("format-version", record.format_version.location, "cpconf",
                    fmt::format("this record is format version {}; this build of cpconf reads "
                                "version {} only",
                                *record.format_version, k_format_version));
    return;
  }
  Field<ConferenceInfo> conference;
  r.required("conference", conference);
  if (conference) record.conference = *conference;
  r.list("children", record.children, true);
  r.list("attendees", record.attendees, true);
  r.list("groupings", record.groupings);
  r.list("decisions", record.decisions);
  r.list("escalations", record.escalations);
  r.optional("follow-up", record.follow_up);
  r.list("professionals-only", record.professionals_only);
  r.list("information", record.information);
  r.list("waivers", record.waivers);
  r.finish();
}

}  // namespace

LoadedRecord load_record(std::string_view text, const std::string& file, const YamlLimits& limits) {
  return read_record(parse_yaml(text, file, limits), file);
}

LoadedRecord read_record(ParsedYaml parsed, const std::string& file) {
  LoadedRecord result;
  result.findings = std::move(parsed.findings);
  if (!parsed.usable) return result;
  if (!parsed.root.is_mapping()) {
    result.findings.push_back({"invalid-value", Severity::error, file, parsed.root.location, "",
                               fmt::format("a record must be a mapping of keys starting with 'cpconf: 1', "
                                           "not {}",
                                           kind_name(parsed.root.kind))});
    return result;
  }
  ReadContext context{file, {}, std::nullopt};
  Record record;
  record.file = file;
  MapReader reader(parsed.root, "", context);
  describe_record(reader, record);
  bool readable = !record.format_version || *record.format_version == k_format_version;
  for (auto& finding : context.findings) result.findings.push_back(std::move(finding));
  if (readable && record.format_version) result.record = std::move(record);
  return result;
}

}  // namespace cpconf
