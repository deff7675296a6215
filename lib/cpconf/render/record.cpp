#include "cpconf/render/record.hpp"

#include <filesystem>
#include <functional>
#include <set>

#include "cpconf/batch.hpp"

namespace cpconf {

namespace {

std::string redacted_stem(const Redactor& redactor, const std::string& stem) {
  std::string redacted = redactor.apply(stem);
  std::string out;
  for (char c : redacted) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    // Initials bring dots ("H.-initial"), which a file name does without.
    if (keep) {
      out.push_back(c);
    } else if (c != '.') {
      out.push_back('_');
    }
  }
  return out.empty() ? "record" : out;
}

}  // namespace

RenderedRecord render_record(const Record& record, const Profile& profile, const FileReport& report,
                             const RenderSettings& settings) {
  RenderedRecord rendered;
  Document document = build_document(record, profile, &report, settings.build);
  rendered.content = settings.format->write(document, settings.write);
  std::string stem = std::filesystem::path(record.file).stem().string();
  if (stem.empty()) stem = "record";
  if (settings.build.redaction.level == Redaction::none) {
    rendered.file_stem = stem;
    rendered.source_name = record.file;
  } else {
    Redactor redactor(record, settings.build.redaction);
    rendered.file_stem = redacted_stem(redactor, stem);
    rendered.source_name = redactor.apply(record.file);
  }
  return rendered;
}

NamesByCase names_by_case(const std::vector<std::string>& files, Redaction level, RecordSource& source, unsigned jobs) {
  using CaseNames = std::pair<std::string, std::vector<std::string>>;
  std::map<std::string, std::set<std::string>> pooled;
  std::function<CaseNames(std::size_t)> work = [&](std::size_t i) {
    CaseNames names;
    if (files[i] == "-") return names;  // standard input is read once, by the rendering itself
    try {
      OpenedRecord opened = source.open(files[i]);
      const std::optional<Record>& record = opened.loaded.record;
      if (record && record->conference.case_id) names = {*record->conference.case_id, names_to_redact(*record, level)};
    } catch (const InputError&) {
      // Reported when the file is rendered.
    }
    return names;
  };
  std::function<void(std::size_t, CaseNames &&)> emit = [&](std::size_t, CaseNames&& names) {
    if (!names.first.empty()) pooled[names.first].insert(names.second.begin(), names.second.end());
  };
  ordered_parallel<CaseNames>(files.size(), jobs, work, emit);
  NamesByCase out;
  for (auto& [case_id, names] : pooled) out[case_id] = {names.begin(), names.end()};
  return out;
}

}  // namespace cpconf
