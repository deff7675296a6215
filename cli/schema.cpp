#include <CLI/CLI.hpp>

#include "cli/app.hpp"

namespace cpconf::cli {

void add_schema(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("schema", "Print the JSON Schema of records or profiles, for editors and validators.");
  cmd->callback([&exit_code] { exit_code = k_exit_usage; });
}

}  // namespace cpconf::cli
