#include "cpconf/git_changes.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <system_error>

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cpconf/finding.hpp"

extern char** environ;

namespace cpconf {

namespace fs = std::filesystem;

namespace {

struct GitResult {
  int status = -1;  // the exit status; -1 when git did not exit normally
  std::string out;
  std::string err;
  bool ok() const { return status == 0; }
};

// Closes a descriptor when it goes out of scope.
struct Descriptor {
  explicit Descriptor(int descriptor) : fd(descriptor) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
  int fd;
  void close() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

// Runs `git -C dir args...` without a shell and collects what it prints. Only git itself
// missing or unstartable throws; git's own failures come back as a status.
GitResult run_git(const std::string& dir, const std::vector<std::string>& args) {
  std::vector<std::string> argv_strings = {"git", "-C", dir};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_strings) argv.push_back(arg.data());
  argv.push_back(nullptr);
  // git diff and git status may otherwise refresh the index: reading must not write.
  std::string no_locks = "GIT_OPTIONAL_LOCKS=0";
  std::vector<char*> envp;
  for (char** e = environ; *e != nullptr; ++e) {
    if (std::strncmp(*e, "GIT_OPTIONAL_LOCKS=", 19) != 0) envp.push_back(*e);
  }
  envp.push_back(no_locks.data());
  envp.push_back(nullptr);

  std::array<int, 2> out_pipe{}, err_pipe{};
  if (::pipe2(out_pipe.data(), O_CLOEXEC) != 0) throw InputError("git", "cannot run git: no pipe");
  Descriptor out_read(out_pipe[0]), out_write(out_pipe[1]);
  if (::pipe2(err_pipe.data(), O_CLOEXEC) != 0) throw InputError("git", "cannot run git: no pipe");
  Descriptor err_read(err_pipe[0]), err_write(err_pipe[1]);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_write.fd, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_write.fd, STDERR_FILENO);
  pid_t pid = 0;
  int spawned = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    throw InputError("git", fmt::format("cannot run git: {}", std::system_category().message(spawned)));
  }
  out_write.close();
  err_write.close();

  GitResult result;
  std::array<pollfd, 2> fds{pollfd{out_read.fd, POLLIN, 0}, pollfd{err_read.fd, POLLIN, 0}};
  std::array<std::string*, 2> sinks{&result.out, &result.err};
  int open_streams = 2;
  std::array<char, 65536> buffer{};
  while (open_streams > 0) {
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = ::read(fds[i].fd, buffer.data(), buffer.size());
      if (n > 0) {
        sinks[i]->append(buffer.data(), static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        fds[i].fd = -1;
        --open_streams;
      }
    }
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) result.status = WEXITSTATUS(status);
  // posix_spawnp reports a missing program as a child exiting 127.
  if (result.status == 127 && result.out.empty() && result.err.empty()) {
    throw InputError("git", "cannot run git: it is not installed (or not on PATH)");
  }
  return result;
}

// git's first line of complaint, for a message of our own.
std::string first_line(const std::string& text) {
  auto end = text.find('\n');
  std::string line = text.substr(0, end);
  if (line.rfind("fatal: ", 0) == 0) line.erase(0, 7);
  return line;
}

// NUL-separated names, as git's -z prints them.
std::vector<std::string> split_nul(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\0', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) items.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

GitResult git_or_throw(const std::string& dir, const std::vector<std::string>& args, const std::string& what) {
  GitResult result = run_git(dir, args);
  if (!result.ok()) throw InputError(dir, fmt::format("{}: {}", what, first_line(result.err)));
  return result;
}

// One working tree's changes since the merge base: path in the repository -> change.
std::map<std::string, FileChange> tree_changes(const std::string& top, const std::string& ref, Date today) {
  std::string where = fmt::format("--changed-since {} in the git working tree {}", ref, top);
  GitResult verified = run_git(top, {"rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"});
  if (!verified.ok()) throw InputError(top, fmt::format("{}: '{}' is not a revision of this repository", where, ref));
  std::string base = first_line(git_or_throw(top, {"merge-base", first_line(verified.out), "HEAD"}, where).out);

  // The files changed against a revision, and those git does not track yet.
  auto changed_since = [&](const std::string& revision) {
    return split_nul(git_or_throw(top, {"diff", "--name-only", "-z", "--no-renames", revision, "--"}, where).out);
  };
  auto untracked = split_nul(git_or_throw(top, {"ls-files", "-z", "--others", "--exclude-standard"}, where).out);
  std::set<std::string> uncommitted(untracked.begin(), untracked.end());
  for (auto& path : changed_since("HEAD")) uncommitted.insert(std::move(path));
  // Newest first: the first commit that names a file is its latest change. Merges count with
  // what they brought in over their first parent.
  std::map<std::string, FileChange> latest_commit;
  GitResult log = git_or_throw(top,
                               {"log", "-z", "--format=%x01%H %cd", "--date=short", "--name-only", "--no-renames",
                                "--diff-merges=first-parent", base + "..HEAD", "--"},
                               where);
  FileChange current;
  for (auto item : split_nul(log.out)) {
    if (!item.empty() && item.front() == '\n') item.erase(0, 1);
    if (!item.empty() && item.front() == '\x01') {
      auto space = item.find(' ');
      current.commit = item.substr(1, space - 1);
      current.date = parse_date(item.substr(space + 1)).value_or(today);
      continue;
    }
    if (!item.empty() && !current.commit.empty()) latest_commit.emplace(item, current);
  }

  std::map<std::string, FileChange> changes;
  auto note = [&](const std::string& path) {
    FileChange change{today, "", top, path};
    if (!uncommitted.count(path)) {
      auto it = latest_commit.find(path);
      if (it != latest_commit.end()) change = it->second;
    }
    change.top = top;
    change.path = path;
    changes.emplace(path, std::move(change));
  };
  for (const auto& path : changed_since(base)) note(path);
  for (const auto& path : untracked) note(path);
  return changes;
}

}  // namespace

std::map<std::string, FileChange> changes_since(const std::vector<std::string>& files, const std::string& ref,
                                                Date today) {
  std::map<std::string, std::string> top_of_folder;
  std::map<std::string, std::map<std::string, FileChange>> by_top;
  std::map<std::string, FileChange> changes;
  for (const auto& file : files) {
    std::error_code error;
    fs::path canonical = fs::canonical(file, error);
    if (error) continue;  // unreadable inputs are reported when they are read
    std::string folder = canonical.parent_path().string();
    auto top_it = top_of_folder.find(folder);
    if (top_it == top_of_folder.end()) {
      GitResult top = run_git(folder, {"rev-parse", "--show-toplevel"});
      if (!top.ok()) {
        throw InputError(file, fmt::format("--changed-since: '{}' is not in a git working tree", file));
      }
      std::string top_path = fs::canonical(first_line(top.out), error).string();
      top_it = top_of_folder.emplace(folder, top_path).first;
    }
    const std::string& top = top_it->second;
    auto tree = by_top.find(top);
    if (tree == by_top.end()) tree = by_top.emplace(top, tree_changes(top, ref, today)).first;
    auto it = tree->second.find(canonical.lexically_relative(top).generic_string());
    if (it != tree->second.end()) changes.emplace(file, it->second);
  }
  return changes;
}

std::optional<std::string> text_before(const FileChange& change) {
  std::string revision = change.commit.empty() ? "HEAD" : change.commit + "^";
  GitResult shown = run_git(change.top, {"show", fmt::format("{}:{}", revision, change.path)});
  if (!shown.ok()) return std::nullopt;
  return shown.out;
}

}  // namespace cpconf
