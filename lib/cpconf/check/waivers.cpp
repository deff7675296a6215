#include "cpconf/check/waivers.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cpconf/check/rule.hpp"
#include "cpconf/text/suggest.hpp"

namespace cpconf {

namespace {

bool covers(const std::string& at, const std::string& path) {
  if (!path.starts_with(at)) return false;
  return path.size() == at.size() || path[at.size()] == '.' || path[at.size()] == '[';
}

constexpr std::string_view k_waiver_source = "cpconf-record(5): waivers; accountable suppressions";

const Rule k_waiver_rules[] = {
    {"waiver-without-reason", Family::waiver, Severity::error, "a waiver gives no reason", k_waiver_source,
     "A waiver accepts a finding at a named place of a record; an auditor must be able to see why. A waiver "
     "without a reason waives nothing and is itself reported.",
     nullptr},
    {"waiver-unknown-rule", Family::waiver, Severity::error, "a waiver names a rule that does not exist",
     k_waiver_source,
     "The waiver's rule is not one of cpconf's rules (see 'cpconf rules'), usually a typo; the message "
     "suggests the nearest name. It waives nothing.",
     nullptr},
    {"waiver-expired", Family::waiver, Severity::warning, "a waiver's expiry date has passed", k_waiver_source,
     "A waiver may carry an expiry date by which the record was to be put right. After it (judged as of "
     "--as-of) the waiver waives nothing and the finding it covered is reported again.",
     nullptr},
    {"waiver-unused", Family::waiver, Severity::warning, "a waiver matches no finding", k_waiver_source,
     "The waiver's rule does not fire at its place: the record was put right, or the place is misspelt. "
     "Remove the waiver, so that a later finding there is not hidden. Cross-record (case) findings are not "
     "waived by a record's waivers.",
     nullptr},
};

}  // namespace

std::span<const Rule> waiver_rules() { return k_waiver_rules; }

WaiverResult apply_waivers(const Record& record, Date as_of, Findings& findings,
                           const std::function<bool(std::string_view)>& rule_runs) {
  WaiverResult result;
  std::vector<std::string> names;
  for (const auto& rule : all_rules()) names.emplace_back(rule.name);
  // A waiver's path, and its rule when no rule has that name, are the record's own text, and may
  // be anything (Finding::quoted).
  auto problem = [&](std::string_view rule, const Waiver& waiver, std::string message) {
    std::vector<std::string> quoted{*waiver.at};
    if (!find_rule(*waiver.rule)) quoted.push_back(*waiver.rule);
    result.problems.push_back({std::string(rule), Severity::error, record.file, waiver.location, waiver.path,
                               std::move(message), std::move(quoted)});
  };
  for (const Waiver& waiver : record.waivers) {
    if (!waiver.rule || !waiver.at) continue;  // missing-field already said so
    if (!find_rule(*waiver.rule)) {
      problem("waiver-unknown-rule", waiver,
              fmt::format("the waiver names rule '{}', which does not exist{}", *waiver.rule,
                          did_you_mean(*waiver.rule, names)));
      continue;
    }
    if (!has_text(waiver.reason)) {
      problem("waiver-without-reason", waiver,
              fmt::format("the waiver of '{}' at '{}' gives no reason: add 'reason:' saying why the finding is "
                          "accepted",
                          *waiver.rule, *waiver.at));
      continue;
    }
    if (waiver.expires && *waiver.expires < as_of) {
      problem("waiver-expired", waiver,
              fmt::format("the waiver of '{}' at '{}' expired on {} (as of {}): put the record right or renew "
                          "the waiver",
                          *waiver.rule, *waiver.at, waiver.expires->str(), as_of.str()));
      continue;
    }
    auto waived = std::stable_partition(findings.begin(), findings.end(), [&](const Finding& f) {
      return !(f.rule == *waiver.rule && covers(*waiver.at, f.path));
    });
    if (waived == findings.end()) {
      if (!rule_runs(*waiver.rule)) continue;
      problem("waiver-unused", waiver,
              fmt::format("the waiver of '{}' at '{}' matches no finding: remove it", *waiver.rule, *waiver.at));
      continue;
    }
    for (auto it = waived; it != findings.end(); ++it) {
      result.waived.push_back({std::move(*it), *waiver.reason, waiver.location});
    }
    findings.erase(waived, findings.end());
  }
  return result;
}

}  // namespace cpconf
