#include "cpconf/vote/open_votes.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cpconf/check/names.hpp"

namespace cpconf {

std::variant<VoteRecord, LoadFailure> open_votes(RecordSource& source, const std::string& path,
                                                 const RedactionOptions& redaction) {
  std::string display = path == "-" ? source.settings().stdin_name : path;
  VoteRecord result;
  try {
    result.opened = source.open(path);
  } catch (const ProfileError& error) {
    return LoadFailure{display, error.what(), error.findings(), {}};
  } catch (const InputError& error) {
    return LoadFailure{display, error.what(), {}, {}};
  }
  OpenedRecord& opened = result.opened;
  Findings errors = std::move(opened.loaded.findings);
  std::erase_if(errors, [](const Finding& f) { return f.severity != Severity::error; });
  if (redaction.level != Redaction::none && !errors.empty()) {
    // What is said about a record that fails hides what its output would: no source lines.
    std::optional<Redactor> redactor;
    if (opened.loaded.record) redactor.emplace(*opened.loaded.record, redaction);
    display = redact_findings(errors, display, redactor ? &*redactor : nullptr);
    opened.text.clear();
  }
  if (opened.loaded.record && opened.unknown_profile && errors.size() == 1) {
    // Checked against england instead: the votes would be read under the wrong decision mode.
    return LoadFailure{
        display, fmt::format("'{}' names a profile cpconf does not know, so its decision mode is unknown", display),
        std::move(errors), std::move(opened.text)};
  }
  if (!opened.loaded.record || !errors.empty()) {
    if (opened.unknown_profile) errors.pop_back();  // the loader's own errors are the reason
    sort_findings(errors);
    return LoadFailure{display, fmt::format("'{}' does not load as a conference record", display), std::move(errors),
                       std::move(opened.text)};
  }
  return result;
}

}  // namespace cpconf
