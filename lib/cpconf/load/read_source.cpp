#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpconf/finding.hpp"
#include "cpconf/load/yaml_tree.hpp"

// read_source (yaml_tree.hpp): a record's bytes from a file or standard input, within the limit.
namespace cpconf {

std::string read_source(const std::string& path, std::size_t max_bytes, std::string_view stdin_name) {
  std::string text;
  if (path == "-") {
    // Read a piece at a time and never past the limit: standard input may be endless (/dev/zero).
    std::size_t got = 0;
    for (;;) {
      std::size_t room = std::min<std::size_t>(64 * 1024, max_bytes + 1 - got);
      text.resize(got + room);
      ssize_t n = ::read(STDIN_FILENO, text.data() + got, room);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        throw InputError(std::string(stdin_name),
                         fmt::format("cannot read {} (standard input): {}", stdin_name, std::strerror(errno)));
      }
      if (n == 0) break;
      got += static_cast<std::size_t>(n);
      if (got > max_bytes) {
        throw InputError(std::string(stdin_name),
                         fmt::format("{} (standard input) is larger than {} bytes: a record is far smaller; "
                                     "nothing more was read",
                                     stdin_name, max_bytes));
      }
    }
    text.resize(got);
    return text;
  }
  auto cannot_read = [&](int error) {
    return InputError(path, fmt::format("cannot read '{}': {}", path, std::strerror(error)));
  };
  // Opened before it is looked at, so that what is checked is what is read; O_NONBLOCK so that
  // opening a FIFO does not wait for a writer (it is refused below).
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw cannot_read(errno);
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) throw cannot_read(errno);
  if (S_ISDIR(info.st_mode)) throw InputError(path, fmt::format("'{}' is a directory", path));
  if (!S_ISREG(info.st_mode)) {
    throw InputError(path, fmt::format("'{}' is not a regular file (a FIFO, device or socket)", path));
  }
  text.resize(std::min<std::size_t>(static_cast<std::size_t>(info.st_size), max_bytes + 1));
  std::size_t got = 0;
  while (got < text.size()) {
    ssize_t n = ::read(fd, text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw cannot_read(errno);
    if (n == 0) break;  // the file shrank while it was read
    got += static_cast<std::size_t>(n);
  }
  text.resize(got);
  return text;
}

}  // namespace cpconf
