#include <CLI/CLI.hpp>

#include "cli/app.hpp"

namespace cpconf::cli {

void add_new(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("new", "Write a new record skeleton: initial, review, pre-birth or transfer-in.");
  cmd->callback([&exit_code] { exit_code = k_exit_usage; });
}

}  // namespace cpconf::cli
