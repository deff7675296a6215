#pragma once

#include <cstddef>
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
struct Inputs {
  SpilledList files;
  std::vector<InputError> errors;
  bool reads_stdin = false;  // "-" is among the files
};
Inputs collect_inputs(const std::vector<std::string>& paths);

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
