#pragma once

#include <string>
#include <vector>

#include "cpconf/vote/summary.hpp"

// Pieces of `cpconf vote`'s record view shared by its formats: vote_format.cpp (text, Markdown)
// and vote_record_data.cpp (JSON, CSV), and by the dissent and statistics formats.
namespace cpconf {

// A JSON string, or null for an empty text.
std::string json_or_null(const std::string& text);

// Why a vote is shown apart: dissent, not counted, cast by someone absent or unknown, by a
// grouping not involved with a child decided separately, or by a colleague presenting an
// absent professional's report.
std::vector<std::string> vote_notes(const TalliedVote& vote, const VoteTally& tally, const Record& record);

// The consistency rules that fired on a decision, each once.
std::vector<std::string> rules_fired(const DecisionReview& decision);

std::string record_votes_json(const RecordReview& review);
const std::vector<std::string>& record_votes_csv_header();
std::string record_votes_csv(const RecordReview& review);

}  // namespace cpconf
