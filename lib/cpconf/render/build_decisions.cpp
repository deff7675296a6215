#include <algorithm>

#include <fmt/format.h>

#include "cpconf/derive/tally.hpp"
#include "cpconf/render/build_parts.hpp"
#include "cpconf/render/words.hpp"

namespace cpconf::render_parts {

namespace {

std::string_view side_words(Outcome outcome, ConferenceKind kind) {
  if (kind == ConferenceKind::review) return outcome == Outcome::plan ? "for the plan to continue" : "for it to end";
  return outcome == Outcome::plan ? "for a plan" : "for no plan";
}

// How the decision was reached, in the words of the procedure: consensus, the vote and its
// split, the casting vote, an over-rule.
std::string how_reached(const Context& c, const Decision& d, const VoteTally& t) {
  std::vector<std::string> clauses;
  ConferenceKind kind = c.kind();
  std::string_view counted = c.votes() ? "votes" : "views";
  std::string count = fmt::format(
      "{} {} {}, {} {}", t.plan_count(), t.plan_count() == 1 ? counted.substr(0, counted.size() - 1) : counted,
      side_words(Outcome::plan, kind), t.no_plan_count(), side_words(Outcome::no_plan, kind));
  if (d.consensus.value_or(false)) {
    clauses.push_back(t.has_votes() ? fmt::format("by consensus ({})", count) : "by consensus");
  } else {
    if (d.consensus) clauses.emplace_back("no consensus was reached");
    if (d.resolution_tried.value_or(false)) clauses.emplace_back("the chair tried to resolve the differences");
    if (t.has_votes()) {
      clauses.push_back(c.votes() ? fmt::format("the groupings voted: {}", count)
                                  : fmt::format("the chair decided on the professionals' views: {}", count));
    }
  }
  // Under the chair-decides procedures there is no casting vote: the chair decides anyway.
  if (t.tie && c.votes()) {
    clauses.push_back(t.casting_vote ? fmt::format("the chair's casting vote was {}", side_words(*t.casting_vote, kind))
                                     : std::string("no casting vote is recorded"));
  } else if (t.casting_vote) {
    clauses.push_back(fmt::format("a casting vote {} is recorded although the votes were not tied",
                                  side_words(*t.casting_vote, kind)));
  }
  if (d.over_rule) {
    std::string rationale = d.over_rule->rationale.value_or(std::string("no rationale is recorded"));
    clauses.push_back(fmt::format("the chair over-ruled the majority: {}", rationale));
  }
  if (clauses.empty()) return "not recorded";
  std::string sentence = capitalised(joined(clauses, "; "));
  return sentence.ends_with('.') ? sentence : sentence + ".";
}

EntryList decision_entries(const Context& c, const Decision& d, const VoteTally& t) {
  EntryList list;
  ConferenceKind kind = c.kind();
  Styled outcome = d.outcome ? outcome_styled(capitalised(std::string(outcome_words(*d.outcome, kind))), *d.outcome)
                             : Styled{"not recorded", Tone::warning};
  list.entries.push_back({"Decision", outcome});
  if (d.categories && !d.categories->empty()) {
    std::vector<std::string> labels;
    for (const auto& id : *d.categories) labels.push_back(category_label(id));
    list.entries.push_back({"Category of abuse", plain(capitalised(joined(labels, "; ")))});
  } else if (d.outcome.value == Outcome::plan) {
    list.entries.push_back({"Category of abuse", not_recorded()});
  }
  list.entries.push_back({"How it was reached", plain(how_reached(c, d, t))});
  if (t.separately) {
    list.entries.push_back(
        {"Considered separately", plain("yes: only the groupings involved with this child took part")});
  }
  if (t.has_votes() || d.dissent) {
    std::string dissent = t.dissent_recorded.empty() ? "none recorded" : c.groupings(t.dissent_recorded);
    list.entries.push_back({"Dissenting groupings", plain(dissent)});
  }
  if (d.parents_disagree) {
    std::string parents = *d.parents_disagree ? "disagree with the decision" : "did not disagree with the decision";
    if (d.complaints_info_given) {
      parents += *d.complaints_info_given ? "; told how to complain" : "; not told how to complain";
    }
    list.entries.push_back({"Parents", plain(parents)});
  }
  if (d.chair_concern) {
    list.entries.push_back({"Chair's concern", plain("recorded (see Concerns and escalations)")});
  }
  return list;
}

// A vote as the bar labels it: "plan" or "no plan", at a review "continue" or "end".
std::string vote_word(const Context& c, Outcome outcome) {
  if (c.kind() == ConferenceKind::review) return outcome == Outcome::plan ? "continue" : "end";
  return outcome == Outcome::plan ? "plan" : "no plan";
}

Table votes_table(const Context& c, const VoteTally& t) {
  Table table;
  table.caption = c.votes() ? "Votes" : "Views";
  table.columns = {{"Grouping"}, {"Given by"}, {c.votes() ? "Vote" : "View"}, {"Reasoning", true}};
  TableGroup rows;
  for (const auto& tv : t.votes) {
    const Vote& v = *tv.vote;
    std::string grouping = tv.grouping ? c.grouping(*tv.grouping) : "no grouping";
    Styled value = muted("not recorded");
    if (v.vote) {
      value = outcome_styled(vote_word(c, *v.vote), *v.vote);
      if (!tv.counted) value = muted(value.text + " (not counted)");
    }
    rows.rows.push_back({Styled{grouping, Tone::strong}, plain(v.by ? c.person(*v.by) : "-"), value,
                         plain(v.reasoning.value_or(std::string()))});
  }
  table.groups.push_back(std::move(rows));
  return table;
}

VoteBar vote_bar(const Context& c, const VoteTally& t) {
  ConferenceKind kind = c.kind();
  VoteBar bar;
  bar.plan = t.plan_count();
  bar.no_plan = t.no_plan_count();
  bar.plan_label = vote_word(c, Outcome::plan);
  bar.no_plan_label = vote_word(c, Outcome::no_plan);
  auto side = [&](Outcome outcome, const std::vector<std::string>& ids) {
    std::string words = fmt::format("{} {}", ids.size(), side_words(outcome, kind));
    return ids.empty() ? words : fmt::format("{} ({})", words, c.groupings(ids));
  };
  bar.description = fmt::format("{} {}: {}; {}.", c.votes() ? "Votes" : "Views", describe_split(t),
                                side(Outcome::plan, t.plan), side(Outcome::no_plan, t.no_plan));
  return bar;
}

std::string score_text(const std::vector<SafetyScore>& scores, std::string_view grouping) {
  for (const auto& s : scores) {
    if (s.grouping && *s.grouping == grouping && s.score) return std::to_string(*s.score);
  }
  return "-";
}

// Danger statements with their goals, then every grouping's scores, statement by statement.
std::vector<Block> safety_blocks(const Context& c, const SafetyScale& scale) {
  std::vector<Block> blocks;
  EntryList anchors;
  anchors.entries.push_back({"Safety scale: 0 means", scale.zero_means ? plain(*scale.zero_means) : not_recorded()});
  anchors.entries.push_back({"Safety scale: 10 means", scale.ten_means ? plain(*scale.ten_means) : not_recorded()});
  blocks.emplace_back(std::move(anchors));
  Table statements;
  statements.caption = "Danger statements and safety goals";
  statements.columns = {{"No."}, {"Danger statement", true}, {"Safety goal", true}};
  TableGroup rows;
  std::vector<std::string> groupings;
  auto note = [&](const std::vector<SafetyScore>& scores) {
    for (const auto& s : scores) {
      if (s.grouping && std::find(groupings.begin(), groupings.end(), *s.grouping) == groupings.end()) {
        groupings.push_back(*s.grouping);
      }
    }
  };
  for (std::size_t i = 0; i < scale.danger_statements.size(); ++i) {
    const auto& ds = scale.danger_statements[i];
    rows.rows.push_back({plain(std::to_string(i + 1)), ds.statement ? plain(*ds.statement) : not_recorded(),
                         ds.safety_goal ? plain(*ds.safety_goal) : not_recorded()});
    note(ds.scores);
  }
  note(scale.overall);
  if (!rows.rows.empty()) {
    statements.groups.push_back(std::move(rows));
    blocks.emplace_back(std::move(statements));
  }
  if (groupings.empty()) return blocks;
  Table scores;
  scores.caption = "Safety scale scores (0 to 10)";
  scores.columns = {{"Grouping"}};
  for (std::size_t i = 0; i < scale.danger_statements.size(); ++i)
    scores.columns.push_back({fmt::format("No. {}", i + 1)});
  scores.columns.push_back({"Overall"});
  TableGroup score_rows;
  for (const auto& g : groupings) {
    std::vector<Styled> row = {Styled{c.grouping(g), Tone::strong}};
    for (const auto& ds : scale.danger_statements) row.push_back(plain(score_text(ds.scores, g)));
    row.push_back(plain(score_text(scale.overall, g)));
    score_rows.rows.push_back(std::move(row));
  }
  scores.groups.push_back(std::move(score_rows));
  blocks.emplace_back(std::move(scores));
  return blocks;
}

}  // namespace

std::vector<Section> decision_sections(const Context& c) {
  std::vector<Section> sections;
  if (c.record.decisions.empty()) return sections;
  std::string how = c.votes() ? "Each professional grouping has one vote for each child; the chair has a casting vote "
                                "on a 50/50 split. Dissenting groupings are listed."
                              : "Each professional gives a view on each child and the chair decides on them all; "
                                "dissent is recorded.";
  sections.push_back({2, "decisions", "Decisions", {Paragraph{plain(how)}}});
  for (std::size_t i = 0; i < c.record.decisions.size(); ++i) {
    const Decision& d = c.record.decisions[i];
    VoteTally t = tally_votes(d, c.record, c.profile);
    std::string child = d.child ? c.child(*d.child) : "A child not named";
    std::string title = d.outcome ? fmt::format("{}: {}", child, outcome_words(*d.outcome, c.kind())) : child;
    Section section{3, fmt::format("decision-{}", i + 1), title, {}};
    section.blocks.emplace_back(decision_entries(c, d, t));
    if (t.has_votes()) section.blocks.emplace_back(vote_bar(c, t));
    if (!t.votes.empty()) section.blocks.emplace_back(votes_table(c, t));
    if (d.safety_scale) {
      for (auto& block : safety_blocks(c, *d.safety_scale)) section.blocks.push_back(std::move(block));
    }
    sections.push_back(std::move(section));
  }
  return sections;
}

}  // namespace cpconf::render_parts
