#include "cpconf/source/inputs.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <system_error>

#include <fmt/format.h>

namespace cpconf {

namespace fs = std::filesystem;

namespace {

bool is_record_file(const fs::path& path) {
  auto extension = path.extension();
  return extension == ".yaml" || extension == ".yml";
}

// Folders that hold no records: version control, caches, dependencies.
bool is_skipped_directory(const fs::path& path) {
  auto name = path.filename().string();
  return name == ".git" || name == ".cpconf-cache" || name == "node_modules";
}

// Appends the records under a folder to found, and each folder that cannot be listed to errors,
// then goes on with the rest. The order is that of the paths as strings, as if every path found
// were sorted: a folder's entries are sorted by name, a sub-folder's name followed by '/' (so
// "a-b.yaml" comes before "a/x.yaml", and "a.yaml" before both). Only the listings of the
// folders being walked are held, each in one buffer, and found spills to disk: an archive of
// 50,000 records in one folder needs about 1.5 MB while that folder is listed. Symbolic links
// to folders are not followed, so that a link loop cannot trap the walk.
void find_records(const fs::path& folder, SpilledList& found, std::vector<InputError>& errors) {
  std::error_code error;
  fs::directory_iterator it(folder, error), end;
  std::string names;  // each entry's name, then '/' for a folder, then '\0'
  std::vector<std::uint32_t> starts;
  for (; !error && it != end; it.increment(error)) {
    std::error_code type_error;
    bool is_folder = !it->is_symlink(type_error) && it->is_directory(type_error);
    bool wanted =
        is_folder ? !is_skipped_directory(it->path()) : is_record_file(it->path()) && !it->is_directory(type_error);
    if (!wanted) continue;
    starts.push_back(static_cast<std::uint32_t>(names.size()));
    names += it->path().filename().string();
    names += is_folder ? "/" : "";
    names += '\0';
  }
  if (error) {
    errors.emplace_back(folder.string(), fmt::format("cannot list '{}': {}", folder.string(), error.message()));
  }
  auto name_at = [&](std::uint32_t start) { return std::string_view(names.c_str() + start); };
  std::sort(starts.begin(), starts.end(), [&](std::uint32_t a, std::uint32_t b) { return name_at(a) < name_at(b); });
  for (std::uint32_t start : starts) {
    std::string_view name = name_at(start);
    if (name.back() == '/') {
      find_records(folder / name.substr(0, name.size() - 1), found, errors);
    } else {
      found.push_back((folder / name).string());
    }
  }
}

}  // namespace

Inputs collect_inputs(const std::vector<std::string>& paths) {
  Inputs inputs;
  for (const auto& path : paths) {
    if (path == "-") {
      if (inputs.reads_stdin) {
        inputs.errors.emplace_back(path, "'-' is given more than once: standard input can be read only once");
        continue;
      }
      inputs.files.push_back(path);
      inputs.reads_stdin = true;
      continue;
    }
    std::error_code error;
    auto status = fs::status(path, error);
    if (error == std::errc::too_many_symbolic_link_levels) {
      inputs.errors.emplace_back(path, fmt::format("cannot read '{}': it is a symbolic link loop", path));
      continue;
    }
    if (error || !fs::exists(status)) {
      inputs.errors.emplace_back(path, fmt::format("cannot read '{}': no such file or directory", path));
      continue;
    }
    if (!fs::is_directory(status)) {
      inputs.files.push_back(path);
      continue;
    }
    find_records(path, inputs.files, inputs.errors);
  }
  return inputs;
}

}  // namespace cpconf
