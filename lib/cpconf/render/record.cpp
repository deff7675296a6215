#include "cpconf/render/record.hpp"

#include <filesystem>

#include "cpconf/text/utf8.hpp"

namespace cpconf {

namespace {

std::string redacted_stem(const Redactor& redactor, const std::string& stem) {
  std::string redacted = redactor.apply(stem);
  std::string out;
  for (std::size_t at = 0; at < redacted.size();) {
    CodePoint point = decode_at(redacted, at);
    char32_t c = point.value;
    bool keep = (c >= '0' && c <= '9') || c == '-' || c == '_' || (point.valid && is_letter(c));
    // Initials bring dots ("H.-initial"), which a file name does without; a letter of any
    // script stays ("Å-initial").
    if (keep) {
      out.append(redacted, at, point.length);
    } else if (c != '.') {
      out.push_back('_');
    }
    at += point.length;
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
