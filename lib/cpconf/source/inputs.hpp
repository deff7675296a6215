#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cpconf/batch.hpp"
#include "cpconf/finding.hpp"
#include "cpconf/spill.hpp"

namespace cpconf {

// Files named, and *.yaml / *.yml found under directories named, in a stable order: each
// directory's records sorted by path. Paths that do not exist or cannot be listed go to errors.
// The list spills to a temporary file, so that it costs little memory however long it is.
//
// Each file is listed once: one met again (named twice, named and found in a folder named, or
// reached through a link) keeps its first place only, so that no command reads it twice and
// no cross-record rule takes it for another record (the set of files met costs some 50 bytes
// a file). A file found in a folder whose first key is cpconf-config, cpconf-baseline or
// cpconf-profile is cpconf's own, not a record, and is left out without a word; a file named
// is kept whatever it holds, and checked as a record.
struct Inputs {
  SpilledList files;
  std::vector<InputError> errors;
  bool reads_stdin = false;  // "-" is among the files
};
Inputs collect_inputs(const std::vector<std::string>& paths);

// What collect_inputs knows of one file: which file it is, whatever name it goes by, and, when
// asked to read its first key, whether it is one of cpconf's own files. Nothing when the file
// cannot be opened (its command then reports why).
struct FileIdentity {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  bool own_file = false;
  bool operator==(const FileIdentity& other) const { return device == other.device && inode == other.inode; }
  struct Hash {
    std::size_t operator()(const FileIdentity& id) const { return std::hash<std::uint64_t>()(id.inode * 31 + id.device); }
  };
};
std::optional<FileIdentity> identify_file(const std::string& path, bool read_first_key);

// Runs work on each input file on `jobs` threads (one when standard input is among them: it can
// be read once only) and hands the results to emit in input order, reading the list as it goes.
template <class Result>
void ordered_over_inputs(Inputs& inputs, unsigned jobs, const std::function<Result(std::size_t, std::string&)>& work,
                         const std::function<void(std::size_t, Result&&)>& emit) {
  SpilledList::Reader files = inputs.files.reader();
  std::function<std::optional<std::string>()> next = [&] { return files.next(); };
  ordered_stream<std::string, Result>(next, inputs.reads_stdin ? 1 : jobs, work, emit);
}

}  // namespace cpconf
