#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "cpconf/check/rule.hpp"
#include "cpconf/derive/groupings.hpp"
#include "cpconf/derive/tally.hpp"
#include "cpconf/text/suggest.hpp"
#include "cpconf/text/words.hpp"

namespace cpconf {

namespace {

bool grouping_vote(const CheckContext& ctx) { return ctx.profile.mode == DecisionMode::grouping_vote; }

std::string quoted(Outcome outcome) { return fmt::format("'{}'", name_of(outcome)); }

// "child 'c1' (Carys Hughes)".
std::string child_label(const Record& record, std::string_view id) {
  const Child* child = find_child(record, id);
  if (child != nullptr && child->name) return fmt::format("child '{}' ({})", id, *child->name);
  return fmt::format("child '{}'", id);
}

// "a8 (DC Huw Jones)".
std::string who(const Attendee& a) {
  std::string id = a.id.value_or(std::string("?"));
  return a.name ? fmt::format("{} ({})", id, *a.name) : id;
}

std::string list_or_none(const std::vector<std::string>& ids) { return ids.empty() ? "none" : join(ids); }

// Under chair-decides the professionals give views, not votes (cpconf-record(5), decisions).
std::string_view votes_word(const CheckContext& ctx) { return grouping_vote(ctx) ? "votes" : "views"; }

// Runs fn(decision, tally) for each decision of the record.
template <class Fn>
Hits each_tally(const CheckContext& ctx, Fn fn) {
  Hits hits;
  const auto& tallies = ctx.tallies();
  for (std::size_t i = 0; i < tallies.size(); ++i) fn(ctx.record.decisions[i], tallies[i], hits);
  return hits;
}

Hits decision_missing(const CheckContext& ctx) {
  const Record& r = ctx.record;
  // An inquorate conference that decided nothing is inquorate-not-reconvened's concern.
  if (r.decisions.empty() && r.conference.quorate && !*r.conference.quorate) return {};
  Hits hits;
  for (const auto& c : r.children) {
    if (!c.id) continue;
    bool decided = std::any_of(r.decisions.begin(), r.decisions.end(),
                               [&](const Decision& d) { return d.child && *d.child == *c.id; });
    if (decided) continue;
    hits.push_back(hit_at(c, fmt::format("no decision is recorded for {}: the conference decides for each child "
                                         "whether they are at continuing risk of significant harm and need a plan; "
                                         "add a decision with 'child: {}'",
                                         child_label(r, *c.id), *c.id)));
  }
  return hits;
}

Hits vote_without_consensus_attempt(const CheckContext& ctx) {
  return each_tally(ctx, [&](const Decision& d, const VoteTally& t, Hits& hits) {
    if (!t.has_votes() || t.unanimous()) return;
    bool consensus_failed = d.consensus && !*d.consensus;
    bool resolution_tried = d.resolution_tried && *d.resolution_tried;
    if (consensus_failed && resolution_tried) return;
    std::string consensus = d.consensus ? fmt::format("'consensus: {}'", *d.consensus) : "no 'consensus'";
    std::string resolution =
        d.resolution_tried ? fmt::format("'resolution-tried: {}'", *d.resolution_tried) : "no 'resolution-tried'";
    std::string message = fmt::format(
        "the {} for {} split {} ({}) but the record does not show that consensus was sought and the chair then "
        "tried to resolve the difference ({}, {}): only irresolvable differences go to a vote; record "
        "'consensus: false' and 'resolution-tried: true' if both were tried",
        votes_word(ctx), child_label(ctx.record, t.child), describe_split(t), describe_count(t), consensus, resolution);
    if (d.consensus && *d.consensus) {
      hits.push_back(hit_at(d.consensus, d.path + ".consensus", std::move(message)));
    } else if (d.resolution_tried) {
      hits.push_back(hit_at(d.resolution_tried, d.path + ".resolution-tried", std::move(message)));
    } else {
      hits.push_back(hit_at(d, std::move(message)));
    }
  });
}

Hits individual_votes(const CheckContext& ctx) {
  if (!grouping_vote(ctx)) return {};
  return each_tally(ctx, [&](const Decision&, const VoteTally& t, Hits& hits) {
    for (const auto& dup : t.duplicates) {
      for (const Vote* v : dup.ignored) {
        std::string by = v->by ? fmt::format(" by {}", *v->by) : "";
        std::string first = dup.counted != nullptr
                                ? fmt::format("{} (line {}){}, votes {}", dup.counted->path, dup.counted->location.line,
                                              dup.counted->by ? fmt::format(" by {}", *dup.counted->by) : "",
                                              dup.counted->vote ? quoted(*dup.counted->vote) : "?")
                                : "an earlier vote";
        hits.push_back(hit_at(
            v->grouping, v->path + ".grouping",
            fmt::format("a second vote{} ({}) for grouping '{}' on {}: its first vote, {}, is the one counted; "
                        "each professional grouping has one vote, cast by its nominated or lead person, not "
                        "one per individual",
                        by, v->vote ? quoted(*v->vote) : "?", dup.grouping, child_label(ctx.record, t.child), first)));
      }
    }
  });
}

Hits vote_by_absent(const CheckContext& ctx) {
  Hits hits;
  for (const auto& d : ctx.record.decisions) {
    for (const auto& v : d.votes) {
      if (!v.by) continue;
      const Attendee* voter = find_attendee(ctx.record, *v.by);
      if (voter == nullptr || !voter->attendance || *voter->attendance != Attendance::apologies) continue;
      std::string instead = "a vote is cast by a professional present at the conference";
      if (voter->represented_by) {
        const Attendee* rep = find_attendee(ctx.record, *voter->represented_by);
        if (rep != nullptr && rep->attendance && *rep->attendance == Attendance::present) {
          instead = fmt::format("{}, who presented the report, casts the agency's vote", who(*rep));
        }
      }
      hits.push_back(
          hit_at(v.by, v.path + ".by",
                 fmt::format("{} is recorded as voting for {} but gave apologies and was not "
                             "present: {}",
                             who(*voter), child_label(ctx.record, d.child.value_or(std::string("?"))), instead)));
    }
  }
  return hits;
}

std::string_view grouping_source(GroupingSource source) {
  switch (source) {
    case GroupingSource::explicit_key: return "by its 'grouping' key";
    case GroupingSource::chair_decided: return "as a member of the chair's grouping";
    case GroupingSource::profile_keyword: return "by the profile's keywords for its role or agency";
  }
  return "";
}

// Groupings the record adds (not the profile's) that give no rationale, with the votes cast in them.
void chair_groupings_without_rationale(const CheckContext& ctx, Hits& hits) {
  for (const auto& g : ctx.record.groupings) {
    if (!g.id || has_text(g.rationale) || ctx.profile.grouping(*g.id) != nullptr) continue;
    std::vector<std::string> used;
    for (const auto& d : ctx.record.decisions) {
      for (const auto& v : d.votes) {
        if (v.grouping && *v.grouping == *g.id) used.push_back(v.path);
      }
    }
    if (used.empty()) continue;
    hits.push_back(hit_at(g, fmt::format("grouping '{}' is not one of profile {}'s groupings, so it is the chair's "
                                         "decision, but the record gives no rationale for it; votes cast in it: {}; "
                                         "add 'rationale:' saying why the chair set this grouping",
                                         *g.id, ctx.profile.name, join(used))));
  }
}

Hits ungrouped_voter(const CheckContext& ctx) {
  Hits hits;
  for (const auto& d : ctx.record.decisions) {
    for (const auto& v : d.votes) {
      if (!v.by) continue;
      const Attendee* voter = find_attendee(ctx.record, *v.by);
      if (voter == nullptr || voter->capacity.value_or(Capacity::professional) != Capacity::professional) continue;
      auto resolved = grouping_of(*voter, ctx.record, ctx.profile);
      if (!resolved) {
        hits.push_back(hit_at(
            v.by, v.path + ".by",
            fmt::format("voter {} belongs to no professional grouping: the attendee has no 'grouping', no record "
                        "grouping lists them in 'members', and none of profile {}'s keywords matches the role "
                        "'{}' or the agency '{}'; give the attendee a grouping, or record the chair's grouping "
                        "under 'groupings' with its rationale",
                        who(*voter), ctx.profile.name, voter->role.value_or(std::string()),
                        voter->agency.value_or(std::string()))));
      } else if (v.grouping && *v.grouping != resolved->id) {
        hits.push_back(
            hit_at(v.grouping, v.path + ".grouping",
                   fmt::format("the vote is counted for grouping '{}' but its voter {} belongs to '{}' ({}): a "
                               "professional votes once, for the service they represent; correct the vote's grouping "
                               "or the attendee's",
                               *v.grouping, who(*voter), resolved->id, grouping_source(resolved->source))));
      }
    }
  }
  chair_groupings_without_rationale(ctx, hits);
  return hits;
}

Hits outcome_contradicts_votes(const CheckContext& ctx) {
  // Under chair-decides the chair decides on all the views: decision-against-majority.
  if (!grouping_vote(ctx)) return {};
  return each_tally(ctx, [&](const Decision& d, const VoteTally& t, Hits& hits) {
    if (!t.recorded || !t.votes_give || *t.recorded == *t.votes_give || d.over_rule) return;
    std::string working = t.tie ? fmt::format("the votes split {} ({}) and the chair's casting vote was {}",
                                              describe_split(t), describe_count(t), quoted(*t.casting_vote))
                                : fmt::format("the majority voted {} ({})", quoted(*t.majority), describe_count(t));
    hits.push_back(
        hit_at(d.outcome, d.path + ".outcome",
               fmt::format("the outcome for {} is {} but {}, so the outcome should be {}; no over-rule "
                           "is recorded",
                           child_label(ctx.record, t.child), quoted(*t.recorded), working, quoted(*t.votes_give))));
  });
}

Hits tie_without_casting_vote(const CheckContext& ctx) {
  if (!grouping_vote(ctx)) return {};
  return each_tally(ctx, [&](const Decision& d, const VoteTally& t, Hits& hits) {
    if (!t.tie || t.casting_vote) return;
    hits.push_back(hit_at(d, fmt::format("the votes for {} split {} ({}) and no casting vote by the chair is "
                                         "recorded: on a 50/50 split the chair's casting vote decides; add "
                                         "'casting-vote: plan' or 'casting-vote: no-plan'",
                                         child_label(ctx.record, t.child), describe_split(t), describe_count(t))));
  });
}

Hits casting_vote_without_tie(const CheckContext& ctx) {
  if (!grouping_vote(ctx)) return {};
  return each_tally(ctx, [&](const Decision& d, const VoteTally& t, Hits& hits) {
    if (!t.casting_vote || t.tie) return;
    std::string votes = t.has_votes() ? fmt::format("the votes for {} did not split 50/50: {}",
                                                    child_label(ctx.record, t.child), describe_count(t))
                                      : fmt::format("no votes are recorded for {}", child_label(ctx.record, t.child));
    hits.push_back(hit_at(d.casting_vote, d.path + ".casting-vote",
                          fmt::format("a casting vote ({}) is recorded but {}: the chair has a casting vote only on "
                                      "a 50/50 split",
                                      quoted(*t.casting_vote), votes)));
  });
}

// "the votes give 'plan' (plan 3 (...), no-plan 1 (...)) and the outcome is 'no-plan'".
std::string over_rule_working(const CheckContext& ctx, const VoteTally& t) {
  std::string give = t.votes_give ? fmt::format("give {}", quoted(*t.votes_give))
                                  : std::string(t.has_votes() ? "tie with no casting vote" : "are not recorded");
  std::string outcome = t.recorded ? fmt::format("the outcome is {}", quoted(*t.recorded)) : "no outcome is recorded";
  return fmt::format("the {} {} ({}) and {}", votes_word(ctx), give, describe_count(t), outcome);
}

Hits override_not_allowed(const CheckContext& ctx) {
  if (ctx.profile.chair_may_over_rule) return {};
  return each_tally(ctx, [&](const Decision& d, const VoteTally& t, Hits& hits) {
    if (!d.over_rule) return;
    hits.push_back(hit_at(d.over_rule, d.path + ".over-rule",
                          fmt::format("the chair over-ruled the votes for {}, which profile {} does not allow: "
                                      "{}; the outcome follows the majority (or the casting vote on a tie), and a "
                                      "chair who believes it places the child at risk says so, records the concern "
                                      "('chair-concern') and escalates it to the senior manager immediately after "
                                      "the conference",
                                      child_label(ctx.record, t.child), ctx.profile.name, over_rule_working(ctx, t))));
  });
}

Hits override_without_rationale(const CheckContext& ctx) {
  // Where no over-rule is allowed, override-not-allowed reports it; a rationale would not cure it.
  if (!ctx.profile.chair_may_over_rule) return {};
  return each_tally(ctx, [&](const Decision& d, const VoteTally& t, Hits& hits) {
    if (!d.over_rule || has_text(d.over_rule->rationale)) return;
    hits.push_back(hit_at(d.over_rule, d.path + ".over-rule",
                          fmt::format("the chair over-ruled the majority for {} and the record gives no rationale: "
                                      "{}; an over-rule is exceptional and the record says why (add "
                                      "'rationale:' under 'over-rule')",
                                      child_label(ctx.record, t.child), over_rule_working(ctx, t))));
  });
}

Hits dissent_not_recorded(const CheckContext& ctx) {
  return each_tally(ctx, [&](const Decision& d, const VoteTally& t, Hits& hits) {
    if (!t.has_votes() || !t.recorded) return;
    if (t.dissent_not_listed.empty() && t.dissent_listed_wrongly.empty()) return;
    std::vector<std::string> faults;
    if (!t.dissent_not_listed.empty()) faults.push_back(fmt::format("not listed: {}", join(t.dissent_not_listed)));
    if (!t.dissent_listed_wrongly.empty()) {
      faults.push_back(fmt::format("listed but did not vote against the outcome: {}", join(t.dissent_listed_wrongly)));
    }
    std::string listed = t.dissent_recorded.empty() ? "lists no dissent"
                                                    : fmt::format("lists dissent from {}", join(t.dissent_recorded));
    std::string message =
        fmt::format("for {} the record {}, but the groupings whose {} went against the outcome {} are {} ({}): {}",
                    child_label(ctx.record, t.child), listed, votes_word(ctx), quoted(*t.recorded),
                    list_or_none(t.dissent_computed), describe_count(t),
                    faults.size() == 2 ? faults[0] + "; " + faults[1] : faults[0]);
    if (d.dissent) {
      hits.push_back(hit_at(d.dissent, d.path + ".dissent", std::move(message)));
    } else {
      hits.push_back(hit_at(d, std::move(message)));
    }
  });
}

Hits chair_concern_not_escalated(const CheckContext& ctx) {
  Hits hits;
  for (const auto& d : ctx.record.decisions) {
    if (!d.chair_concern) continue;
    const ChairConcern& c = *d.chair_concern;
    bool to = has_text(c.escalated_to);
    bool on = c.escalated_on.has();
    if (to && on) continue;
    std::string missing = !to && !on ? "no escalation is recorded ('escalated-to' and 'escalated-on' are absent)"
                          : !to      ? "the escalation names no senior manager ('escalated-to' is absent)"
                                     : "the escalation gives no date ('escalated-on' is absent)";
    hits.push_back(hit_at(d.chair_concern, d.path + ".chair-concern",
                          fmt::format("the chair recorded a concern that the decision places {} at risk but {}: "
                                      "the chair escalates the concern to the senior manager responsible for child "
                                      "protection immediately after the conference",
                                      child_label(ctx.record, d.child.value_or(std::string("?"))), missing)));
  }
  return hits;
}

// "childrens-social-care, education (lone school representative a5 (Owain Evans))".
std::string describe_eligible(const VoteTally& t, const Profile& profile) {
  std::vector<std::string> parts;
  for (const auto& g : t.eligible) {
    if (g == profile.school_grouping && t.lone_school_representative != nullptr) {
      parts.push_back(fmt::format("{} (lone school representative {})", g, who(*t.lone_school_representative)));
    } else {
      parts.push_back(g);
    }
  }
  return list_or_none(parts);
}

Hits uninvolved_grouping_voted(const CheckContext& ctx) {
  return each_tally(ctx, [&](const Decision&, const VoteTally& t, Hits& hits) {
    if (!t.separately || t.child.empty()) return;
    for (const auto& v : t.votes) {
      if (!v.counted || t.eligible_for_child(*v.grouping)) continue;
      hits.push_back(hit_at(
          v.vote->grouping, v.vote->path + ".grouping",
          fmt::format("grouping '{}' voted for {}, who was decided separately, but no attendee of '{}' lists '{}' "
                      "in 'children': only the groupings directly involved with a child vote for that child; "
                      "groupings involved: {}",
                      *v.grouping, child_label(ctx.record, t.child), *v.grouping, t.child,
                      describe_eligible(t, ctx.profile))));
    }
  });
}

Hits category_missing(const CheckContext& ctx) {
  Hits hits;
  for (const auto& d : ctx.record.decisions) {
    if (!d.outcome || *d.outcome != Outcome::plan || (d.categories && !d.categories->empty())) continue;
    std::string message = fmt::format(
        "a plan was made for {} without a category of abuse: record one or more under 'categories' (profile {}: {})",
        child_label(ctx.record, d.child.value_or(std::string("?"))), ctx.profile.name,
        list_or_none(ctx.profile.categories));
    if (d.categories) {
      hits.push_back(hit_at(d.categories, d.path + ".categories", std::move(message)));
    } else {
      hits.push_back(hit_at(d, std::move(message)));
    }
  }
  return hits;
}

// did_you_mean, or a category that extends the word ("emotional" -> "emotional-psychological").
std::string suggest_category(const std::string& word, const std::vector<std::string>& categories) {
  std::string near = did_you_mean(word, categories);
  if (!near.empty()) return near;
  for (const auto& c : categories) {
    if (c.size() > word.size() && c.compare(0, word.size(), word) == 0 && c[word.size()] == '-') {
      return fmt::format(" (did you mean '{}'?)", c);
    }
  }
  return "";
}

Hits category_not_in_profile(const CheckContext& ctx) {
  Hits hits;
  const auto& known = ctx.profile.categories;
  for (const auto& d : ctx.record.decisions) {
    if (!d.categories) continue;
    for (std::size_t i = 0; i < d.categories->size(); ++i) {
      const std::string& category = (*d.categories)[i];
      if (contains(known, category)) continue;
      hits.push_back(hit_at(d.categories, fmt::format("{}.categories[{}]", d.path, i),
                            fmt::format("category '{}' is not one of profile {}'s categories of abuse ({}){}", category,
                                        ctx.profile.name, list_or_none(known), suggest_category(category, known)),
                            {category}));
    }
  }
  return hits;
}

Hits decision_against_majority(const CheckContext& ctx) {
  if (grouping_vote(ctx)) return {};
  return each_tally(ctx, [&](const Decision& d, const VoteTally& t, Hits& hits) {
    if (!t.recorded || !t.majority || *t.recorded == *t.majority) return;
    std::string why = d.over_rule && has_text(d.over_rule->rationale)
                          ? fmt::format("the chair's rationale: \"{}\"", *d.over_rule->rationale)
                          : "no rationale is recorded";
    hits.push_back(hit_at(d.outcome, d.path + ".outcome",
                          fmt::format("the chair decided {} for {} against the majority of the groupings' views "
                                      "({}); {}",
                                      quoted(*t.recorded), child_label(ctx.record, t.child), describe_count(t), why)));
  });
}

Hits dissent_not_escalated(const CheckContext& ctx) {
  return each_tally(ctx, [&](const Decision&, const VoteTally& t, Hits& hits) {
    if (!t.recorded || *t.recorded != Outcome::no_plan) return;
    for (const auto& v : t.votes) {
      if (!v.counted || *v.vote->vote != Outcome::plan) continue;
      if (dissent_escalation(ctx.record, ctx.profile, *v.grouping, t.child) != nullptr) continue;
      hits.push_back(hit_at(*v.vote, fmt::format("grouping '{}' judged {} at continuing risk (voted 'plan') and "
                                                 "dissented from the 'no-plan' decision, but no escalation by a "
                                                 "'{}' attendee under the resolving-professional-differences "
                                                 "procedure is recorded under 'escalations'",
                                                 *v.grouping, child_label(ctx.record, t.child), *v.grouping)));
    }
  });
}

Hits social_care_prevailed(const CheckContext& ctx) {
  return each_tally(ctx, [&](const Decision& d, const VoteTally& t, Hits& hits) {
    if (!t.social_care_prevailed) return;
    std::string how = t.tie && t.casting_vote == t.recorded ? "; decided by the chair's casting vote"
                      : d.over_rule                         ? "; decided by the chair's over-rule"
                      : !grouping_vote(ctx)                 ? "; decided by the chair"
                                                            : "";
    Outcome other = *t.recorded == Outcome::plan ? Outcome::no_plan : Outcome::plan;
    auto side = [](Outcome outcome, const std::vector<std::string>& groupings) {
      return groupings.empty() ? fmt::format("{} 0", name_of(outcome))
                               : fmt::format("{} {} ({})", name_of(outcome), groupings.size(), join(groupings));
    };
    hits.push_back(
        hit_at(d.outcome, d.path + ".outcome",
               fmt::format("the outcome {} for {} follows children's social care ('{}' {}) although most of the other "
                           "groupings {} {} (other groupings: {}, {}){}",
                           quoted(*t.recorded), child_label(ctx.record, t.child), ctx.profile.social_care_grouping,
                           name_of(*t.recorded), grouping_vote(ctx) ? "voted" : "gave", quoted(other),
                           side(*t.recorded, t.others_with_outcome), side(other, t.others_against_outcome), how)));
  });
}

const Rule k_decision_rules[] = {
    {"decision-missing", Family::decision, Severity::error,
     "a child considered by the conference has no recorded decision", "North Wales Safeguarding Children's Board, Decision Making at Child Protection Conferences (v2, 2020) §2.3",
     "Every child listed under 'children' needs an entry under 'decisions': the conference decides for each child "
     "whether they are at continuing risk of significant harm and need a plan (003 §2.3). A conference recorded as "
     "inquorate ('quorate: false') that decided nothing is left to inquorate-not-reconvened.",
     decision_missing},
    {"vote-without-consensus-attempt", Family::decision, Severity::warning,
     "votes were taken but the record does not show that consensus and then resolution were tried first",
     "North Wales Safeguarding Children's Board, Decision Making at Child Protection Conferences (v2, 2020) §2.5–2.7",
     "The conference aims for consensus; where there is none the chair first tries to resolve it, and only "
     "irresolvable differences go to a vote (003 §2.5–2.7). The rule fires when the groupings' votes or views for a "
     "child disagree and the decision does not record both 'consensus: false' and 'resolution-tried: true'. Views "
     "that all agree need no attempt, so unanimous votes never fire it; it applies under both decision modes.",
     vote_without_consensus_attempt},
    {"individual-votes", Family::decision, Severity::error,
     "more than one vote from one professional grouping for one child", "North Wales Safeguarding Children's Board, Decision Making at Child Protection Conferences (v2, 2020) §2.8",
     "Voting is by agency or professional grouping, not by individuals: each grouping has one vote, cast by its "
     "nominated or lead person (003 §2.7–2.8). The rule reports every vote after a grouping's first for the same "
     "child; the tally counts the first only. Grouping-vote profiles only: under chair-decides every professional "
     "gives a view.",
     individual_votes},
    {"vote-by-absent", Family::decision, Severity::error, "a vote is attributed to someone not present",
     "North Wales Safeguarding Children's Board, Decision Making at Child Protection Conferences (v2, 2020) §2.7, §4.4–4.5",
     "A vote is cast by the nominated or lead person present at the conference (003 §2.7). An absent professional "
     "sends a report that a colleague from the agency presents (003 §4.4–4.5); the agency's vote is then the present "
     "colleague's, so a vote whose 'by' names an attendee who gave apologies is wrong.",
     vote_by_absent},
    {"ungrouped-voter", Family::decision, Severity::error,
     "a voter's agency maps to no grouping and the record gives no chair's decision with rationale",
     "North Wales Safeguarding Children's Board, Decision Making at Child Protection Conferences (v2, 2020) §3.1–3.2",
     "Votes are counted by professional grouping (003 §3.1). The rule fires when a voter belongs to no grouping (no "
     "'grouping' key, no chair's grouping lists them, no profile keyword matches), when a vote is cast in a "
     "grouping the chair set without a rationale (003 §3.2 asks for it), and when a vote is counted for a grouping "
     "other than its voter's own (a member of a multi-agency team votes once, for the service they represent).",
     ungrouped_voter},
    {"outcome-contradicts-votes", Family::decision, Severity::error,
     "the recorded outcome is not what the votes (and casting vote) give, and no over-rule is recorded",
     "North Wales Safeguarding Children's Board, Decision Making at Child Protection Conferences (v2, 2020) §2.9–2.10",
     "Under a grouping vote the decision is the majority's, or the chair's casting vote on a 50/50 split "
     "(003 §2.9–2.10). The rule fires when the recorded outcome differs from that and no over-rule is recorded; the "
     "message shows the votes by grouping, the count and the casting vote. Under chair-decides the chair decides on "
     "all the views, so decision-against-majority reports it instead.",
     outcome_contradicts_votes},
    {"tie-without-casting-vote", Family::decision, Severity::error,
     "the votes split 50/50 and no casting vote by the chair is recorded", "North Wales Safeguarding Children's Board, Decision Making at Child Protection Conferences (v2, 2020) §2.10",
     "If the vote is split 50/50 the chair has the casting vote (003 §2.10). The rule fires when the groupings' "
     "counted votes are equal (2-2, 3-3, ...) and the decision records no 'casting-vote'. Grouping-vote profiles "
     "only.",
     tie_without_casting_vote},
    {"casting-vote-without-tie", Family::decision, Severity::error,
     "a casting vote is recorded although the votes did not tie", "North Wales Safeguarding Children's Board, Decision Making at Child Protection Conferences (v2, 2020) §2.10",
     "The chair does not vote except for a casting vote on a 50/50 split (003 §2.10). A 'casting-vote' recorded "
     "when the groupings' votes were not equal, or when no votes were taken, means the chair voted when the "
     "majority should have decided. Grouping-vote profiles only.",
     casting_vote_without_tie},
    {"override-not-allowed", Family::decision, Severity::error,
     "the chair over-ruled the majority under a profile that does not allow it", "North Wales Safeguarding Children's Board, Decision Making at Child Protection Conferences (v2, 2020) §2.10–2.11",
     "Under North Wales' procedure the majority (or the casting vote) decides and the chair cannot over-rule it: a "
     "chair who believes the decision places the child at risk says so, records the concern in the summary and "
     "escalates it to the senior manager immediately after the conference (003 §2.10–2.11). The rule fires when an "
     "'over-rule' is recorded and the profile sets 'chair-may-over-rule: false'.",
     override_not_allowed},
    {"override-without-rationale", Family::decision, Severity::error,
     "the chair over-ruled the majority and the record gives no rationale", "West Berkshire, Guidance on Child Protection Conferences for Professionals, Decision Making",
     "Where the procedure lets the chair exceptionally over-rule the majority view (004, Decision Making), the "
     "record must say why. The rule fires when an 'over-rule' has no 'rationale'. It follows the profile's "
     "'chair-may-over-rule' rather than its decision mode, since 004's own procedure is chair-decides; where no "
     "over-rule is allowed, override-not-allowed reports it instead.",
     override_without_rationale},
    {"dissent-not-recorded", Family::decision, Severity::error,
     "the groupings listed as dissenting differ from those that voted against the outcome",
     "North Wales Safeguarding Children's Board, Decision Making at Child Protection Conferences (v2, 2020) §2.9",
     "The groupings that dissented from the decision are listed in the written record (003 §2.9; dissent is recorded "
     "under chair-decides too). When votes or views are recorded, the rule compares the decision's 'dissent' list "
     "with the groupings whose counted vote differs from the outcome and names those missing and those listed "
     "wrongly.",
     dissent_not_recorded},
    {"chair-concern-not-escalated", Family::decision, Severity::error,
     "the chair recorded a concern that the decision places the child at risk, with no escalation to a senior manager",
     "North Wales Safeguarding Children's Board, Decision Making at Child Protection Conferences (v2, 2020) §2.11",
     "A chair who believes the decision places the child at risk records the concern and, immediately after the "
     "conference, escalates it to the senior manager responsible for child protection (003 §2.11). The rule fires "
     "when a 'chair-concern' lacks 'escalated-to' or 'escalated-on'; escalation-late judges the date.",
     chair_concern_not_escalated},
    {"uninvolved-grouping-voted", Family::decision, Severity::error,
     "children were decided separately and a grouping voted for a child it is not involved with",
     "North Wales Safeguarding Children's Board, Decision Making at Child Protection Conferences (v2, 2020) §5.1–5.2",
     "Where siblings are decided separately ('separately: true'), only the groupings directly involved with a child "
     "vote for that child (003 §5.2). A grouping is involved when one of its attendees lists the child under "
     "'children'. A lone school representative (the only professional present in the profile's school grouping) "
     "votes for all the children, having heard everything (003 §5.1).",
     uninvolved_grouping_voted},
    {"category-missing", Family::decision, Severity::error, "a plan was made without a category of abuse",
     "Working Together to Safeguard Children 2023, chapter 4; Wales Safeguarding Procedures",
     "When a child protection plan is made (or continues at a review) the category of abuse is recorded for the "
     "child, as statutory guidance and the national data returns require. The rule fires when the outcome is 'plan' "
     "and 'categories' is absent or empty.",
     category_missing},
    {"category-not-in-profile", Family::decision, Severity::error,
     "a category of abuse that the profile's jurisdiction does not use",
     "Working Together to Safeguard Children 2023, chapter 4; Wales Safeguarding Procedures",
     "England records neglect, physical, emotional or sexual abuse; Wales adds financial abuse and names "
     "emotional/psychological abuse. The profile's 'categories' list is the jurisdiction's; a category outside it "
     "would be rejected by the data return. The message lists the profile's categories and suggests the nearest.",
     category_not_in_profile},
    {"decision-against-majority", Family::decision, Severity::info,
     "under chair-decides, the chair's decision went against most of the groupings' views",
     "NSPCC and SCIE, Unequal weight given to views of different agencies in child protection conferences (2016); West Berkshire, Guidance on Child Protection Conferences for Professionals, Decision Making",
     "Under chair-decides the chair decides on all the professionals' views and usually accepts the majority, but "
     "may exceptionally over-rule it (004). Such a decision is not wrong, but reviews of serious cases found views "
     "of some agencies given less weight than others (000), so it is reported for quality assurance with the views "
     "by grouping and the chair's rationale.",
     decision_against_majority},
    {"dissent-not-escalated", Family::decision, Severity::info,
     "a grouping that judged the child at continuing risk dissented from a no-plan decision and no escalation is "
     "recorded",
     "North Wales Safeguarding Children's Board, Decision Making at Child Protection Conferences (v2, 2020) §2.12; West Berkshire, Guidance on Child Protection Conferences for Professionals, What if I do not agree with the Conference decision?",
     "A professional who thinks the decision leaves a child at risk raises it with the chair and follows the "
     "resolving-professional-differences procedure (003 §2.12; 004). The rule fires when a grouping voted 'plan', "
     "the outcome is 'no-plan', and no entry under 'escalations' is by an attendee of that grouping (for that child, "
     "when the escalation lists children).",
     dissent_not_escalated},
    {"social-care-prevailed", Family::decision, Severity::info,
     "the outcome matches children's social care's vote while most other groupings voted the other way",
     "NSPCC and SCIE, Unequal weight given to views of different agencies in child protection conferences (2016)",
     "Serious case reviews found children's social care's view carrying more weight than other agencies' (000: "
     "\"the social worker's report carries much more weight\"). The rule fires when the outcome is what the profile's "
     "social care grouping voted while more of the other groupings voted the other way, which only a casting vote, "
     "an over-rule or the chair's decision can bring about.",
     social_care_prevailed},
};

}  // namespace

std::span<const Rule> decision_rules() { return k_decision_rules; }

}  // namespace cpconf
