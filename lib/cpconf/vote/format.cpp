#include "cpconf/vote/format.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cpconf/derive/groupings.hpp"
#include "cpconf/named.hpp"
#include "cpconf/text/csv.hpp"
#include "cpconf/text/figures.hpp"
#include "cpconf/text/json.hpp"
#include "cpconf/text/markdown_escape.hpp"
#include "cpconf/text/terminal.hpp"
#include "cpconf/text/text_table.hpp"
#include "cpconf/text/words.hpp"
#include "cpconf/vote/parts.hpp"

namespace cpconf {

namespace {

// How a fact compares with what the votes give: agrees, contradicts (one of the consistency
// rules fires), or deserves a reader's attention without being inconsistent.
enum class Mark { none, ok, mismatch, note };

struct Fact {
  std::string label;
  std::string text;
  Mark mark = Mark::none;
};

std::string list_or_none(const std::vector<std::string>& ids) { return ids.empty() ? "none" : join(ids); }

std::string outcome_text(std::optional<Outcome> outcome) {
  return outcome ? std::string(name_of(*outcome)) : std::string("none");
}

// "a1 Sioned Parry", or the id alone when it names nobody.
std::string who(std::string_view id, const Attendee* attendee) {
  if (attendee != nullptr && attendee->name) return fmt::format("{} {}", id, *attendee->name);
  return std::string(id);
}

std::string child_label(const Record& record, const std::string& id) {
  const Child* child = find_child(record, id);
  return child != nullptr && child->name ? fmt::format("{} {}", id, *child->name) : id;
}

bool grouping_vote(const Profile& profile) { return profile.mode == DecisionMode::grouping_vote; }

std::string mode_text(const Profile& profile) {
  if (!grouping_vote(profile)) return "chair decides (each grouping gives a view; no casting vote)";
  return profile.chair_may_over_rule ? "grouping vote (the chair may over-rule, with reasons)"
                                     : "grouping vote (no over-rule)";
}

// A contradiction is marked ✗ only where its rule fired, so the marks agree with the check and
// the exit status even when a profile switches a rule off.
Mark contradiction(const DecisionReview& dr, std::string_view rule) {
  return contains(rules_fired(dr), rule) ? Mark::mismatch : Mark::note;
}

std::string eligible_text(const VoteTally& t, const Profile& profile) {
  std::vector<std::string> parts;
  for (const auto& g : t.eligible) {
    const Attendee* rep = t.lone_school_representative;
    parts.push_back(g == profile.school_grouping && rep != nullptr
                        ? fmt::format("{} (lone school representative {})", g, who(rep->id.value_or(""), rep))
                        : g);
  }
  return list_or_none(parts);
}

Fact outcome_fact(const DecisionReview& dr, const Profile& profile) {
  const VoteTally& t = dr.tally;
  std::string recorded = outcome_text(t.recorded);
  if (!grouping_vote(profile)) {
    std::string text = fmt::format("{}, the chair's decision", recorded);
    if (!t.majority) return {"outcome", text + (t.has_votes() ? "; the views split evenly" : "; no views recorded")};
    if (*t.majority == t.recorded) return {"outcome", fmt::format("{}; most views: {}", text, recorded), Mark::ok};
    return {"outcome", fmt::format("{}; against most views ({})", text, name_of(*t.majority)), Mark::note};
  }
  if (!t.votes_give) {
    if (!t.has_votes()) return {"outcome", recorded + " as recorded; no votes recorded"};
    return {"outcome", recorded + " as recorded; the tie gives no outcome without a casting vote",
            contradiction(dr, "tie-without-casting-vote")};
  }
  if (*t.votes_give == t.recorded) return {"outcome", recorded + " as recorded and as the votes give it", Mark::ok};
  std::string text = fmt::format("{} as recorded; the votes give {}", recorded, name_of(*t.votes_give));
  if (dr.decision().over_rule) return {"outcome", text + ", over-ruled by the chair", Mark::note};
  return {"outcome", text, contradiction(dr, "outcome-contradicts-votes")};
}

Fact dissent_fact(const DecisionReview& dr) {
  const VoteTally& t = dr.tally;
  if (!t.recorded) return {"dissent", "no outcome recorded"};
  if (!t.has_votes()) {
    return {"dissent", t.dissent_recorded.empty()
                           ? "none"
                           : fmt::format("listed {}; no votes to compare", join(t.dissent_recorded))};
  }
  std::string text = fmt::format("{}; listed: {}", list_or_none(t.dissent_computed), list_or_none(t.dissent_recorded));
  if (t.dissent_not_listed.empty() && t.dissent_listed_wrongly.empty()) return {"dissent", text, Mark::ok};
  if (!t.dissent_not_listed.empty()) text += fmt::format("; not listed: {}", join(t.dissent_not_listed));
  if (!t.dissent_listed_wrongly.empty()) {
    text += fmt::format("; listed but did not vote against the outcome: {}", join(t.dissent_listed_wrongly));
  }
  return {"dissent", text, contradiction(dr, "dissent-not-recorded")};
}

std::vector<Fact> decision_facts(const DecisionReview& dr, const Record& record, const Profile& profile) {
  const VoteTally& t = dr.tally;
  const Decision& d = dr.decision();
  std::vector<Fact> facts;
  if (t.separately) {
    facts.push_back({"decided", "separately; groupings involved with this child: " + eligible_text(t, profile)});
  }
  bool split = t.has_votes() && !t.unanimous();
  if (d.consensus && *d.consensus) {
    facts.push_back(split ? Fact{"consensus", "recorded as reached, but the votes split", Mark::note}
                          : Fact{"consensus", "reached"});
  } else {
    bool tried = d.resolution_tried.value_or(false);
    std::string text = !d.consensus ? "not recorded"
                       : tried      ? "not reached; the chair tried to resolve the difference first"
                                    : "not reached; no attempt to resolve it is recorded";
    facts.push_back({"consensus", text, split && !(d.consensus && tried) ? Mark::note : Mark::none});
  }
  std::vector<std::string> absent_votes;
  for (const auto& g : t.present_not_voting) {
    absent_votes.push_back(t.separately && !t.eligible_for_child(g) ? g + " (not involved)" : g);
  }
  facts.push_back({grouping_vote(profile) ? "did not vote" : "gave no view", list_or_none(absent_votes)});
  std::string count = fmt::format("plan {}, no-plan {}", t.plan_count(), t.no_plan_count());
  if (t.tie) count += grouping_vote(profile) ? ": a tie" : ": the views split evenly";
  if (t.majority)
    count += fmt::format(": {} {}", grouping_vote(profile) ? "majority" : "most views", name_of(*t.majority));
  facts.push_back({"count", count});
  if (grouping_vote(profile) && t.tie) {
    facts.push_back(t.casting_vote ? Fact{"casting vote",
                                          fmt::format("{}, the chair's, on the {}-{} tie", name_of(*t.casting_vote),
                                                      t.plan_count(), t.no_plan_count()),
                                          Mark::ok}
                                   : Fact{"casting vote", "none recorded on the tie",
                                          contradiction(dr, "tie-without-casting-vote")});
  } else if (t.casting_vote) {
    facts.push_back(grouping_vote(profile)
                        ? Fact{"casting vote",
                               fmt::format("{} recorded, but the votes did not tie", name_of(*t.casting_vote)),
                               contradiction(dr, "casting-vote-without-tie")}
                        : Fact{"casting vote",
                               fmt::format("{} recorded; under chair-decides there is none", name_of(*t.casting_vote)),
                               Mark::note});
  }
  if (d.over_rule) {
    std::string_view what = grouping_vote(profile) ? "votes" : "views";
    std::string text = d.over_rule->rationale
                           ? fmt::format("the chair over-ruled the {}: {}", what, *d.over_rule->rationale)
                           : fmt::format("the chair over-ruled the {}; no rationale is recorded", what);
    if (!profile.chair_may_over_rule) text += fmt::format(" (profile {} does not allow it)", profile.name);
    facts.push_back({"over-rule", text, Mark::note});
  }
  facts.push_back(outcome_fact(dr, profile));
  facts.push_back(dissent_fact(dr));
  std::vector<std::string> escalations;
  bool unescalated_plan_vote = false;
  for (const auto& v : t.votes) {
    if (!v.counted || !contains(t.dissent_computed, *v.grouping)) continue;
    const Escalation* e = dissent_escalation(record, profile, *v.grouping, t.child);
    if (e != nullptr) {
      escalations.push_back(fmt::format("{} on {}", *v.grouping, e->raised ? e->raised->str() : "?"));
    } else {
      escalations.push_back(fmt::format("{} not escalated", *v.grouping));
      unescalated_plan_vote = unescalated_plan_vote || *v.vote->vote == Outcome::plan;
    }
  }
  if (!escalations.empty()) {
    facts.push_back({"escalated", join(escalations), unescalated_plan_vote ? Mark::note : Mark::none});
  }
  if (const auto& c = d.chair_concern) {
    std::string text = c->concern.value_or(std::string());
    if (c->escalated_to && c->escalated_on) {
      facts.push_back(
          {"chair's concern", fmt::format("escalated {} to {}: {}", c->escalated_on->str(), *c->escalated_to, text)});
    } else {
      facts.push_back({"chair's concern", "not escalated: " + text, Mark::note});
    }
  }
  if (t.social_care_prevailed) {
    facts.push_back(
        {"social care",
         fmt::format("the outcome follows children's social care ({}) against most other "
                     "groupings ({} with, {} against)",
                     outcome_text(t.recorded), t.others_with_outcome.size(), t.others_against_outcome.size()),
         Mark::note});
  }
  if (t.recorded == Outcome::plan) {
    bool none = !d.categories || d.categories->empty();
    facts.push_back({"categories", none ? "none recorded" : join(*d.categories), none ? Mark::note : Mark::none});
  }
  return facts;
}

// The facts with the record's text in them as the review shows it. The labels are cpconf's.
std::vector<Fact> shown_facts(const RecordReview& review, const DecisionReview& dr) {
  std::vector<Fact> facts = decision_facts(dr, *review.record, *review.profile);
  for (auto& fact : facts) fact.text = review.shown(fact.text);
  return facts;
}

std::string check_text(const DecisionReview& dr) { return dr.consistent() ? "✓" : "✗ " + join(rules_fired(dr)); }

std::string_view mark_glyph(Mark mark) {
  switch (mark) {
    case Mark::none: return "";
    case Mark::ok: return "✓";
    case Mark::mismatch: return "✗";
    case Mark::note: return "!";
  }
  return "";
}

std::string_view mark_style(Mark mark) {
  return mark == Mark::ok ? style::k_green : mark == Mark::mismatch ? style::k_bold_red : style::k_yellow;
}

// --- text

std::string text_record(const RecordReview& review, bool color, std::size_t width) {
  const Record& record = *review.record;
  const Profile& profile = *review.profile;
  const ConferenceInfo& c = record.conference;
  std::string out = paint(one_line(review.shown(record.file)), style::k_bold, color) + "\n";
  out += fmt::format("conference {}, {}, {}, chair {}\n", one_line(review.shown(c.id.value_or("?"))),
                     c.kind ? name_of(*c.kind) : "?", c.start ? c.start->date.str() : "?",
                     one_line(review.shown(c.chair.value_or("?"))));
  out += fmt::format("profile {}: {}\n", profile.name, mode_text(profile));
  if (review.decisions.empty()) return out + "no decisions recorded\n";

  // The overview a chair reads first: one line per child.
  TextTable overview({"child", "outcome", "plan", "no-plan", "decided by", "check"});
  for (const auto& dr : review.decisions) {
    const VoteTally& t = dr.tally;
    overview.add({{one_line(review.shown(child_label(record, t.child))), {}},
                  {outcome_text(t.recorded), {}},
                  {std::to_string(t.plan_count()), {}},
                  {std::to_string(t.no_plan_count()), {}},
                  {std::string(decided_by_name(dr.decided_by)), {}},
                  {check_text(dr), dr.consistent() ? style::k_green : style::k_bold_red}});
  }
  out += "\n" + overview.render(color);

  for (const auto& dr : review.decisions) {
    const VoteTally& t = dr.tally;
    out += "\n" + paint(one_line(review.shown(child_label(record, t.child))), style::k_bold, color) + "\n";
    TextTable votes({"", grouping_vote(profile) ? "vote" : "view", "grouping", "by", "", ""});
    for (const auto& v : t.votes) {
      std::string marks = review.shown(join(vote_notes(v, t, record)));
      votes.add({{"", {}},
                 {v.vote->vote ? std::string(name_of(*v.vote->vote)) : "?", {}},
                 {one_line(review.shown(v.grouping.value_or("?"))), {}},
                 {one_line(review.shown(who(v.vote->by.value_or("?"), v.voter))), {}},
                 {marks, style::k_yellow},
                 {one_line(review.shown(v.vote->reasoning.value_or(""))), style::k_dim}});
    }
    if (!t.votes.empty()) out += votes.render(color, width);
    TextTable facts({"", "", ""});
    for (const auto& fact : shown_facts(review, dr)) {
      std::string mark =
          fact.mark == Mark::none ? "" : " " + paint(mark_glyph(fact.mark), mark_style(fact.mark), color);
      // Labels padded to the longest there is, so the facts of every child line up.
      facts.add({{"", {}}, {fmt::format("{:<15}", fact.label), {}}, {one_line(fact.text) + mark, {}}});
    }
    out += facts.render(color, width);
    for (const auto& f : dr.inconsistencies) {
      out += fmt::format("  {} {}\n", paint("✗ " + f.rule + ":", style::k_bold_red, color), one_line(f.message));
    }
  }
  return out;
}

// --- markdown

std::string markdown_record(const RecordReview& review) {
  const Record& record = *review.record;
  const Profile& profile = *review.profile;
  const ConferenceInfo& c = record.conference;
  std::string out = fmt::format("## {}\n\n", markdown_text(review.shown(c.id.value_or(record.file))));
  out += fmt::format("File {} · {} conference on {} · chair {} · profile {}: {}\n\n",
                     markdown_text(review.shown(record.file)), c.kind ? name_of(*c.kind) : "?",
                     c.start ? c.start->date.str() : "?", markdown_text(review.shown(c.chair.value_or("?"))),
                     profile.name, mode_text(profile));
  if (review.decisions.empty()) return out + "No decisions recorded.\n\n";
  out += "| child | outcome | plan | no-plan | decided by | check |\n|---|---|--:|--:|---|---|\n";
  for (const auto& dr : review.decisions) {
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", markdown_text(review.shown(child_label(record, dr.tally.child))),
                       outcome_text(dr.tally.recorded), dr.tally.plan_count(), dr.tally.no_plan_count(),
                       decided_by_name(dr.decided_by), check_text(dr));
  }
  for (const auto& dr : review.decisions) {
    const VoteTally& t = dr.tally;
    out += fmt::format("\n### {}\n\n", markdown_text(review.shown(child_label(record, t.child))));
    if (!t.votes.empty()) {
      out += fmt::format("| {} | grouping | by | note | reasoning |\n|---|---|---|---|---|\n",
                         grouping_vote(profile) ? "vote" : "view");
      for (const auto& v : t.votes) {
        out +=
            fmt::format("| {} | {} | {} | {} | {} |\n", v.vote->vote ? name_of(*v.vote->vote) : "?",
                        markdown_text(review.shown(v.grouping.value_or("?"))),
                        markdown_text(review.shown(who(v.vote->by.value_or("?"), v.voter))),
                        markdown_text(review.shown(join(vote_notes(v, t, record)))),
                        markdown_text(review.shown(v.vote->reasoning.value_or(""))));
      }
      out += "\n";
    }
    for (const auto& fact : shown_facts(review, dr)) {
      std::string mark = fact.mark == Mark::none ? "" : fmt::format(" {}", mark_glyph(fact.mark));
      out += fmt::format("- **{}**: {}{}\n", fact.label, markdown_text(fact.text), mark);
    }
    for (const auto& f : dr.inconsistencies) {
      out += fmt::format("- ✗ **{}**: {}\n", f.rule, markdown_text(f.message));
    }
  }
  return out + "\n";
}

}  // namespace

namespace {

constexpr VoteFormatName k_vote_formats[] = {{"text", "default", VoteFormat::text},
                                             {"json", "", VoteFormat::json},
                                             {"markdown", "", VoteFormat::markdown},
                                             {"csv", "", VoteFormat::csv}};

}  // namespace

std::span<const VoteFormatName> vote_formats() { return k_vote_formats; }

std::optional<VoteFormat> vote_format_named(std::string_view name) {
  const VoteFormatName* row = find_named(vote_formats(), name);
  return row != nullptr ? std::optional(row->format) : std::nullopt;
}

std::string record_votes_begin(VoteFormat format) {
  if (format == VoteFormat::json) return "{\n  \"records\": [\n";
  if (format == VoteFormat::csv) return csv_row(record_votes_csv_header());
  return "";
}

std::string record_votes_separator(VoteFormat format) {
  if (format == VoteFormat::json) return ",\n";
  return format == VoteFormat::text ? "\n" : "";
}

std::string format_record_votes(const RecordReview& review, VoteFormat format, bool color, std::size_t width) {
  switch (format) {
    case VoteFormat::text: return text_record(review, color, width);
    case VoteFormat::markdown: return markdown_record(review);
    case VoteFormat::json: return record_votes_json(review);
    case VoteFormat::csv: return record_votes_csv(review);
  }
  return "";
}

std::string record_votes_end(VoteFormat format, const VoteTotals& totals, bool color) {
  if (format == VoteFormat::json) {
    return fmt::format(
        "{}  ],\n  \"input_errors\": {},\n  \"summary\": {{\"records\": {}, \"decisions\": {}, "
        "\"inconsistent\": {}, \"input_errors\": {}}}\n}}\n",
        totals.records > 0 ? "\n" : "", json_load_failures(totals.failures), totals.records, totals.decisions,
        totals.inconsistent, totals.failures.size());
  }
  if (format == VoteFormat::csv) return "";
  std::string line = plural(totals.records, "record", "records");
  if (totals.decisions == 0) {
    line += ", no decisions";
  } else {
    line += fmt::format(", {}: {}", plural(totals.decisions, "decision", "decisions"),
                        totals.inconsistent == 0 ? std::string("all consistent with the votes")
                                                 : fmt::format("{} inconsistent with the votes", totals.inconsistent));
  }
  if (!totals.failures.empty()) {
    line += fmt::format("; {} file{} did not load", totals.failures.size(), totals.failures.size() == 1 ? "" : "s");
  }
  if (format == VoteFormat::markdown) return line + "\n";
  return "\n" +
         paint(line, totals.inconsistent == 0 && totals.failures.empty() ? style::k_bold : style::k_bold_red, color) +
         "\n";
}

}  // namespace cpconf
