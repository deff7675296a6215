#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/app.hpp"
#include "cli/format_option.hpp"
#include "cpconf/batch.hpp"
#include "cpconf/report/findings_format.hpp"
#include "cpconf/source/case_names.hpp"
#include "cpconf/source/inputs.hpp"
#include "cpconf/text/words.hpp"
#include "cpconf/vote/format.hpp"
#include "cpconf/vote/open_votes.hpp"

namespace cpconf::cli {

namespace {

struct VoteArgs {
  std::vector<std::string> paths;
  bool dissent = false;
  bool summary = false;
  std::string format = "text";
  std::string color = "auto";
  SourceArgs source;
  std::string child;
  std::string since;
  std::string until;
  std::string chair;
  std::string grouping;
  unsigned jobs = default_jobs();
  std::size_t width = terminal_width();
  RedactArgs redact;
};

// What one worker hands back for one input, in every mode.
struct FileResult {
  std::optional<LoadFailure> failure;
  std::string output;                 // record mode: the rendered record
  VoteTotals totals;                  // record mode: its counts
  bool has_child = true;              // record mode with --child: the record has that child
  std::vector<std::string> children;  // and if not, the children it has
  std::vector<DissentEntry> dissent;  // --dissent
  bool admitted = false;              // --dissent: inside the filter
  VoteStats stats;                    // --summary
};

void report_failure(const LoadFailure& failure, bool color) {
  print_message("error", failure.message);
  for (const auto& finding : failure.findings) {
    fmt::print(stderr, "{}", format_finding_text(finding, failure.source, color));
  }
}

// Options that belong to one mode only, named in a usage error.
void check_modes(const VoteArgs& args) {
  bool report = args.dissent || args.summary;
  if (!args.child.empty() && report)
    throw InputError("", "--child shows one child of a record; it does not combine with --dissent or --summary");
  for (const auto& [value, name] :
       {std::pair{&args.since, "--since"}, {&args.until, "--until"}, {&args.chair, "--chair"}}) {
    if (!value->empty() && !report) throw InputError("", fmt::format("{} filters --dissent or --summary", name));
  }
  if (!args.grouping.empty() && !args.dissent) throw InputError("", "--grouping filters --dissent");
}

VoteFilter make_filter(const VoteArgs& args) {
  VoteFilter filter;
  if (!args.since.empty()) filter.since = date_option(args.since, "--since");
  if (!args.until.empty()) filter.until = date_option(args.until, "--until");
  if (!args.chair.empty()) filter.chair = args.chair;
  if (!args.grouping.empty()) filter.grouping = args.grouping;
  return filter;
}

FileResult record_result(const VoteRecord& loaded, const RedactionOptions& redaction, const VoteArgs& args,
                         VoteFormat format, bool color) {
  FileResult result;
  RecordReview review = loaded.review(redaction);
  if (!args.child.empty()) {
    std::erase_if(review.decisions, [&](const DecisionReview& d) { return d.tally.child != args.child; });
    result.has_child = !review.decisions.empty();
    if (!result.has_child) {
      for (const auto& d : loaded.record().decisions) result.children.push_back(d.child.value_or(""));
      return result;
    }
  }
  result.output = format_record_votes(review, format, color, args.width);
  result.totals.records = 1;
  for (const auto& d : review.decisions) {
    ++result.totals.decisions;
    if (!d.consistent()) ++result.totals.inconsistent;
  }
  return result;
}

int run_vote(const VoteArgs& args) {
  VoteFormat format = vote_format_named(args.format).value_or(VoteFormat::text);
  bool color = use_color(args.color);
  bool color_out = color && format == VoteFormat::text;
  VoteFilter filter;
  std::optional<RecordSource> source;
  try {
    check_modes(args);
    filter = make_filter(args);
    source.emplace(source_settings(args.source));
  } catch (const ProfileError& error) {
    report_failure({error.file(), error.what(), error.findings(), {}}, color);
    return k_exit_usage;
  } catch (const InputError& error) {
    print_message("error", error.what());
    return k_exit_usage;
  }

  Inputs inputs = collect_inputs(args.paths);
  CaseRedaction redaction(args.redact.options(), inputs, *source, args.jobs);
  std::vector<LoadFailure> failures;
  for (const auto& error : inputs.errors) {
    failures.push_back({error.file(), error.what(), {}, {}});
    report_failure(failures.back(), color);
  }

  VoteTotals totals;
  DissentReport dissent;
  dissent.files = static_cast<int>(failures.size());
  VoteStats stats;
  if (args.summary) {
    for (auto& f : failures) stats.add_failure(std::move(f));
    failures.clear();
  }
  bool first = true;
  bool any_child = false;
  std::vector<std::string> children_seen;
  if (!args.dissent && !args.summary) fmt::print("{}", record_votes_begin(format));

  auto work = [&](std::size_t, std::string& path) {
    auto loaded = open_votes(*source, path, args.redact.options());
    FileResult result;
    if (auto* failure = std::get_if<LoadFailure>(&loaded)) {
      result.failure = std::move(*failure);
      return result;
    }
    const auto& votes = std::get<VoteRecord>(loaded);
    RedactionOptions own = redaction.options_for(votes.record());
    if (args.summary) {
      result.stats.add(votes.review(own), filter);
    } else if (args.dissent) {
      result.admitted = filter.admits(votes.record());
      result.dissent = dissent_entries(votes.review(own), filter);
    } else {
      result = record_result(votes, own, args, format, color_out);
    }
    return result;
  };
  auto emit = [&](std::size_t, FileResult&& result) {
    if (result.failure) {
      report_failure(*result.failure, color);
      if (args.summary) {
        stats.add_failure(std::move(*result.failure));
      } else {
        failures.push_back(std::move(*result.failure));
      }
      ++dissent.files;
      return;
    }
    if (args.summary) {
      stats.merge(std::move(result.stats));
    } else if (args.dissent) {
      ++dissent.files;
      ++(result.admitted ? dissent.records : dissent.filtered_out);
      std::move(result.dissent.begin(), result.dissent.end(), std::back_inserter(dissent.entries));
    } else if (!result.has_child) {
      for (auto& c : result.children) {
        if (std::find(children_seen.begin(), children_seen.end(), c) == children_seen.end()) children_seen.push_back(c);
      }
    } else {
      any_child = true;
      fmt::print("{}{}", first ? "" : record_votes_separator(format), result.output);
      first = false;
      totals.records += result.totals.records;
      totals.decisions += result.totals.decisions;
      totals.inconsistent += result.totals.inconsistent;
    }
  };
  ordered_over_inputs<FileResult>(inputs, args.jobs, work, emit);
  if (args.source.verbose) report_source_use(*source);

  if (args.summary) {
    fmt::print("{}", format_vote_stats(stats, format, color_out));
    return stats.failures.empty() ? k_exit_clean : k_exit_usage;
  }
  if (args.dissent) {
    sort_dissent(dissent.entries);
    dissent.failures = std::move(failures);
    fmt::print("{}", format_dissent(dissent, format, color_out, args.width));
    return dissent.failures.empty() ? k_exit_clean : k_exit_usage;
  }
  totals.failures = std::move(failures);
  bool child_missing = !args.child.empty() && !any_child;
  // A missing child is a usage error: text and Markdown print no total, JSON stays a whole document.
  if (!child_missing || format == VoteFormat::json || format == VoteFormat::csv) {
    fmt::print("{}", record_votes_end(format, totals, color_out));
  }
  std::fflush(stdout);
  if (child_missing) {
    fmt::print(stderr, "cpconf: error: no decision for child '{}' in the records given; children decided: {}\n",
               args.child, children_seen.empty() ? "none" : join(children_seen));
    return k_exit_usage;
  }
  if (!totals.failures.empty()) return k_exit_usage;
  return totals.inconsistent > 0 ? k_exit_findings : k_exit_clean;
}

}  // namespace

void add_vote(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<VoteArgs>();
  CLI::App* cmd = app.add_subcommand(
      "vote", "Tally the votes: the decision for each child, dissent across records, audit statistics.");
  cmd->add_option("paths", args->paths, "Record files, directories (searched for *.yaml, *.yml), or - for stdin")
      ->required();
  auto* dissent = cmd->add_flag("--dissent", args->dissent, "List every decision that was not unanimous");
  auto* summary = cmd->add_flag("--summary", args->summary, "Audit statistics over all the records given");
  dissent->excludes(summary);
  add_format_option(cmd, args->format, vote_formats());
  cmd->add_option("--color", args->color, "Colour: auto (on a terminal, not with NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option(
         "--width", args->width,
         "Text: wrap reasoning to this many columns (default: the terminal's width; 0 or not a terminal: no wrapping)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--child", args->child, "Show only this child's decision (a child id)");
  cmd->add_option("--since", args->since, "With --dissent or --summary: conferences on or after this date");
  cmd->add_option("--until", args->until, "With --dissent or --summary: conferences on or before this date");
  cmd->add_option("--chair", args->chair, "With --dissent or --summary: conferences this person chaired");
  cmd->add_option("--grouping", args->grouping, "With --dissent: decisions this grouping dissented from");
  add_redact_options(*cmd, args->redact);
  cmd->add_option("--profile", args->source.profile, "Profile (built-in name or file) overriding the records' own");
  auto* config =
      cmd->add_option("--config", args->source.config, "Configuration file (default: .cpconf.yaml found upward)");
  cmd->add_flag("--no-config", args->source.no_config, "Read no configuration file")->excludes(config);
  add_verbose_option(*cmd, args->source);
  cmd->add_option("--stdin-filename", args->source.stdin_filename, "Name to report for a record read from stdin");
  cmd->add_option("-j,--jobs", args->jobs, "Records read at once (default: one per core)")->check(CLI::Range(1u, 256u));
  cmd->footer(
      "Exit status: 0 consistent, 1 a recorded decision inconsistent with its votes (record view only), "
      "2 usage or input error. See cpconf-vote(1).");
  cmd->callback([args, &exit_code] { exit_code = run_vote(*args); });
}

}  // namespace cpconf::cli
