#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/app.hpp"
#include "cpconf/report/findings_format.hpp"
#include "cpconf/report/rules_format.hpp"
#include "cpconf/source/profile_reader.hpp"

namespace cpconf::cli {

namespace {

struct RulesArgs {
  std::string name;
  std::string format = "text";
  std::string family;
  std::string profile;
  std::string color = "auto";
};

int run_rules(const RulesArgs& args) {
  bool json = args.format == "json";
  bool markdown = args.format == "markdown";
  bool color = args.format == "text" && use_color(args.color);
  std::optional<Profile> profile;
  if (!args.profile.empty()) {
    try {
      profile = load_profile(args.profile);
    } catch (const ProfileError& error) {
      print_setup_error(error, use_color(args.color));
      return k_exit_usage;
    }
  }
  const Profile* under = profile ? &*profile : nullptr;

  if (!args.name.empty()) {
    const Rule* rule = find_rule(args.name);
    if (rule == nullptr) {
      print_message("error", unknown_rule_message(args.name));
      return k_exit_usage;
    }
    RuleEntry entry = rule_entry(*rule, under);
    if (markdown) {
      fmt::print("{}", format_rules_markdown({entry}));
    } else {
      fmt::print("{}", json ? format_rule_json(entry) : format_rule_text(entry, color));
    }
    return k_exit_clean;
  }

  std::optional<Family> family;
  if (!args.family.empty()) {
    family = family_from_key(args.family);
    if (!family) {
      print_message("error", unknown_family_message(args.family));
      return k_exit_usage;
    }
  }
  auto entries = list_rules(family, under);
  if (markdown) {
    fmt::print("{}", format_rules_markdown(entries));
  } else {
    fmt::print("{}", json ? format_rules_json(entries) : format_rules_text(entries, color));
  }
  return k_exit_clean;
}

}  // namespace

void add_rules(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<RulesArgs>();
  CLI::App* cmd = app.add_subcommand("rules", "List the rules, or explain one.");
  auto* name = cmd->add_option("name", args->name, "A rule to explain: its summary, explanation and source");
  cmd->add_option("--format", args->format,
                  "Output format: text (default), json, markdown (the rule reference, docs/rules.md)")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  cmd->add_option("--family", args->family, "List only this family's rules (record, attendance, timescales, ...)")
      ->excludes(name);
  cmd->add_option("--profile", args->profile, "Show severities under this profile (built-in name or file)");
  cmd->add_option("--color", args->color, "Colour: auto (on a terminal, not with NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->footer("Exit status: 0 shown, 2 usage error, unknown rule or unusable profile. See cpconf-rules(1).");
  cmd->callback([args, &exit_code] { exit_code = run_rules(*args); });
}

}  // namespace cpconf::cli
