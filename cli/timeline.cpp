#include <CLI/CLI.hpp>

#include "cli/app.hpp"

namespace cpconf::cli {

void add_timeline(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("timeline", "Deadlines and review schedules: one conference, a case, or overdue items across many records.");
  cmd->callback([&exit_code] { exit_code = k_exit_usage; });
}

}  // namespace cpconf::cli
