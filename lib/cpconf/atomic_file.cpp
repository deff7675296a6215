#include "cpconf/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpconf/finding.hpp"

namespace cpconf {

bool write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

void write_file_atomically(const std::string& path, std::string_view content, unsigned mode, Durability durability) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temporary = (folder / fmt::format(".{}.tmp.XXXXXX", target.filename().string())).string();
  int fd = ::mkstemp(temporary.data());
  if (fd < 0) throw InputError(path, fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
  bool ok = write_all(fd, content) && ::fchmod(fd, static_cast<mode_t>(mode)) == 0 &&
            (durability == Durability::cache || ::fsync(fd) == 0);
  int saved = errno;
  ::close(fd);
  if (!ok || std::rename(temporary.c_str(), path.c_str()) != 0) {
    if (ok) saved = errno;
    std::remove(temporary.c_str());
    throw InputError(path, fmt::format("cannot write '{}': {}", path, std::strerror(saved)));
  }
}

}  // namespace cpconf
