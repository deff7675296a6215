#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cpconf/vote/summary.hpp"

// `cpconf vote` output: for a terminal (aligned, optionally coloured), Markdown, JSON and CSV
// (RFC 4180), for one record at a time, the dissent list and the audit statistics.
namespace cpconf {

enum class VoteFormat { text, json, markdown, csv };

// The formats of `cpconf vote`, each with a note for --help.
struct VoteFormatName {
  std::string_view name;
  std::string_view note;
  VoteFormat format;
};
std::span<const VoteFormatName> vote_formats();
std::optional<VoteFormat> vote_format_named(std::string_view name);

// --- One record at a time: begin, then each record, then end.

struct VoteTotals {
  int records = 0;
  int decisions = 0;
  int inconsistent = 0;  // decisions
  std::vector<LoadFailure> failures;
};

std::string record_votes_begin(VoteFormat format);
// What goes between two records.
std::string record_votes_separator(VoteFormat format);
// Every decision of the review: who voted how and why, the count, tie and casting vote,
// over-rule, outcome recorded and as the votes give it, dissent computed and recorded.
// width (text only, 0 for none): reasoning and other prose wrap to stay within it.
std::string format_record_votes(const RecordReview& review, VoteFormat format, bool color, std::size_t width = 0);
std::string record_votes_end(VoteFormat format, const VoteTotals& totals, bool color);

// --- The decisions that were not unanimous, across records.

struct DissentReport {
  std::vector<DissentEntry> entries;
  int files = 0;         // inputs read or tried
  int records = 0;       // loaded and admitted by the filter
  int filtered_out = 0;  // loaded, outside the filter
  std::vector<LoadFailure> failures;
};

std::string format_dissent(const DissentReport& report, VoteFormat format, bool color, std::size_t width = 0);

// --- Audit statistics.

std::string format_vote_stats(const VoteStats& stats, VoteFormat format, bool color);

// The files that could not be used, as a JSON array of {file, message, findings}.
std::string json_load_failures(const std::vector<LoadFailure>& failures);

}  // namespace cpconf
