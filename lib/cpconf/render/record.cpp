#include "cpconf/render/record.hpp"

#include <filesystem>

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

}  // namespace cpconf
