#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cpconf/date.hpp"

// What changed in git working trees since a revision. git is run as a program, never linked as
// a library: its command line is stable, and what it prints is what its users see.
namespace cpconf {

struct FileChange {
  Date date;           // of the latest change: its commit's date, or "today" when not committed
  std::string commit;  // that commit; empty when the change is not committed
  std::string top;     // the working tree's top folder
  std::string path;    // the file's path in the repository
};

// The files among `files` changed since the merge base of `ref` and HEAD, committed or not
// (staged, unstaged, untracked), keyed by the path as given. Each file's working tree is found
// from its folder. Throws InputError when git cannot answer: git missing, a folder outside any
// working tree, a revision that does not exist.
std::map<std::string, FileChange> changes_since(const std::vector<std::string>& files, const std::string& ref,
                                                Date today);

// The file as it was before its latest change; nothing when it did not exist then. Throws
// InputError when git cannot be run.
std::optional<std::string> text_before(const FileChange& change);

}  // namespace cpconf
