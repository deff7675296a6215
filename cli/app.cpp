#include "cli/app.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cpconf/finding.hpp"
#include "cpconf/load/yaml_tree.hpp"
#include "cpconf/report/findings_format.hpp"
#include "cpconf/report/sarif.hpp"
#include "cpconf/text/suggest.hpp"
#include "cpconf/text/terminal.hpp"
#include "cpconf/version.hpp"

namespace cpconf::cli {

bool use_color(const std::string& when) {
  if (when == "always") return true;
  if (when == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

std::size_t terminal_width() {
  winsize size{};
  if (::isatty(STDOUT_FILENO) != 1 || ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

void add_verbose_option(CLI::App& cmd, SourceArgs& args) {
  cmd.add_flag("--verbose", args.verbose, "Say on stderr which configuration and profiles the records were judged under");
}

void report_source_use(const RecordSource& source) {
  print_message("note", fmt::format("judged under {}", describe(source.use())));
}

SourceSettings source_settings(const SourceArgs& args) {
  SourceSettings settings;
  if (!args.profile.empty()) settings.profile = args.profile;
  if (args.no_config) settings.config_mode = SourceSettings::ConfigMode::none;
  if (!args.config.empty()) {
    settings.config_mode = SourceSettings::ConfigMode::file;
    settings.config_file = args.config;
  }
  settings.cache = args.cache;
  settings.stdin_name = args.stdin_filename;
  settings.warn = [](const std::string& message) { print_message("warning", message); };
  return settings;
}

RedactionOptions RedactArgs::options() const {
  RedactionOptions options;
  options.level = level == "all"                          ? Redaction::all
                  : !level.empty() || !names.empty() ? Redaction::family
                                                          : Redaction::none;
  options.extra_names = names;
  return options;
}

void add_redact_options(CLI::App& cmd, RedactArgs& args) {
  cmd.add_flag("--redact{family}", args.level,
               "Initials for children, family and other non-professionals, dates of birth hidden (render: ages); "
               "--redact=all also replaces professionals' names with their roles")
      ->check(CLI::IsMember({"family", "all"}));
  cmd.add_option("--redact-name", args.names,
                 "Also reduce this name to initials (repeatable): people named only in free text")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

Date date_option(const std::string& text, std::string_view option) {
  auto date = parse_date(text);
  if (date) return *date;
  bool written_so = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                    std::all_of(text.begin(), text.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
  if (written_so) {
    throw InputError(text, fmt::format("{} '{}' is not a real date: the year must be 1900 or later, the month 01 to "
                                       "12 and the day one that month has",
                                       option, text));
  }
  throw InputError(text, fmt::format("{} must be a date written YYYY-MM-DD, not '{}'", option, text));
}

Date as_of_option(const std::string& text) { return text.empty() ? local_today() : date_option(text, "--as-of"); }

void print_message(std::string_view level, std::string_view text) {
  fmt::print(stderr, "cpconf: {}: {}\n", level, one_line(text));
}

void print_setup_error(const ProfileError& error, bool color) {
  print_message("error", error.what());
  std::string source;
  try {
    source = read_source(error.file(), YamlLimits{}.max_bytes);
  } catch (const InputError&) {
    // A built-in profile or a vanished file: the findings still name their places.
  }
  for (const auto& finding : error.findings()) fmt::print(stderr, "{}", format_finding_text(finding, source, color));
}

namespace {

// A usage error as git and ruff word one: an unknown command is named, with the nearest command;
// any other is CLI11's message, with the command's name and where to read its options.
std::string usage_error(const CLI::App& app, int argc, char** argv, const CLI::ParseError& error) {
  std::vector<std::string> commands;
  for (const CLI::App* command : app.get_subcommands({})) commands.push_back(command->get_name());
  std::string first = argc > 1 ? argv[1] : "";
  bool unknown_command = !first.empty() && first[0] != '-' &&
                         std::find(commands.begin(), commands.end(), first) == commands.end();
  if (unknown_command) {
    return fmt::format("unknown command '{}'{}; 'cpconf --help' lists the commands", first,
                       did_you_mean(first, commands));
  }
  if (first.empty()) return "a command is required; 'cpconf --help' lists the commands";
  std::string message = error.what();
  if (!message.empty() && message.back() == '\n') message.pop_back();
  bool known_command = std::find(commands.begin(), commands.end(), first) != commands.end();
  // "The following argument was not expected: --fromat": name the nearest option.
  constexpr std::string_view k_unexpected = "The following argument was not expected: ";
  if (known_command && message.starts_with(k_unexpected)) {
    std::string word = message.substr(k_unexpected.size());
    std::vector<std::string> options;
    for (const CLI::Option* option : app.get_subcommand(first)->get_options()) {
      for (const auto& name : option->get_lnames()) options.push_back("--" + name);
    }
    message = fmt::format("unknown option '{}'{}", word, did_you_mean(word, options));
  }
  std::string help = known_command ? fmt::format("cpconf {} --help", first) : std::string("cpconf --help");
  return fmt::format("{} (see '{}')", message, help);
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"cpconf: check, tally and render child protection conference records kept as YAML."};
  app.set_version_flag("-V,--version", fmt::format("cpconf {}", k_version));
  app.require_subcommand(1);
  app.footer(
      "Run 'cpconf COMMAND --help' for a command's options. Exit status: 0 clean, 1 findings, "
      "2 usage or input error. See cpconf(1).");
  int exit_code = k_exit_clean;
  add_validate(app, exit_code);
  add_rules(app, exit_code);
  add_vote(app, exit_code);
  add_timeline(app, exit_code);
  add_render(app, exit_code);
  add_schema(app, exit_code);
  add_new(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    print_message("error", usage_error(app, argc, argv, e));
    return k_exit_usage;
  } catch (const InputError& e) {
    print_message("error", e.what());
    return k_exit_usage;
  }
  return exit_code;
}

std::optional<std::string> shipped_file(std::string_view installed, std::string_view source) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path binary = fs::read_symlink("/proc/self/exe", error);
  fs::path prefix = error ? fs::path("/usr") : binary.parent_path().parent_path();
  for (const fs::path& candidate : {prefix / "share" / installed, fs::path(CPCONF_SOURCE_DIR) / source}) {
    if (fs::is_regular_file(candidate, error)) return candidate.lexically_normal().string();
  }
  return std::nullopt;
}

std::string path_or_file_url(const std::string& path) {
  auto plain = [](unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           std::string_view("-._~/+@,=:").find(static_cast<char>(c)) != std::string_view::npos;
  };
  if (std::all_of(path.begin(), path.end(), [&](char c) { return plain(static_cast<unsigned char>(c)); })) return path;
  std::string url = "file://";
  for (char c : path) {
    auto byte = static_cast<unsigned char>(c);
    url += plain(byte) ? std::string(1, c) : fmt::format("%{:02X}", byte);
  }
  return url;
}

std::string rules_reference_url() {
  std::string_view built_with = CPCONF_RULES_URL;
  if (!built_with.empty()) return std::string(built_with);
  // The shipped file's path is absolute, which SARIF's URI encoding makes a file:// URI.
  std::optional<std::string> shipped = shipped_file("cpconf/rules.md", "docs/rules.md");
  return shipped ? sarif_uri(*shipped) : "";
}

}  // namespace cpconf::cli
