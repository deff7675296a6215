#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cpconf/finding.hpp"
#include "cpconf/git_changes.hpp"
#include "cpconf/load/model.hpp"
#include "cpconf/load/yaml_tree.hpp"

// Rules about a record's file rather than its content: its first line, and its history. The
// Validator applies them, since no rule of a family sees the text or the change.
namespace cpconf {

// foreign-schema: a first line "# yaml-language-server: $schema=X" whose X is not cpconf's.
std::optional<Finding> foreign_schema(std::string_view text, const std::string& file);

// edited-after-sign-off: the record's latest change came after its sign-off, and the record was
// already signed off before that change (a change that signs a record off is no edit of it).
std::optional<Finding> edited_after_sign_off(const Record& record, const FileChange& change, const YamlLimits& limits);

}  // namespace cpconf
