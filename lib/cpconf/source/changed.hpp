#pragma once

#include <map>
#include <string>
#include <vector>

#include "cpconf/git_changes.hpp"
#include "cpconf/load/yaml_tree.hpp"

namespace cpconf {

// What --changed-since checks: the changed inputs, and the other inputs the cross-record rules
// need beside them (context): those of the same case, and those sharing a conference id or a
// child's person number with a changed one. An input that cannot be read or loaded is context
// for nothing; a changed one is kept, to be reported.
struct ChangedSelection {
  std::vector<std::string> files;  // in input order
  std::vector<bool> context;       // per file: read for the cross-record rules only
};
ChangedSelection select_changed(const std::vector<std::string>& files, const std::map<std::string, FileChange>& changes,
                                const YamlLimits& limits, unsigned jobs);

}  // namespace cpconf
