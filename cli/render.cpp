#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/app.hpp"
#include "cli/format_option.hpp"
#include "cpconf/atomic_file.hpp"
#include "cpconf/batch.hpp"
#include "cpconf/check/validator.hpp"
#include "cpconf/render/record.hpp"
#include "cpconf/report/findings_format.hpp"
#include "cpconf/source/case_names.hpp"
#include "cpconf/source/inputs.hpp"

namespace cpconf::cli {

namespace {

namespace fs = std::filesystem;

struct RenderArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  std::string output_dir;
  RedactArgs redact;
  bool no_findings = false;
  std::string as_of;
  SourceArgs source;
  std::string color = "auto";
  std::size_t width = 80;
  unsigned jobs = default_jobs();
};

// One input's outcome, made on a worker thread and written out in input order.
struct RenderResult {
  std::string display;
  std::string source;
  std::optional<RenderedRecord> rendered;
  Findings load_findings;  // why the file is not a record
  std::optional<std::string> error;
  std::optional<ProfileError> setup_error;
  std::size_t findings = 0;
};

bool same_file(const std::string& a, const std::string& b) {
  std::error_code error;
  return fs::equivalent(a, b, error) && !error;
}

// The files given, by device and inode, so that an output is checked against all of them at once.
using FileIds = std::set<std::pair<dev_t, ino_t>>;
FileIds file_ids(const std::vector<std::string>& files) {
  FileIds ids;
  for (const auto& file : files) {
    struct stat info {};
    if (file != "-" && ::stat(file.c_str(), &info) == 0) ids.emplace(info.st_dev, info.st_ino);
  }
  return ids;
}

// Why target must not be written: it is one of the inputs, or a file its user could not write
// (replacing it by a rename would otherwise succeed, and change its mode). Empty when it may be.
std::string cannot_replace(const std::string& target, const FileIds& inputs) {
  struct stat info {};
  if (::stat(target.c_str(), &info) != 0) return "";
  if (inputs.contains({info.st_dev, info.st_ino})) return fmt::format("'{}' is an input; not writing over it", target);
  if (S_ISDIR(info.st_mode)) return fmt::format("'{}' is a folder, not a file to write", target);
  if (::access(target.c_str(), W_OK) != 0 || (info.st_mode & 0222) == 0) {
    return fmt::format("'{}' is read-only (mode {:04o}); not replacing it: make it writable or remove it first", target,
                       info.st_mode & 07777);
  }
  return "";
}

int run_render(const RenderArgs& args) {
  bool color_stderr = use_color(args.color);
  auto fail = [](const std::string& message) {
    print_message("error", message);
    return k_exit_usage;
  };
  RenderSettings settings;
  settings.format = find_render_format(args.format);
  settings.build.findings = !args.no_findings;
  settings.build.redaction = args.redact.options();
  settings.write.width = args.width;

  Validator::Settings checks;
  checks.keep_records = true;
  bool redacting = settings.build.redaction.level != Redaction::none;
  checks.hide_quoted_text = redacting;
  std::optional<RecordSource> source;
  std::optional<Validator> validator;
  try {
    settings.build.as_of = as_of_option(args.as_of);
    checks.as_of = settings.build.as_of;
    source.emplace(source_settings(args.source));
    validator.emplace(checks);
  } catch (const ProfileError& error) {
    print_setup_error(error, color_stderr);
    return k_exit_usage;
  } catch (const InputError& error) {
    return fail(error.what());
  }

  Inputs inputs = collect_inputs(args.paths);
  // Rendering checks each output against the inputs, so it holds the list of inputs.
  const std::vector<std::string> files = inputs.files.to_vector();
  std::size_t count = files.size() + inputs.errors.size();
  bool to_stdout = args.output.empty() && args.output_dir.empty();
  if (!args.output.empty() && count > 1) return fail("--output takes one record; use --output-dir for several");
  if (to_stdout && count > 1 && args.format == "html") {
    return fail("several records in HTML need --output-dir (one file each)");
  }
  if (!args.output_dir.empty() && !fs::is_directory(args.output_dir)) {
    return fail(fmt::format("--output-dir '{}' is not a directory", args.output_dir));
  }
  for (const auto& path : files) {
    if (!args.output.empty() && same_file(args.output, path)) {
      return fail(fmt::format("--output '{}' is the input '{}'; refusing to write over it", args.output, path));
    }
  }
  if (!args.output.empty() && (args.output.ends_with('/') || fs::is_directory(args.output))) {
    return fail(fmt::format("--output '{}' is a folder: give the file to write, or use --output-dir", args.output));
  }
  const FileIds input_ids = file_ids(files);

  int errors = 0;
  for (const auto& error : inputs.errors) {
    print_message("error", error.what());
    ++errors;
  }
  settings.write.color = to_stdout && args.format == "text" && use_color(args.color);
  NamesByCase case_names = names_by_case(inputs, settings.build.redaction.level, *source, args.jobs);
  std::function<RenderResult(std::size_t)> work = [&](std::size_t i) {
    const std::string& path = files[i];
    RenderResult outcome;
    outcome.display = path == "-" ? args.source.stdin_filename : path;
    try {
      OpenedRecord opened = source->open(path);
      FileReport report = validator->check(opened);
      outcome.source = std::move(opened.text);
      if (!report.record) {
        outcome.load_findings = std::move(report.findings);
        return outcome;
      }
      outcome.findings = report.findings.size();
      const Profile& profile = *report.profile;
      RenderSettings own = settings;
      own.build.redaction = with_case_names(settings.build.redaction, case_names, *report.record);
      outcome.rendered = render_record(*report.record, profile, report, own);
      outcome.display = outcome.rendered->source_name;
    } catch (const ProfileError& error) {
      outcome.error = error.what();
      outcome.setup_error = error;
    } catch (const InputError& error) {
      outcome.error = error.what();
    }
    return outcome;
  };
  std::set<std::string> written;
  bool first = true;
  std::function<void(std::size_t, RenderResult &&)> emit = [&](std::size_t, RenderResult&& outcome) {
    if (outcome.setup_error) print_setup_error(*outcome.setup_error, color_stderr);
    if (outcome.error) {
      print_message("error", *outcome.error);
      ++errors;
      return;
    }
    if (!outcome.rendered) {
      for (const auto& finding : outcome.load_findings) {
        // Without the record, its names are unknown: no source lines, which hold them.
        fmt::print(stderr, "{}", format_finding_text(finding, redacting ? "" : outcome.source, color_stderr));
      }
      print_message("error", fmt::format("{} cannot be read as a record; nothing rendered", outcome.display));
      ++errors;
      return;
    }
    if (outcome.findings > 0) {
      std::fflush(stdout);  // the note follows what came before it, whatever the buffering
      print_message("note", fmt::format("{}: {} finding{}{}", outcome.display, outcome.findings,
                                        outcome.findings == 1 ? "" : "s",
                                        args.no_findings ? " (left out by --no-findings; see cpconf validate)"
                                                         : ", listed at the end"));
    }
    if (to_stdout) {
      if (!first && args.format == "text") fmt::print("\n{}\n\n", std::string(args.width, '='));
      if (!first && args.format == "markdown") fmt::print("\n");
      fmt::print("{}", outcome.rendered->content);
      first = false;
      return;
    }
    std::string target = args.output;
    if (target.empty()) {
      target =
          (fs::path(args.output_dir) / (outcome.rendered->file_stem + "." + std::string(settings.format->extension)))
              .string();
    }
    if (std::string why = cannot_replace(target, input_ids); !why.empty()) {
      print_message("error", why);
      ++errors;
      return;
    }
    if (!written.insert(fs::weakly_canonical(target).string()).second) {
      print_message("error", fmt::format("{} would be written to '{}' again; rename one of the inputs",
                                         outcome.display, target));
      ++errors;
      return;
    }
    try {
      // The record holds personal data: only its owner may read it, unless it is redacted.
      unsigned mode = settings.build.redaction.level == Redaction::none ? 0600 : 0644;
      write_file_atomically(target, outcome.rendered->content, mode);
    } catch (const InputError& error) {
      print_message("error", error.what());
      ++errors;
    }
  };
  // Standard input can be read once only, by one thread.
  ordered_parallel<RenderResult>(files.size(), inputs.reads_stdin ? 1 : args.jobs, work, emit);
  std::fflush(stdout);
  if (args.source.verbose) report_source_use(*source);
  return errors > 0 ? k_exit_usage : k_exit_clean;
}

}  // namespace

void add_render(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<RenderArgs>();
  CLI::App* cmd =
      app.add_subcommand("render", "The written record of a conference as text, Markdown or HTML, with redaction.");
  cmd->add_option("paths", args->paths, "Record files, directories (searched for *.yaml, *.yml), or - for stdin")
      ->required();
  add_format_option(cmd, args->format, render_formats(), "");
  auto* output = cmd->add_option("-o,--output", args->output, "Write to this file (atomically) instead of stdout");
  cmd->add_option("--output-dir", args->output_dir, "Write one file per record into this directory")->excludes(output);
  add_redact_options(*cmd, args->redact);
  cmd->add_flag("--no-findings", args->no_findings, "Leave out the findings section");
  cmd->add_option("--as-of", args->as_of, "Judge the findings as of this date, YYYY-MM-DD (default today)");
  cmd->add_option("--profile", args->source.profile, "Profile (built-in name or file) overriding the records' own");
  auto* config =
      cmd->add_option("--config", args->source.config, "Configuration file (default: .cpconf.yaml found upward)");
  cmd->add_flag("--no-config", args->source.no_config, "Read no configuration file")->excludes(config);
  add_verbose_option(*cmd, args->source);
  cmd->add_option("--color", args->color, "Colour (text on a terminal): auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--stdin-filename", args->source.stdin_filename, "Name to give a record read from stdin");
  cmd->add_option("--width", args->width, "Columns of text output (default 80)")->check(CLI::Range(40, 400));
  cmd->add_option("-j,--jobs", args->jobs, "Threads to render files on (default: one per core); output is the same")
      ->check(CLI::Range(1u, 256u));
  cmd->footer(
      "Exit status: 0 every record rendered (findings or not), 2 usage or input error. "
      "See cpconf-render(1).");
  cmd->callback([args, &exit_code] { exit_code = run_render(*args); });
}

}  // namespace cpconf::cli
