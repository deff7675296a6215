#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace cpconf::cli {

// --format as a command's table of formats gives it: the names it allows, and a help text that
// lists them with their notes ("text (default), json, ..."). A new row needs no edit here.
template <class Format>
CLI::Option* add_format_option(CLI::App* command, std::string& format, std::span<const Format> formats,
                               std::string_view intro = "Output format: ") {
  std::vector<std::string> names;
  std::string help(intro);
  for (const Format& row : formats) {
    help += names.empty() ? "" : ", ";
    help += row.name;
    if (!row.note.empty()) help += " (" + std::string(row.note) + ")";
    names.emplace_back(row.name);
  }
  return command->add_option("--format", format, help)->check(CLI::IsMember(names));
}

}  // namespace cpconf::cli
