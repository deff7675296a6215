#include "cpconf/check/validator.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cpconf/check/file_rules.hpp"
#include "cpconf/derive/calendar.hpp"
#include "cpconf/text/suggest.hpp"

namespace cpconf {

std::optional<Severity> effective_severity(const Rule& rule, const Profile& profile, const RuleSettings* settings) {
  std::optional<Severity> severity = rule.severity;
  for (const auto* layer : {&profile.rules, settings}) {
    if (layer == nullptr) continue;
    auto it = layer->find(rule.name);
    if (it == layer->end()) continue;
    if (!it->second.enabled) {
      severity.reset();
    } else {
      severity = it->second.severity.value_or(rule.severity);
    }
  }
  return severity;
}

Findings check_record(const Record& record, const Profile& profile, const Calendar& calendar, Date as_of,
                      const RuleSettings* settings, std::span<const std::string_view> only) {
  CheckContext context{record, profile, calendar, as_of};
  Findings findings;
  for (const Rule& rule : all_rules()) {
    if (rule.check == nullptr) continue;
    if (!only.empty() && std::find(only.begin(), only.end(), rule.name) == only.end()) continue;
    auto severity = effective_severity(rule, profile, settings);
    if (!severity) continue;
    for (Hit& hit : rule.check(context)) {
      findings.push_back(
          {std::string(rule.name), *severity, record.file, hit.location, std::move(hit.path), std::move(hit.message),
           std::move(hit.quoted)});
    }
  }
  return findings;
}

std::vector<std::string> expand_rule_names(const std::vector<std::string>& names) {
  std::vector<std::string> rules;
  std::vector<std::string> known;
  for (const auto& rule : all_rules()) {
    known.emplace_back(rule.name);
    if (std::find(known.begin(), known.end(), family_key(rule.family)) == known.end()) {
      known.emplace_back(family_key(rule.family));
    }
  }
  for (const auto& name : names) {
    bool matched = false;
    for (const auto& rule : all_rules()) {
      if (rule.name == name || family_from_key(name) == rule.family) {
        rules.emplace_back(rule.name);
        matched = true;
      }
    }
    if (!matched) {
      throw InputError(name, fmt::format("no rule or family is named '{}'{}; 'cpconf rules' lists them", name,
                                         did_you_mean(name, known)));
    }
  }
  return rules;
}

Validator::Validator(Settings settings) : m_settings(std::move(settings)), m_cases(m_settings.case_options) {
  auto selected = expand_rule_names(m_settings.select);
  auto ignored = expand_rule_names(m_settings.ignore);
  for (const auto& rule : all_rules()) {
    std::string name(rule.name);
    bool off = (!selected.empty() && std::find(selected.begin(), selected.end(), name) == selected.end()) ||
               std::find(ignored.begin(), ignored.end(), name) != ignored.end();
    if (off) m_switched_off.insert(name);
  }
}

const RuleSettings* Validator::settings_for(const RuleSettings* config_rules) {
  std::lock_guard lock(m_mutex);
  auto& merged = m_settings_by_config[config_rules];
  if (!merged) {
    merged = std::make_unique<RuleSettings>(config_rules != nullptr ? *config_rules : RuleSettings{});
    for (const auto& name : m_switched_off) (*merged)[name] = RuleSetting{false, std::nullopt};
  }
  return merged.get();
}

FileReport Validator::check(OpenedRecord& opened) {
  FileReport report;
  report.file = opened.display;
  report.findings = std::move(opened.loaded.findings);
  if (auto schema = foreign_schema(opened.text, opened.display); schema && !m_switched_off.count(schema->rule)) {
    report.findings.push_back(std::move(*schema));
  }
  std::optional<Record>& record = opened.loaded.record;
  if (record) {
    const Profile& profile = *opened.profile;
    const Calendar& calendar = *opened.calendar;
    const RuleSettings* settings = settings_for(opened.config_rules);
    report.profile = &profile;
    Findings checked = check_record(*record, profile, calendar, m_settings.as_of, settings);
    report.findings.insert(report.findings.end(), std::make_move_iterator(checked.begin()),
                           std::make_move_iterator(checked.end()));
    auto change = m_settings.changes.find(opened.path);
    bool changed = change != m_settings.changes.end();
    if (changed && !m_switched_off.count("edited-after-sign-off")) {
      if (auto edited = edited_after_sign_off(*record, change->second, m_settings.limits)) {
        report.findings.push_back(std::move(*edited));
      }
    }
    auto rule_runs = [&](std::string_view name) {
      // Without a change to compare, edited-after-sign-off has not looked at the record at all.
      if (name == "edited-after-sign-off" && !changed) return false;
      const Rule* rule = find_rule(name);
      return rule != nullptr && effective_severity(*rule, profile, settings).has_value();
    };
    WaiverResult waivers = apply_waivers(*record, m_settings.as_of, report.findings, rule_runs);
    report.findings.insert(report.findings.end(), std::make_move_iterator(waivers.problems.begin()),
                           std::make_move_iterator(waivers.problems.end()));
    report.waived = std::move(waivers.waived);
    // Findings made while loading and by the waivers follow the same severity settings as the rules.
    std::erase_if(report.findings, [&](Finding& finding) {
      const Rule* rule = find_rule(finding.rule);
      if (rule == nullptr || rule->check != nullptr) return false;
      auto severity = effective_severity(*rule, profile, settings);
      if (severity) finding.severity = *severity;
      return !severity;
    });
    const ConferenceInfo& c = record->conference;
    report.conference = ConferenceFacts{c.id.value_or(std::string()), c.case_id.value_or(std::string()),
                                        c.chair.value_or(std::string()), c.start ? c.start->date.str() : ""};
    report.case_entry = make_case_entry(*record, profile, calendar);
    report.case_entry->settings = opened.config_rules;
  }
  // Quoted text first: a name among it is the placeholder's, not the name's.
  if (m_settings.redact_names || m_settings.hide_quoted_text) hide_quoted_text(report);
  if (m_settings.redact_names && record) redact(report, *record, opened);
  sort_findings(report.findings);
  if (m_settings.keep_records) report.record = std::move(record);
  return report;
}

void Validator::redact(FileReport& report, const Record& record, const OpenedRecord& opened) {
  NameRedactor names(record);
  for (auto& finding : report.findings) finding.message = names.apply(finding.message);
  if (report.conference) {
    report.conference->id = names.apply(report.conference->id);
    report.conference->case_id = names.apply(report.conference->case_id);
  }
  for (auto& waived : report.waived) {
    waived.finding.message = names.apply(waived.finding.message);
    waived.reason = names.apply(waived.reason);
  }
  const ConferenceInfo& c = record.conference;
  std::string ids = fmt::format("{}\n{}\n{}\n{}", opened.display, c.id.value_or(std::string()),
                                c.case_id.value_or(std::string()), c.previous.value_or(std::string()));
  if (NameRedactor given_away = names.only_in(ids); !given_away.empty()) {
    std::lock_guard guard(m_mutex);
    m_id_names.insert_or_assign(opened.display, std::move(given_away));
  }
}

void Validator::hide_quoted_text(FileReport& report) {
  QuotedTextHider hider;
  for (auto& finding : report.findings) hider.hide(finding);
  for (auto& waived : report.waived) hider.hide(waived.finding);
  if (hider.empty()) return;
  std::lock_guard guard(m_mutex);
  m_quoted_text.insert_or_assign(report.file, std::move(hider));
}

void Validator::finish(const std::function<void(Finding&&)>& use) {
  // A message may quote other records' ids too: after the file's own names, every file's. The
  // map is in file order, so a name two files give away is always replaced the same way.
  std::vector<const NameRedactor*> in_file_order;
  for (const auto& [file, names] : m_id_names) in_file_order.push_back(&names);
  NameRedactor all = NameRedactor::joined(in_file_order);
  m_cases.check([&](Finding&& finding) {
    if (m_switched_off.count(finding.rule) > 0) return;
    bool hide = m_settings.redact_names || m_settings.hide_quoted_text;
    if (hide && !finding.quoted.empty()) m_quoted_text[finding.file].hide(finding);
    if (!m_id_names.empty()) {
      auto own = m_id_names.find(finding.file);
      if (own != m_id_names.end()) finding.message = own->second.apply(finding.message);
      finding.message = all.apply(finding.message);
    }
    use(std::move(finding));
  });
}

}  // namespace cpconf
