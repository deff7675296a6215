#include <CLI/CLI.hpp>

#include "cli/app.hpp"

namespace cpconf::cli {

void add_vote(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("vote", "Tally the votes: the decision for each child, dissent across records, audit statistics.");
  cmd->callback([&exit_code] { exit_code = k_exit_usage; });
}

}  // namespace cpconf::cli
