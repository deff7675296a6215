#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cpconf/date.hpp"
#include "cpconf/derive/redact.hpp"
#include "cpconf/load/profile.hpp"
#include "cpconf/source/record_source.hpp"

namespace CLI {
class App;
}

namespace cpconf::cli {

// Exit codes every command shares.
inline constexpr int k_exit_clean = 0;
inline constexpr int k_exit_findings = 1;
inline constexpr int k_exit_usage = 2;

int run(int argc, char** argv);

// Each command adds itself to the app; its callback stores the exit code here.
void add_validate(CLI::App& app, int& exit_code);
void add_rules(CLI::App& app, int& exit_code);
void add_vote(CLI::App& app, int& exit_code);
void add_timeline(CLI::App& app, int& exit_code);
void add_render(CLI::App& app, int& exit_code);
void add_schema(CLI::App& app, int& exit_code);
void add_new(CLI::App& app, int& exit_code);

// Colour on a terminal unless NO_COLOR is set; "always" and "never" force it.
bool use_color(const std::string& when);

// The terminal's width in columns when standard output is one, else 0 (no limit): output
// piped to a file or a script keeps whole lines.
std::size_t terminal_width();

// The options of every command that reads records, which say how they are opened.
struct SourceArgs {
  std::string profile;
  std::string config;
  bool no_config = false;
  bool cache = false;
  std::string stdin_filename = "<stdin>";
  bool verbose = false;  // --verbose: say which configuration and profiles the run used
};
SourceSettings source_settings(const SourceArgs& args);
// --verbose, in every command that opens records.
void add_verbose_option(CLI::App& cmd, SourceArgs& args);
// "cpconf: note: judged under configuration ...; profiles ..." on stderr, once a run is done.
void report_source_use(const RecordSource& source);

// --redact[=family|all] and --redact-name, which mean the same to every command that prints
// names (render, vote, timeline).
struct RedactArgs {
  std::string level;               // "" (not given), "family" or "all"
  std::vector<std::string> names;  // --redact-name, each once per use
  // --redact alone is family; --redact-name alone implies family, since the names it adds
  // are reduced the way family members' are.
  RedactionOptions options() const;
};
void add_redact_options(CLI::App& cmd, RedactArgs& args);

// The date an option gives, written YYYY-MM-DD. Throws InputError naming the option.
Date date_option(const std::string& text, std::string_view option);
// --as-of: the date given, or today when none is.
Date as_of_option(const std::string& text);

// "cpconf: LEVEL: TEXT" on stderr. The text often names a file or quotes a record, so it is
// written as one safe line (one_line): no control character of theirs reaches the terminal.
void print_message(std::string_view level, std::string_view text);

// A file shipped with cpconf, found from the program's own path: installed under
// <prefix>/share/<installed>, or, for a program run from its build folder, in the source tree it
// was built from (<source>). Nothing when neither exists.
std::optional<std::string> shipped_file(std::string_view installed, std::string_view source);
// A path as editors and links read it: as it is when every byte is plain, else a
// percent-encoded file:// URL (editors read a $schema up to its first space).
std::string path_or_file_url(const std::string& path);
// The reference every SARIF rule's helpUri points into: the URL cpconf was built with
// (CPCONF_RULES_URL), else the rule reference shipped with it; empty when there is none.
std::string rules_reference_url();

// An unusable profile, configuration or baseline on stderr: the error, then every fault with
// its source line and marker.
void print_setup_error(const ProfileError& error, bool color);

}  // namespace cpconf::cli
