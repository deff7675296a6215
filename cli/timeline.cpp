#include <algorithm>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/app.hpp"
#include "cli/format_option.hpp"
#include "cpconf/batch.hpp"
#include "cpconf/check/names.hpp"
#include "cpconf/report/findings_format.hpp"
#include "cpconf/source/case_names.hpp"
#include "cpconf/source/inputs.hpp"
#include "cpconf/source/record_source.hpp"
#include "cpconf/text/suggest.hpp"
#include "cpconf/text/words.hpp"
#include "cpconf/timeline/case_chain.hpp"
#include "cpconf/timeline/case_chart.hpp"
#include "cpconf/timeline/due_list.hpp"
#include "cpconf/timeline/format.hpp"
#include "cpconf/timeline/timeline.hpp"

namespace cpconf::cli {

namespace {

struct TimelineArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string color = "auto";
  SourceArgs source;
  std::string as_of;
  std::string case_id;
  bool due = false;
  int within = 5;
  std::vector<std::string> kinds;
  std::vector<std::string> groupings;
  std::vector<std::string> chairs;
  std::string sort = "due";
  RedactArgs redact;
  unsigned jobs = default_jobs();
};

// One input, read and loaded with its profile; or why it could not be used.
struct Loaded {
  std::string display;
  std::optional<Record> record;
  const Profile* profile = nullptr;
  const Calendar* calendar = nullptr;
  Findings findings;  // the loader's, printed on stderr
  std::string text;   // kept only when there are findings to show with their source lines
  std::optional<std::string> error;
};

// With --redact, what stderr says about an input hides what the output hides: the findings and
// the file name are redacted by the record's redactor.
void redact_problems(Loaded& loaded, const std::optional<Record>& record, const RedactionOptions& redaction) {
  if (redaction.level == Redaction::none) return;
  std::optional<Redactor> redactor;
  if (record) redactor.emplace(*record, redaction);
  loaded.display = redact_findings(loaded.findings, loaded.display, redactor ? &*redactor : nullptr);
}

// Opens one input; a record with a loader error is not used.
Loaded load(RecordSource& source, const std::string& path, const RedactionOptions& redaction) {
  Loaded loaded;
  loaded.display = path == "-" ? source.settings().stdin_name : path;
  try {
    OpenedRecord opened = source.open(path);
    loaded.findings = std::move(opened.loaded.findings);
    redact_problems(loaded, opened.loaded.record, redaction);
    loaded.profile = opened.profile;
    loaded.calendar = opened.calendar;
    bool usable = opened.loaded.record && std::none_of(loaded.findings.begin(), loaded.findings.end(),
                                                       [](const Finding& f) { return f.severity == Severity::error; });
    if (usable) loaded.record = std::move(opened.loaded.record);
    if (!usable) {
      loaded.error =
          fmt::format("{}: not a usable record; 'cpconf validate {}' explains", loaded.display, loaded.display);
    }
    sort_findings(loaded.findings);
    // Source lines hold the names that --redact hides.
    if (!loaded.findings.empty() && redaction.level == Redaction::none) loaded.text = std::move(opened.text);
  } catch (const InputError& error) {
    loaded.error = error.what();
  }
  return loaded;
}

// Loader findings and input errors go to stderr; returns false when the input is unusable.
bool report_problems(const Loaded& loaded, bool color) {
  for (const auto& finding : loaded.findings)
    fmt::print(stderr, "{}", format_finding_text(finding, loaded.text, color));
  if (loaded.error) print_message("error", *loaded.error);
  return !loaded.error;
}

// Loads every input on `jobs` threads and hands each usable one, in input order, to use.
// Returns the number of inputs that could not be used.
template <class Result>
int for_each_record(RecordSource& source, Inputs& inputs, unsigned jobs, bool color, const RedactionOptions& redaction,
                    const std::function<Result(const Loaded&)>& derive, const std::function<void(Result&&)>& use) {
  struct Done {
    Loaded loaded;
    std::optional<Result> result;
  };
  std::function<Done(std::size_t, std::string&)> work = [&](std::size_t, std::string& path) {
    Done done{load(source, path, redaction), std::nullopt};
    if (done.loaded.record) done.result = derive(done.loaded);
    done.loaded.record.reset();  // keep memory flat over large archives
    return done;
  };
  int errors = 0;
  for (const auto& error : inputs.errors) {
    print_message("error", error.what());
    ++errors;
  }
  std::function<void(std::size_t, Done &&)> emit = [&](std::size_t, Done&& done) {
    if (!report_problems(done.loaded, color)) {
      ++errors;
      return;
    }
    use(std::move(*done.result));
  };
  ordered_over_inputs<Done>(inputs, jobs, work, emit);
  return errors;
}

int exit_status(int input_errors, bool overdue) {
  if (input_errors > 0) return k_exit_usage;
  return overdue ? k_exit_findings : k_exit_clean;
}

int run_single(const TimelineArgs& args, RecordSource& source, Date as_of, bool color) {
  Inputs inputs = collect_inputs(args.paths);
  if (inputs.errors.empty() && inputs.files.size() != 1) {
    fmt::print(stderr, "cpconf: error: give one record file (found {}), or use --case ID or --due for several\n",
               inputs.files.size());
    return k_exit_usage;
  }
  std::optional<Timeline> timeline;
  int errors = for_each_record<Timeline>(
      source, inputs, 1, color, args.redact.options(),
      [&](const Loaded& l) {
        Timeline built = build_timeline(*l.record, *l.profile, *l.calendar, as_of);
        redact_timeline(built, Redactor(*l.record, args.redact.options()));
        return built;
      },
      [&](Timeline&& t) { timeline = std::move(t); });
  if (!timeline) return k_exit_usage;
  fmt::print("{}", find_timeline_format(args.format)->single(*timeline, color));
  return exit_status(errors, count_states(timeline->entries).overdue > 0);
}

int run_case(const TimelineArgs& args, RecordSource& source, Date as_of, bool color) {
  Inputs inputs = collect_inputs(args.paths);
  CaseRedaction redaction(args.redact.options(), inputs, source, args.jobs);
  std::vector<ChainConference> conferences;
  std::set<std::string> other_cases;
  int errors = for_each_record<std::optional<ChainConference>>(
      source, inputs, args.jobs, color, args.redact.options(),
      [&](const Loaded& l) {
        // Only the records of the case are shown, so only they need a redactor.
        bool shown = l.record->conference.case_id.value_or(std::string()) == args.case_id;
        return chain_conference(*l.record, *l.profile, *l.calendar,
                                shown ? redaction.options_for(*l.record) : RedactionOptions{});
      },
      [&](std::optional<ChainConference>&& c) {
        if (!c) return;
        if (c->case_id == args.case_id) {
          conferences.push_back(std::move(*c));
        } else {
          other_cases.insert(c->case_id);
        }
      });
  if (conferences.empty()) {
    std::vector<std::string> known(other_cases.begin(), other_cases.end());
    fmt::print(stderr, "cpconf: error: no record of case '{}' among the {} record{} read{}\n", args.case_id,
               inputs.files.size(), inputs.files.size() == 1 ? "" : "s", did_you_mean(args.case_id, known));
    return k_exit_usage;
  }
  CaseChain chain = build_case_chain(args.case_id, std::move(conferences), as_of);
  fmt::print("{}", find_timeline_format(args.format)->case_chain(chain, color));
  return exit_status(errors, chain.next && chain.next->state == State::overdue);
}

DueSort due_sort(const std::string& name) {
  if (name == "kind") return DueSort::kind;
  if (name == "conference") return DueSort::conference;
  if (name == "chair") return DueSort::chair;
  if (name == "file") return DueSort::file;
  return DueSort::due;
}

int run_due(const TimelineArgs& args, RecordSource& source, Date as_of, bool color) {
  DueFilter filter{args.within, args.kinds, args.groupings, args.chairs};
  Inputs inputs = collect_inputs(args.paths);
  CaseRedaction redaction(args.redact.options(), inputs, source, args.jobs);
  std::vector<DueRecord> records;
  int errors = for_each_record<DueRecord>(
      source, inputs, args.jobs, color, args.redact.options(),
      [&](const Loaded& l) {
        DueRecord due = due_record(build_timeline(*l.record, *l.profile, *l.calendar, as_of), filter);
        if (redaction.redacts()) redact_due_items(due, redaction.redactor_for(*l.record));
        return due;
      },
      [&](DueRecord&& r) { records.push_back(std::move(r)); });
  DueReport report{as_of, args.within, static_cast<int>(records.size()),
                   due_list(std::move(records), due_sort(args.sort))};
  fmt::print("{}", find_timeline_format(args.format)->due(report, color));
  bool overdue = std::any_of(report.items.begin(), report.items.end(),
                             [](const DueItem& item) { return item.entry.state == State::overdue; });
  return exit_status(errors, overdue);
}

// Usage faults CLI11 cannot see: an unknown kind, a format the mode has not.
std::optional<std::string> usage_fault(const TimelineArgs& args) {
  std::vector<std::string> kinds(due_kinds().begin(), due_kinds().end());
  for (const auto& kind : args.kinds) {
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
      return fmt::format("--kind must be one of {}, not '{}'{}", join(kinds), kind, did_you_mean(kind, kinds));
    }
  }
  if (!args.case_id.empty() && find_timeline_format(args.format)->case_chain == nullptr) {
    return fmt::format("--case prints text or json, not {}", args.format);
  }
  return std::nullopt;
}

int run_timeline(const TimelineArgs& args) {
  bool color = use_color(args.color);
  if (auto fault = usage_fault(args)) {
    print_message("error", *fault);
    return k_exit_usage;
  }
  Date as_of;
  std::optional<RecordSource> source;
  try {
    as_of = as_of_option(args.as_of);
    source.emplace(source_settings(args.source));
  } catch (const ProfileError& error) {
    print_message("error", error.what());
    for (const auto& finding : error.findings()) fmt::print(stderr, "{}", format_finding_text(finding, "", color));
    return k_exit_usage;
  } catch (const InputError& error) {
    print_message("error", error.what());
    return k_exit_usage;
  }
  bool text_color = args.format == "text" && color;
  int status = args.due                ? run_due(args, *source, as_of, text_color)
               : !args.case_id.empty() ? run_case(args, *source, as_of, text_color)
                                       : run_single(args, *source, as_of, text_color);
  if (args.source.verbose) report_source_use(*source);
  return status;
}

}  // namespace

void add_timeline(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<TimelineArgs>();
  CLI::App* cmd = app.add_subcommand(
      "timeline", "Deadlines and review schedules: one conference, a case, or overdue items across many records.");
  cmd->add_option("paths", args->paths,
                  "A record file; with --case or --due, files and directories (*.yaml, *.yml), - for stdin")
      ->required();
  cmd->add_option("--as-of", args->as_of, "Judge deadlines as of this date, YYYY-MM-DD (default today)");
  add_format_option(cmd, args->format, timeline_formats());
  cmd->add_option("--color", args->color, "Colour: auto (on a terminal, not with NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--stdin-filename", args->source.stdin_filename, "Name to report for a record read from stdin");
  cmd->add_option("--profile", args->source.profile, "Profile (built-in name or file) overriding the records' own");
  auto* config =
      cmd->add_option("--config", args->source.config, "Configuration file (default: .cpconf.yaml found upward)");
  cmd->add_flag("--no-config", args->source.no_config, "Read no configuration file")->excludes(config);
  add_verbose_option(*cmd, args->source);
  auto* case_option = cmd->add_option("--case", args->case_id, "Show the chain of the case with this id");
  auto* due = cmd->add_flag("--due", args->due, "List what is overdue or falls due soon across the records")
                  ->excludes(case_option);
  cmd->add_option("--within", args->within, "With --due: working days ahead to list (default 5)")
      ->check(CLI::Range(0, 10000))
      ->needs(due);
  cmd->add_option("--kind", args->kinds, "With --due: only these kinds (comma-separated)")->delimiter(',')->needs(due);
  cmd->add_option("--grouping", args->groupings, "With --due: only items of attendees in these groupings")
      ->delimiter(',')
      ->needs(due);
  cmd->add_option("--chair", args->chairs, "With --due: only conferences with this chair (repeatable)")->needs(due);
  cmd->add_option("--sort", args->sort, "With --due: order by due (default), kind, conference, chair, file")
      ->check(CLI::IsMember({"due", "kind", "conference", "chair", "file"}))
      ->needs(due);
  add_redact_options(*cmd, args->redact);
  cmd->add_option("-j,--jobs", args->jobs, "Threads to read records on (default: one per core); output is the same")
      ->check(CLI::Range(1u, 256u));
  cmd->footer(
      "Exit status: 0 nothing overdue, 1 something overdue as of --as-of, 2 usage or input error. "
      "See cpconf-timeline(1).");
  cmd->callback([args, &exit_code] { exit_code = run_timeline(*args); });
}

}  // namespace cpconf::cli
