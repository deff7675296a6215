#include <memory>

#include <CLI/CLI.hpp>

#include "cli/app.hpp"

namespace cpconf::cli {

void add_rules(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("rules", "List the rules, or explain one.");
  cmd->callback([&exit_code] { exit_code = k_exit_clean; });
}

}  // namespace cpconf::cli
