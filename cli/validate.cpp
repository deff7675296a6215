#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/app.hpp"
#include "cpconf/check/validate.hpp"
#include "cpconf/present/findings_format.hpp"

namespace cpconf::cli {

namespace {

struct ValidateArgs {
  std::vector<std::string> paths;
  std::string format;
  std::string color = "auto";
  std::string fail_on = "warning";
  std::string stdin_filename = "<stdin>";
  std::string profile;
  std::string as_of;
  bool quiet = false;
};

std::optional<Severity> fail_threshold(const std::string& fail_on) {
  if (fail_on == "error") return Severity::error;
  if (fail_on == "warning") return Severity::warning;
  if (fail_on == "info") return Severity::info;
  return std::nullopt;  // never
}

void print_profile_error(const ProfileError& error, bool color) {
  fmt::print(stderr, "cpconf: error: {}\n", error.what());
  for (const auto& finding : error.findings()) fmt::print(stderr, "{}", format_finding_text(finding, "", color));
}

int run_validate(const ValidateArgs& args) {
  std::string format = args.format;
  if (format.empty()) {
    const char* actions = std::getenv("GITHUB_ACTIONS");
    format = actions != nullptr && std::string_view(actions) == "true" ? "github" : "text";
  }
  bool color = format == "text" && use_color(args.color);
  bool color_stderr = use_color(args.color);

  ValidateOptions options;
  options.as_of = local_today();
  if (!args.as_of.empty()) {
    auto date = parse_date(args.as_of);
    if (!date) {
      fmt::print(stderr, "cpconf: error: --as-of must be a date written YYYY-MM-DD, not '{}'\n", args.as_of);
      return k_exit_usage;
    }
    options.as_of = *date;
  }
  if (!args.profile.empty()) {
    options.profile = args.profile;
    try {
      load_profile(args.profile);
    } catch (const ProfileError& error) {
      print_profile_error(error, color_stderr);
      return k_exit_usage;
    }
  }

  Inputs inputs = collect_inputs(args.paths);
  ProfileSet profiles;
  FindingCounts counts;
  auto threshold = fail_threshold(args.fail_on);
  bool failed = false;
  bool input_error = !inputs.errors.empty();
  for (const auto& error : inputs.errors) {
    fmt::print(stderr, "cpconf: error: {}\n", error.what());
    ++counts.input_errors;
  }
  if (format == "json") fmt::print("{}", json_begin());
  bool first = true;
  for (const auto& path : inputs.files) {
    std::string display = path == "-" ? args.stdin_filename : path;
    std::string text;
    try {
      text = read_source(path, options.limits.max_bytes);
    } catch (const InputError& error) {
      fmt::print(stderr, "cpconf: error: {}\n", error.what());
      if (format == "json") fmt::print("{}", json_input_error(display, error.what(), first));
      first = false;
      ++counts.input_errors;
      input_error = true;
      continue;
    }
    FileReport report = validate_text(text, display, options, profiles);
    counts.count(report.findings);
    for (const auto& finding : report.findings) {
      if (threshold && finding.severity >= *threshold) failed = true;
    }
    if (format == "json") {
      fmt::print("{}", json_file(report.file, report.findings, report.profile, first));
    } else if (format == "github") {
      for (const auto& finding : report.findings) fmt::print("{}", format_finding_github(finding));
    } else {
      for (const auto& finding : report.findings) fmt::print("{}", format_finding_text(finding, text, color));
    }
    first = false;
  }
  bool clean = counts.errors + counts.warnings + counts.infos == 0;
  if (format == "json") {
    fmt::print("{}", json_end(counts));
  } else if (format == "text" && !(args.quiet && clean && !input_error)) {
    fmt::print("{}", format_tally_text(counts, color));
  }
  std::fflush(stdout);
  if (input_error) return k_exit_usage;
  return failed ? k_exit_findings : k_exit_clean;
}

}  // namespace

void add_validate(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand("validate", "Check conference records: structure, procedure rules, timescales.");
  cmd->add_option("paths", args->paths, "Record files, directories (searched for *.yaml, *.yml), or - for stdin")
      ->required();
  cmd->add_option("--format", args->format, "Output format (default text; github under GitHub Actions)")
      ->check(CLI::IsMember({"text", "json", "github"}));
  cmd->add_option("--color", args->color, "Colour: auto (on a terminal, not with NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--fail-on", args->fail_on, "Lowest severity that makes the exit status 1 (default warning)")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  cmd->add_option("--stdin-filename", args->stdin_filename, "Name to report for a record read from stdin");
  cmd->add_option("--profile", args->profile, "Profile (built-in name or file) overriding the records' own");
  cmd->add_option("--as-of", args->as_of, "Judge timescales as of this date, YYYY-MM-DD (default today)");
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing when every file is clean");
  cmd->footer("Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error. "
              "See cpconf-validate(1).");
  cmd->callback([args, &exit_code] { exit_code = run_validate(*args); });
}

}  // namespace cpconf::cli
