#include "cpconf/source/case_names.hpp"

#include <functional>
#include <set>
#include <utility>

namespace cpconf {

NamesByCase names_by_case(Inputs& inputs, Redaction level, RecordSource& source, unsigned jobs) {
  if (level == Redaction::none || inputs.files.size() + inputs.errors.size() < 2) return {};
  using CaseNames = std::pair<std::string, std::vector<std::string>>;
  std::map<std::string, std::set<std::string>> pooled;
  std::function<CaseNames(std::size_t, std::string&)> work = [&](std::size_t, std::string& path) {
    CaseNames names;
    if (path == "-") return names;  // standard input is read once, by the command itself
    try {
      OpenedRecord opened = source.open(path);
      const std::optional<Record>& record = opened.loaded.record;
      if (record && record->conference.case_id) names = {*record->conference.case_id, names_to_redact(*record, level)};
    } catch (const InputError&) {
      // Reported when the command reads the file.
    }
    return names;
  };
  std::function<void(std::size_t, CaseNames &&)> emit = [&](std::size_t, CaseNames&& names) {
    if (!names.first.empty()) pooled[names.first].insert(names.second.begin(), names.second.end());
  };
  // Standard input is skipped, so every file may be read on any thread.
  SpilledList::Reader files = inputs.files.reader();
  std::function<std::optional<std::string>()> next = [&] { return files.next(); };
  ordered_stream<std::string, CaseNames>(next, jobs, work, emit);
  NamesByCase out;
  for (auto& [case_id, names] : pooled) out[case_id] = {names.begin(), names.end()};
  return out;
}

RedactionOptions with_case_names(RedactionOptions options, const NamesByCase& case_names, const Record& record) {
  auto pooled = case_names.find(record.conference.case_id.value_or(std::string()));
  if (pooled != case_names.end()) {
    options.extra_names.insert(options.extra_names.end(), pooled->second.begin(), pooled->second.end());
  }
  return options;
}

}  // namespace cpconf
