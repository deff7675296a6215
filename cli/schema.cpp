#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/app.hpp"
#include "cpconf/schemas/embedded_schemas.hpp"
#include "cpconf/text/suggest.hpp"
#include "cpconf/text/words.hpp"

namespace cpconf::cli {

namespace {

int print_schema(const std::string& name) {
  const EmbeddedSchema* schema = find_schema(name);
  if (schema == nullptr) {
    std::vector<std::string> names;
    for (const auto& s : embedded_schemas()) names.emplace_back(s.name);
    fmt::print(stderr, "cpconf: error: unknown schema '{}': the schemas are {}{}\n", name, join(names),
               did_you_mean(name, names));
    return k_exit_usage;
  }
  // The file's bytes exactly, so the output can stand in for the installed file.
  std::fwrite(schema->text.data(), 1, schema->text.size(), stdout);
  return std::fflush(stdout) == 0 ? k_exit_clean : k_exit_usage;
}

}  // namespace

void add_schema(CLI::App& app, int& exit_code) {
  auto name = std::make_shared<std::string>("record");
  CLI::App* cmd =
      app.add_subcommand("schema", "Print the JSON Schema of records or profiles, for editors and validators.");
  std::vector<std::string> names;
  for (const auto& schema : embedded_schemas()) names.emplace_back(schema.name);
  // The names shown as CLI11 shows a choice, which the shell completions read; the check is
  // print_schema's, which suggests the nearest name.
  cmd->add_option("name", *name, "record (the default: the conference record format) or profile")
      ->type_name(fmt::format("TEXT:{{{}}}", fmt::join(names, ",")));
  cmd->footer("Exit status: 0 printed, 2 unknown schema. See cpconf-schema(1).");
  cmd->callback([name, &exit_code] { exit_code = print_schema(*name); });
}

}  // namespace cpconf::cli
