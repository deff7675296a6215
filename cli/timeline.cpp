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
#include "cpconf/batch.hpp"
#include "cpconf/check/validate.hpp"
#include "cpconf/config.hpp"
#include "cpconf/derive/case_chain.hpp"
#include "cpconf/derive/due_list.hpp"
#include "cpconf/derive/timeline.hpp"
#include "cpconf/present/case_chart.hpp"
#include "cpconf/present/findings_format.hpp"
#include "cpconf/present/timeline_format.hpp"
#include "cpconf/suggest.hpp"

namespace cpconf::cli {

namespace {

struct TimelineArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string color = "auto";
  std::string stdin_filename = "<stdin>";
  std::string as_of;
  std::string profile;
  std::string config;
  bool no_config = false;
  std::string case_id;
  bool due = false;
  int within = 5;
  std::vector<std::string> kinds;
  std::vector<std::string> groupings;
  std::vector<std::string> chairs;
  std::string sort = "due";
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

// Reads records and finds each one's profile as validate does (--profile, else .cpconf.yaml,
// else the record's own); safe to call from several threads.
class RecordSource {
 public:
  explicit RecordSource(const TimelineArgs& args) : m_args(args) {
    if (!args.config.empty()) m_fixed_config = load_config(args.config);
  }

  Loaded load(const std::string& path) {
    Loaded loaded;
    loaded.display = path == "-" ? m_args.stdin_filename : path;
    try {
      YamlLimits limits;
      std::string text = read_source(path, limits.max_bytes);
      LoadedRecord result = load_record(text, loaded.display, limits);
      loaded.findings = std::move(result.findings);
      if (result.record) {
        ValidateOptions options;
        options.profile = profile_for(path);
        std::lock_guard lock(m_mutex);
        loaded.profile = &m_profiles.for_record(*result.record, options, loaded.findings);
        loaded.calendar = &m_profiles.calendar_for(*loaded.profile);
      }
      bool usable = result.record && std::none_of(loaded.findings.begin(), loaded.findings.end(), [](const Finding& f) {
                      return f.severity == Severity::error;
                    });
      if (usable) loaded.record = std::move(result.record);
      if (!usable) {
        loaded.error = fmt::format("{}: not a usable record; 'cpconf validate {}' explains", loaded.display,
                                   loaded.display);
      }
      sort_findings(loaded.findings);
      if (!loaded.findings.empty()) loaded.text = std::move(text);
    } catch (const InputError& error) {
      loaded.error = error.what();
    }
    return loaded;
  }

 private:
  std::optional<std::string> profile_for(const std::string& path) {
    if (!m_args.profile.empty()) return m_args.profile;
    if (m_fixed_config) return m_fixed_config->profile;
    if (m_args.no_config || path == "-") return std::nullopt;
    std::lock_guard lock(m_mutex);
    return m_configs.for_input(path).profile;
  }

  const TimelineArgs& m_args;
  std::optional<Config> m_fixed_config;
  ConfigFinder m_configs;
  ProfileSet m_profiles;
  std::mutex m_mutex;
};

// Loader findings and input errors go to stderr; returns false when the input is unusable.
bool report_problems(const Loaded& loaded, bool color) {
  for (const auto& finding : loaded.findings) fmt::print(stderr, "{}", format_finding_text(finding, loaded.text, color));
  if (loaded.error) fmt::print(stderr, "cpconf: error: {}\n", *loaded.error);
  return !loaded.error;
}

// Loads every input on `jobs` threads and hands each usable one, in input order, to use.
// Returns the number of inputs that could not be used.
template <class Result>
int for_each_record(RecordSource& source, Inputs& inputs, unsigned jobs, bool color,
                    const std::function<Result(const Loaded&)>& derive, const std::function<void(Result&&)>& use) {
  struct Done {
    Loaded loaded;
    std::optional<Result> result;
  };
  std::function<Done(std::size_t, std::string&)> work = [&](std::size_t, std::string& path) {
    Done done{source.load(path), std::nullopt};
    if (done.loaded.record) done.result = derive(done.loaded);
    done.loaded.record.reset();  // keep memory flat over large archives
    return done;
  };
  int errors = 0;
  for (const auto& error : inputs.errors) {
    fmt::print(stderr, "cpconf: error: {}\n", error.what());
    ++errors;
  }
  std::function<void(std::size_t, Done&&)> emit = [&](std::size_t, Done&& done) {
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
      source, inputs, 1, color,
      [&](const Loaded& l) { return build_timeline(*l.record, *l.profile, *l.calendar, as_of); },
      [&](Timeline&& t) { timeline = std::move(t); });
  if (!timeline) return k_exit_usage;
  if (args.format == "json") {
    fmt::print("{}", format_timeline_json(*timeline));
  } else if (args.format == "csv") {
    fmt::print("{}", format_timeline_csv(*timeline));
  } else if (args.format == "ics") {
    fmt::print("{}", format_timeline_ics(*timeline));
  } else {
    fmt::print("{}", format_timeline_text(*timeline, color));
  }
  return exit_status(errors, count_states(timeline->entries).overdue > 0);
}

int run_case(const TimelineArgs& args, RecordSource& source, Date as_of, bool color) {
  Inputs inputs = collect_inputs(args.paths);
  std::vector<ChainConference> conferences;
  std::set<std::string> other_cases;
  int errors = for_each_record<std::optional<ChainConference>>(
      source, inputs, args.jobs, color,
      [&](const Loaded& l) { return chain_conference(*l.record, *l.profile, *l.calendar); },
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
               inputs.files.size(),
               inputs.files.size() == 1 ? "" : "s", did_you_mean(args.case_id, known));
    return k_exit_usage;
  }
  CaseChain chain = build_case_chain(args.case_id, std::move(conferences), as_of);
  fmt::print("{}", args.format == "json" ? format_case_json(chain) : format_case_text(chain, color));
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
  std::vector<DueRecord> records;
  int errors = for_each_record<DueRecord>(
      source, inputs, args.jobs, color,
      [&](const Loaded& l) { return due_record(build_timeline(*l.record, *l.profile, *l.calendar, as_of), filter); },
      [&](DueRecord&& r) { records.push_back(std::move(r)); });
  DueReport report{as_of, args.within, static_cast<int>(records.size()), due_list(std::move(records), due_sort(args.sort))};
  if (args.format == "json") {
    fmt::print("{}", format_due_json(report));
  } else if (args.format == "csv") {
    fmt::print("{}", format_due_csv(report));
  } else if (args.format == "ics") {
    fmt::print("{}", format_due_ics(report));
  } else {
    fmt::print("{}", format_due_text(report, color));
  }
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
  if (!args.case_id.empty() && (args.format == "csv" || args.format == "ics")) {
    return fmt::format("--case prints text or json, not {}", args.format);
  }
  return std::nullopt;
}

int run_timeline(const TimelineArgs& args) {
  bool color = use_color(args.color);
  if (auto fault = usage_fault(args)) {
    fmt::print(stderr, "cpconf: error: {}\n", *fault);
    return k_exit_usage;
  }
  Date as_of = local_today();
  if (!args.as_of.empty()) {
    auto date = parse_date(args.as_of);
    if (!date) {
      fmt::print(stderr, "cpconf: error: --as-of must be a date written YYYY-MM-DD, not '{}'\n", args.as_of);
      return k_exit_usage;
    }
    as_of = *date;
  }
  std::optional<RecordSource> source;
  try {
    if (!args.profile.empty()) load_profile(args.profile);
    source.emplace(args);
  } catch (const ProfileError& error) {
    fmt::print(stderr, "cpconf: error: {}\n", error.what());
    for (const auto& finding : error.findings()) fmt::print(stderr, "{}", format_finding_text(finding, "", color));
    return k_exit_usage;
  }
  bool text_color = args.format == "text" && color;
  if (args.due) return run_due(args, *source, as_of, text_color);
  if (!args.case_id.empty()) return run_case(args, *source, as_of, text_color);
  return run_single(args, *source, as_of, text_color);
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
  cmd->add_option("--format", args->format, "Output format: text (default), json, csv, ics (not with --case)")
      ->check(CLI::IsMember({"text", "json", "csv", "ics"}));
  cmd->add_option("--color", args->color, "Colour: auto (on a terminal, not with NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--stdin-filename", args->stdin_filename, "Name to report for a record read from stdin");
  cmd->add_option("--profile", args->profile, "Profile (built-in name or file) overriding the records' own");
  auto* config = cmd->add_option("--config", args->config, "Configuration file (default: .cpconf.yaml found upward)");
  cmd->add_flag("--no-config", args->no_config, "Read no configuration file")->excludes(config);
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
  cmd->add_option("-j,--jobs", args->jobs, "Threads to read records on (default: one per core); output is the same")
      ->check(CLI::Range(1u, 256u));
  cmd->footer("Exit status: 0 nothing overdue, 1 something overdue as of --as-of, 2 usage or input error. "
              "See cpconf-timeline(1).");
  cmd->callback([args, &exit_code] { exit_code = run_timeline(*args); });
}

}  // namespace cpconf::cli
