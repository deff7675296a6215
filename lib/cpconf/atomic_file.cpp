#include "cpconf/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "cpconf/finding.hpp"

namespace cpconf {

void write_file_atomically(const std::string& path, std::string_view content, unsigned mode, Durability durability) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temporary = (folder / fmt::format(".{}.tmp.XXXXXX", target.filename().string())).string();
  int fd = ::mkstemp(temporary.data());
  if (fd < 0) throw InputError(path, fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
  const char* data = content.data();
  std::size_t left = content.size();
  bool ok = true;
  while (ok && left > 0) {
    ssize_t written = ::write(fd, data, left);
    ok = written > 0;
    if (ok) {
      data += written;
      left -= static_cast<std::size_t>(written);
    }
  }
  ok = ok && ::fchmod(fd, static_cast<mode_t>(mode)) == 0 && (durability == Durability::cache || ::fsync(fd) == 0);
  int saved = errno;
  ::close(fd);
  if (!ok || std::rename(temporary.c_str(), path.c_str()) != 0) {
    if (ok) saved = errno;
    std::remove(temporary.c_str());
    throw InputError(path, fmt::format("cannot write '{}': {}", path, std::strerror(saved)));
  }
}

}  // namespace cpconf
