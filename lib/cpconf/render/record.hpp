#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cpconf/check/file_report.hpp"
#include "cpconf/render/build.hpp"
#include "cpconf/render/render.hpp"
#include "cpconf/source/record_source.hpp"

namespace cpconf {

struct RenderSettings {
  const RenderFormat* format = nullptr;
  BuildOptions build;
  WriteOptions write;
};

struct RenderedRecord {
  std::string content;
  // A file name for the output, without extension: the input's, redacted as the record is
  // and kept to letters (of any script), digits, '-' and '_' when redacting.
  std::string file_stem;
  // The input's name as messages give it: redacted as the record is.
  std::string source_name;
};

// One record's written record in the format asked for, with the findings of its report.
RenderedRecord render_record(const Record& record, const Profile& profile, const FileReport& report,
                             const RenderSettings& settings);

}  // namespace cpconf
