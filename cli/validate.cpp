#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/app.hpp"
#include "cli/format_option.hpp"
#include "cpconf/atomic_file.hpp"
#include "cpconf/batch.hpp"
#include "cpconf/check/baseline.hpp"
#include "cpconf/check/validator.hpp"
#include "cpconf/git_changes.hpp"
#include "cpconf/report/findings_format.hpp"
#include "cpconf/source/changed.hpp"
#include "cpconf/source/inputs.hpp"
#include "cpconf/text/figures.hpp"

namespace cpconf::cli {

namespace {

struct ValidateArgs {
  std::vector<std::string> paths;
  std::string format;
  std::string color = "auto";
  std::string fail_on = "warning";
  SourceArgs source;
  std::string as_of;
  std::string baseline;
  std::string write_baseline;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  bool strict_case = false;
  bool quiet = false;
  bool redact = false;
  std::vector<std::string> severities;  // --severity: those listed; empty for all
  bool show_waived = false;
  bool statistics = false;
  std::string changed_since;
  unsigned jobs = default_jobs();
};

int run_validate(const ValidateArgs& args) {
  std::string format_name = args.format;
  if (format_name.empty()) {
    const char* actions = std::getenv("GITHUB_ACTIONS");
    format_name = actions != nullptr && std::string_view(actions) == "true" ? "github" : "text";
  }
  const FindingsFormat& format = *find_findings_format(format_name);
  bool color_stderr = use_color(args.color);
  if (args.statistics && format.name != "text" && format.name != "concise" && format.name != "json") {
    print_message("error", fmt::format("--statistics is given in the text, concise and json formats, not in {}",
                                       format.name));
    return k_exit_usage;
  }
  auto shown = [&](Severity severity) {
    return args.severities.empty() || std::find(args.severities.begin(), args.severities.end(),
                                                severity_name(severity)) != args.severities.end();
  };

  Validator::Settings settings;
  settings.case_options.strict_case = args.strict_case;
  settings.select = args.select;
  settings.ignore = args.ignore;
  settings.redact_names = format.redacts_names || args.redact;

  Inputs inputs = collect_inputs(args.paths);
  if (!args.write_baseline.empty()) {
    auto files = inputs.files.reader();
    while (auto file = files.next()) {
      std::error_code error;
      if (std::filesystem::equivalent(*file, args.write_baseline, error)) {
        fmt::print(stderr,
                   "cpconf: error: --write-baseline names '{}', one of the records to check: cpconf never "
                   "writes over an input\n",
                   args.write_baseline);
        return k_exit_usage;
      }
    }
  }
  // Files read only for the cross-record rules of the cases --changed-since checks.
  std::vector<bool> context(inputs.files.size(), false);
  std::optional<Baseline> baseline;
  std::optional<RecordSource> source;
  std::optional<Validator> validator;
  try {
    settings.as_of = as_of_option(args.as_of);
    SourceSettings source_options = source_settings(args.source);
    settings.limits = source_options.limits;
    source.emplace(source_options);
    if (!args.baseline.empty()) baseline = Baseline::load(args.baseline);
    if (!args.changed_since.empty()) {
      if (inputs.reads_stdin) {
        throw InputError("-", "--changed-since needs files in a git working tree, not standard input");
      }
      std::vector<std::string> files = inputs.files.to_vector();
      settings.changes = changes_since(files, args.changed_since, settings.as_of);
      ChangedSelection selection = select_changed(files, settings.changes, settings.limits, args.jobs);
      inputs.files = SpilledList();
      for (const auto& file : selection.files) inputs.files.push_back(file);
      context = std::move(selection.context);
    }
    validator.emplace(settings);
  } catch (const ProfileError& error) {
    print_setup_error(error, color_stderr);
    return k_exit_usage;
  } catch (const InputError& error) {
    print_message("error", error.what());
    return k_exit_usage;
  }

  WriterOptions writer_options;
  writer_options.color = format.name == "text" && use_color(args.color);
  writer_options.quiet = args.quiet;
  writer_options.excerpts = !settings.redact_names;  // source lines hold the names
  writer_options.show_waived = args.show_waived;
  writer_options.statistics = args.statistics;
  auto threshold = severity_named(args.fail_on);     // "never": none
  writer_options.fail_at = threshold;
  if (format.name == "sarif") writer_options.rules_reference = rules_reference_url();
  std::unique_ptr<FindingsWriter> writer = format.make(writer_options);
  auto write = [](const std::string& text) {
    if (!text.empty()) fmt::print("{}", text);
  };
  auto input_error = [&](const std::string& file, const std::string& message) {
    print_message("error", message);
    write(writer->input_error(file, message));
  };
  write(writer->begin());
  FindingCounts counts;
  Findings for_baseline;
  bool failed = false;
  // Drops baselined findings, counts the rest and notes whether they fail the run.
  auto settle = [&](Findings& findings) {
    if (baseline) {
      auto before = findings.size();
      std::erase_if(findings, [&](const Finding& f) { return baseline->take(f); });
      counts.baselined += static_cast<int>(before - findings.size());
    }
    if (!args.write_baseline.empty()) for_baseline.insert(for_baseline.end(), findings.begin(), findings.end());
    counts.count(findings);
    for (const auto& finding : findings) {
      if (threshold && finding.severity >= *threshold) failed = true;
    }
    // --severity leaves findings out of the output only: they are counted, and --fail-on judges them.
    counts.not_shown += static_cast<int>(std::erase_if(findings, [&](const Finding& f) { return !shown(f.severity); }));
  };

  for (const auto& error : inputs.errors) {
    input_error(error.file(), error.what());
    ++counts.input_errors;
  }
  // One input's outcome, made on a worker thread and written out in input order.
  struct Checked {
    std::string display;
    std::string text;
    FileReport report;
    std::optional<std::string> error;
    std::optional<ProfileError> setup_error;
  };
  std::function<Checked(std::size_t, std::string&)> work = [&](std::size_t, std::string& path) {
    Checked checked;
    checked.display = path == "-" ? args.source.stdin_filename : path;
    try {
      OpenedRecord opened = source->open(path);
      checked.report = validator->check(opened);
      checked.text = std::move(opened.text);
    } catch (const ProfileError& error) {
      checked.error = error.what();
      checked.setup_error = error;
    } catch (const InputError& error) {
      checked.error = error.what();
    }
    return checked;
  };
  std::function<void(std::size_t, Checked &&)> emit = [&](std::size_t i, Checked&& checked) {
    if (context[i]) {
      if (checked.report.case_entry) validator->remember(*checked.report.case_entry);
      return;
    }
    if (checked.error) {
      if (checked.setup_error) print_setup_error(*checked.setup_error, color_stderr);
      input_error(checked.display, *checked.error);
      ++counts.input_errors;
      return;
    }
    ++counts.files;
    if (checked.report.case_entry) validator->remember(*checked.report.case_entry);
    settle(checked.report.findings);
    counts.waived += static_cast<int>(checked.report.waived.size());
    std::erase_if(checked.report.waived, [&](const WaivedFinding& w) { return !shown(w.finding.severity); });
    write(writer->file(checked.report, checked.text));
  };
  ordered_over_inputs<Checked>(inputs, args.jobs, work, emit);
  validator->finish([&](Finding&& finding) {
    Findings cross_record{std::move(finding)};
    settle(cross_record);
    for (const auto& f : cross_record) write(writer->cross_record(f));
  });
  // Entries for records --changed-since left out are not "no longer found".
  if (baseline && args.changed_since.empty()) counts.baseline_unmatched = baseline->unmatched();
  write(writer->end(counts));
  std::fflush(stdout);
  // A configuration found upward can switch rules off: text output always says which one was
  // used, so that nobody takes its silence for a clean record.
  bool configured = !source->use().configurations.empty();
  if (args.source.verbose || (configured && format.name == "text" && !args.quiet)) report_source_use(*source);

  if (!args.write_baseline.empty()) {
    try {
      // 0600 like every file cpconf writes that could hold personal data.
      write_file_atomically(args.write_baseline, Baseline::to_text(for_baseline, settings.as_of), 0600);
    } catch (const InputError& error) {
      print_message("error", error.what());
      return k_exit_usage;
    }
    fmt::print(stderr, "cpconf: wrote {} to the baseline {}\n",
               plural(static_cast<long>(for_baseline.size()), "finding", "findings"), args.write_baseline);
    return counts.input_errors > 0 ? k_exit_usage : k_exit_clean;
  }
  if (counts.input_errors > 0) return k_exit_usage;
  return failed ? k_exit_findings : k_exit_clean;
}

}  // namespace

void add_validate(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand("validate", "Check conference records: structure, procedure rules, timescales.");
  cmd->add_option("paths", args->paths, "Record files, directories (searched for *.yaml, *.yml), or - for stdin")
      ->required();
  add_format_option(cmd, args->format, findings_formats());
  cmd->add_flag("--redact", args->redact,
                "Name children and family members by record path in text, concise, json and csv (always in the others)");
  cmd->add_option("--changed-since", args->changed_since,
                  "Check only records changed since this git revision (and the other records of their cases)");
  cmd->add_option("--color", args->color, "Colour: auto (on a terminal, not with NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--fail-on", args->fail_on, "Lowest severity that makes the exit status 1 (default warning)")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  cmd->add_option("--severity", args->severities,
                  "Show only findings of these severities: error, warning, info (comma-separated; default all). "
                  "The others are counted, and --fail-on still judges them")
      ->delimiter(',')
      ->check(CLI::IsMember({"error", "warning", "info"}));
  cmd->add_flag("--show-waived", args->show_waived,
                "List waived findings, one line each at the end (text, concise) or as rows (csv); json, sarif and "
                "junit always hold them");
  cmd->add_flag("--statistics", args->statistics,
                "After the findings, count them by rule, by chair and by file, most first (text, concise, json)");
  cmd->add_option("--stdin-filename", args->source.stdin_filename, "Name to report for a record read from stdin");
  cmd->add_option("--profile", args->source.profile, "Profile (built-in name or file) overriding the records' own");
  cmd->add_option("--as-of", args->as_of, "Judge timescales as of this date, YYYY-MM-DD (default today)");
  auto* config =
      cmd->add_option("--config", args->source.config, "Configuration file (default: .cpconf.yaml found upward)");
  cmd->add_flag("--no-config", args->source.no_config, "Read no configuration file")->excludes(config);
  add_verbose_option(*cmd, args->source);
  cmd->add_option("--baseline", args->baseline, "Report only findings not in this baseline file");
  cmd->add_option("--write-baseline", args->write_baseline, "Write every finding to this baseline file; exit 0");
  cmd->add_option("--select", args->select, "Run only these rules or families (comma-separated)")->delimiter(',');
  cmd->add_option("--ignore", args->ignore, "Do not run these rules or families (comma-separated)")->delimiter(',');
  cmd->add_flag("--strict-case", args->strict_case,
                "Report a review's missing previous conference even when its case's first record is not given");
  cmd->add_flag("--cache", args->source.cache,
                "Keep parsed records in .cpconf-cache/ beside them, so unchanged files are not parsed again");
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing when every file is clean");
  cmd->add_option("-j,--jobs", args->jobs, "Threads to check files on (default: one per core); output is the same")
      ->check(CLI::Range(1u, 256u));
  cmd->footer(
      "Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error. "
      "See cpconf-validate(1).");
  cmd->callback([args, &exit_code] { exit_code = run_validate(*args); });
}

}  // namespace cpconf::cli
