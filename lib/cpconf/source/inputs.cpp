#include "cpconf/source/inputs.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <system_error>
#include <unordered_set>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "cpconf/load/profile.hpp"

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

// cpconf's own files: a configuration, a baseline or a profile, known by its first key.
constexpr std::string_view k_own_keys[] = {"cpconf-config", "cpconf-baseline", "cpconf-profile"};

// Whether text holds a whole line that is not blank, a comment or a directive: the line
// starts_with_key decides by, so that reading further would not change its answer.
bool has_first_content_line(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) return false;
    std::string_view line = text.substr(pos, end - pos);
    if (line.ends_with('\r')) line.remove_suffix(1);
    auto first = line.find_first_not_of(" \t");
    bool skipped = first == std::string_view::npos || line[first] == '#' || line == "---" || line.starts_with("%");
    if (!skipped) return true;
    pos = end + 1;
  }
  return false;
}

}  // namespace

std::optional<FileIdentity> identify_file(const std::string& path, bool read_first_key) {
  if (!read_first_key) {
    // Not even opened: a file named may be a device or a FIFO, which only its command reads.
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) return std::nullopt;
    return FileIdentity{static_cast<std::uint64_t>(status.st_dev), static_cast<std::uint64_t>(status.st_ino), false};
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  FileIdentity identity;
  struct stat status {};
  if (::fstat(fd, &status) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  identity.device = static_cast<std::uint64_t>(status.st_dev);
  identity.inode = static_cast<std::uint64_t>(status.st_ino);
  // Only a regular file's beginning is read: a FIFO or a device named *.yaml is left to the
  // command, whose reader reports it.
  if (S_ISREG(status.st_mode)) {
    std::string text;
    constexpr std::size_t k_chunk = 4096, k_most = 64 * 1024;
    while (text.size() < k_most && !has_first_content_line(text)) {
      char buffer[k_chunk];
      ssize_t got = ::read(fd, buffer, sizeof buffer);
      if (got <= 0) break;
      text.append(buffer, static_cast<std::size_t>(got));
    }
    for (std::string_view key : k_own_keys) {
      if (starts_with_key(text, key)) identity.own_file = true;
    }
  }
  ::close(fd);
  return identity;
}

namespace {

// Appends the records under a folder to found, and each folder that cannot be listed to errors,
// then goes on with the rest. The order is that of the paths as strings, as if every path found
// were sorted: a folder's entries are sorted by name, a sub-folder's name followed by '/' (so
// "a-b.yaml" comes before "a/x.yaml", and "a.yaml" before both). Only the listings of the
// folders being walked are held, each in one buffer, and found spills to disk: an archive of
// 50,000 records in one folder needs about 1.5 MB while that folder is listed. Symbolic links
// to folders are not followed, so that a link loop cannot trap the walk.
void find_records(const fs::path& folder, const std::function<void(std::string)>& found,
                  std::vector<InputError>& errors) {
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
      found((folder / name).string());
    }
  }
}

}  // namespace

Inputs collect_inputs(const std::vector<std::string>& paths) {
  Inputs inputs;
  std::unordered_set<FileIdentity, FileIdentity::Hash> seen;
  // Adds a file unless it was met before under this name or another. A file found in a folder
  // is left out also when it is one of cpconf's own; a file named is what it is named as.
  auto add = [&](std::string path, bool found_in_folder) {
    if (auto identity = identify_file(path, found_in_folder)) {
      if (identity->own_file || !seen.insert(*identity).second) return;
    }
    inputs.files.push_back(path);
  };
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
      add(path, false);
      continue;
    }
    find_records(path, [&](std::string file) { add(std::move(file), true); }, inputs.errors);
  }
  return inputs;
}

}  // namespace cpconf
