#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cpconf/finding.hpp"
#include "cpconf/load/model.hpp"
#include "cpconf/load/yaml_tree.hpp"

namespace cpconf {

struct LoadedRecord {
  std::optional<Record> record;  // absent when the file is not readable as a record at all
  Findings findings;             // record-family findings met while loading
};

// Reads a record held in memory; never throws.
LoadedRecord load_record(std::string_view text, const std::string& file, const YamlLimits& limits = {});

// Reads a record from an already parsed tree (from parse_yaml or the tree cache).
LoadedRecord read_record(ParsedYaml parsed, const std::string& file);

}  // namespace cpconf
