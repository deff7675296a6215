#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/app.hpp"
#include "cpconf/atomic_file.hpp"
#include "cpconf/derive/calendar.hpp"
#include "cpconf/report/findings_format.hpp"
#include "cpconf/schemas/embedded_schemas.hpp"
#include "cpconf/skeleton/skeleton.hpp"
#include "cpconf/source/profile_reader.hpp"
#include "cpconf/source/record_source.hpp"

namespace cpconf::cli {

namespace {

struct NewArgs {
  std::string kind;
  std::string case_id;
  std::string previous;
  std::string date;
  std::string profile;
  std::string output;
  std::string schema;
  std::string stdin_filename = "<stdin>";
  std::string color = "auto";
};

// The record schema shipped with this binary (installed, or in the source tree of a program run
// from its build folder), so that the editor line is right wherever cpconf is; the installed path
// when neither is there.
std::string record_schema_path() {
  std::string_view file = find_schema("record")->file;
  std::string installed = fmt::format("cpconf/schemas/{}", file);
  std::string path = shipped_file(installed, fmt::format("schemas/{}", file)).value_or("/usr/share/" + installed);
  return path_or_file_url(path);
}

ConferenceKind kind_named(const std::string& name) {
  for (const auto& [word, kind] : EnumNames<ConferenceKind>::get()) {
    if (word == name) return kind;
  }
  return ConferenceKind::initial;  // CLI11 has checked the name
}

// The record a review follows, opened as every command opens a record (with the profile it
// names, and no configuration: the skeleton names a built-in profile), or nothing after printing
// why it cannot be used.
std::optional<Record> load_previous(const NewArgs& args, bool color) {
  SourceSettings settings;
  settings.config_mode = SourceSettings::ConfigMode::none;
  settings.stdin_name = args.stdin_filename;
  RecordSource source(settings);
  OpenedRecord opened = source.open(args.previous);
  const Findings& findings = opened.loaded.findings;
  bool errors =
      std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::error; });
  if (opened.loaded.record && !errors) return std::move(opened.loaded.record);
  for (const auto& finding : findings) fmt::print(stderr, "{}", format_finding_text(finding, opened.text, color));
  print_message("error", fmt::format("'{}' does not load as a record, so no review can follow it", opened.display));
  return std::nullopt;
}

int run_new(const NewArgs& args) {
  bool color = use_color(args.color);
  SkeletonRequest request;
  request.kind = kind_named(args.kind);
  request.case_id = args.case_id;
  request.schema = args.schema.empty() ? record_schema_path() : args.schema;
  if (!args.date.empty()) {
    try {
      request.date = date_option(args.date, "--date");
    } catch (const InputError& error) {
      print_message("error", error.what());
      return k_exit_usage;
    }
  }
  if (!args.previous.empty() && request.kind != ConferenceKind::review) {
    fmt::print(stderr, "cpconf: error: --previous is for a review, which follows the conference before it\n");
    return k_exit_usage;
  }
  std::error_code missing;
  if (!args.output.empty() &&
      std::filesystem::symlink_status(args.output, missing).type() != std::filesystem::file_type::not_found) {
    fmt::print(stderr, "cpconf: error: '{}' already exists; cpconf new never overwrites a file\n", args.output);
    return k_exit_usage;
  }

  std::string text;
  try {
    std::optional<Record> previous;
    if (!args.previous.empty()) {
      previous = load_previous(args, color);
      if (!previous) return k_exit_usage;
    }
    std::string profile_name = !args.profile.empty()                      ? args.profile
                               : previous && previous->conference.profile ? *previous->conference.profile
                                                                          : std::string("england");
    Profile profile = load_profile(profile_name);
    Calendar calendar = calendar_of(profile);
    text = previous ? review_skeleton(*previous, previous->file, request, profile, calendar)
                    : new_record_skeleton(request, profile, calendar);
  } catch (const ProfileError& error) {
    print_setup_error(error, color);
    return k_exit_usage;
  } catch (const InputError& error) {
    print_message("error", error.what());
    return k_exit_usage;
  }

  if (args.output.empty()) {
    fmt::print("{}", text);
    return k_exit_clean;
  }
  try {
    // A record holds personal data: readable by its owner only.
    write_file_atomically(args.output, text, 0600);
  } catch (const InputError& error) {
    print_message("error", error.what());
    return k_exit_usage;
  }
  return k_exit_clean;
}

}  // namespace

void add_new(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<NewArgs>();
  CLI::App* cmd = app.add_subcommand("new", "Write a new record skeleton: initial, review, pre-birth or transfer-in.");
  cmd->add_option("kind", args->kind, "The conference's kind: initial, review, pre-birth or transfer-in")
      ->required()
      ->check(CLI::IsMember({"initial", "review", "pre-birth", "transfer-in"}));
  auto* previous = cmd->add_option("--previous", args->previous,
                                   "The record a review follows (- for stdin): its case, chair, children and "
                                   "attendees are carried forward");
  cmd->add_option("--case", args->case_id, "The case number (a review takes its previous record's)")
      ->excludes(previous);
  cmd->add_option("--date", args->date,
                  "The conference's date, YYYY-MM-DD (a review's default: the date its previous record set, else "
                  "the last working day by its due date)");
  cmd->add_option("--profile", args->profile,
                  "Built-in profile the record follows (default: the previous "
                  "record's, else england)")
      ->check(CLI::IsMember(builtin_profile_names()));
  cmd->add_option("-o,--output", args->output, "Write to this new file instead of stdout; never overwrites");
  cmd->add_option("--schema", args->schema,
                  "Path or URL for the first line's editor schema (default: the installed conference.schema.json)");
  cmd->add_option("--stdin-filename", args->stdin_filename, "Name to report for a previous record read from stdin");
  cmd->add_option("--color", args->color, "Colour: auto (on a terminal, not with NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->footer(
      "Exit status: 0 written, 2 usage or input error (the previous record does not load, the output "
      "file exists). See cpconf-new(1).");
  cmd->callback([args, &exit_code] { exit_code = run_new(*args); });
}

}  // namespace cpconf::cli
