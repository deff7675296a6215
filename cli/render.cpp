#include <CLI/CLI.hpp>

#include "cli/app.hpp"

namespace cpconf::cli {

void add_render(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("render", "The written record of a conference as text, Markdown or HTML, with redaction.");
  cmd->callback([&exit_code] { exit_code = k_exit_usage; });
}

}  // namespace cpconf::cli
