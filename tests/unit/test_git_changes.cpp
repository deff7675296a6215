#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <doctest/doctest.h>

#include "cpconf/finding.hpp"
#include "cpconf/git_changes.hpp"

using namespace cpconf;

namespace {

namespace fs = std::filesystem;

// A throwaway repository with a history of fixed dates:
//   2026-01-10  a, b, c          (tagged base)
//   2026-03-05  a and b edited
//   2026-04-20  a edited         (HEAD)
//   not committed: c edited, d new and untracked
class Repository {
 public:
  Repository() {
    std::string pattern = (fs::temp_directory_path() / "cpconf-git-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    m_dir = fs::canonical(pattern);
    run("git init -q -b main");
    write("a.yaml", "a1\n");
    write("b.yaml", "b1\n");
    write("c.yaml", "c1\n");
    run("git add a.yaml b.yaml c.yaml");
    commit("2026-01-10");
    run("git tag base");
    write("a.yaml", "a2\n");
    write("b.yaml", "b2\n");
    commit("2026-03-05");
    m_middle = output("git rev-parse HEAD");
    write("a.yaml", "a3\n");
    commit("2026-04-20");
    m_head = output("git rev-parse HEAD");
    write("c.yaml", "c2\n");
    write("d.yaml", "d1\n");
  }
  ~Repository() { fs::remove_all(m_dir); }

  std::string path(const std::string& name) const { return (m_dir / name).string(); }
  const std::string& head() const { return m_head; }
  const std::string& middle() const { return m_middle; }

 private:
  void write(const std::string& name, const std::string& text) const { std::ofstream(m_dir / name) << text; }
  void run(const std::string& command) const {
    std::string line = "cd '" + m_dir.string() + "' && HOME='" + m_dir.string() +
                       "' GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=T GIT_AUTHOR_EMAIL=t@example.org "
                       "GIT_COMMITTER_NAME=T GIT_COMMITTER_EMAIL=t@example.org " +
                       command;
    REQUIRE(std::system(line.c_str()) == 0);
  }
  void commit(const std::string& date) const {
    std::string when = date + "T12:00:00+0000";
    run("GIT_AUTHOR_DATE=" + when + " GIT_COMMITTER_DATE=" + when + " git commit -qam '" + date + "'");
  }
  std::string output(const std::string& command) const {
    run(command + " > .out");
    std::ifstream in(m_dir / ".out");
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    fs::remove(m_dir / ".out");
    return text.substr(0, text.find('\n'));
  }

  fs::path m_dir;
  std::string m_middle, m_head;
};

constexpr Date k_today{2026, 11, 22};

}  // namespace

TEST_CASE("git changes: each changed file's latest change, committed or not") {
  Repository repo;
  std::vector<std::string> files = {repo.path("a.yaml"), repo.path("b.yaml"), repo.path("c.yaml"), repo.path("d.yaml")};
  auto changes = changes_since(files, "base", k_today);
  REQUIRE(changes.size() == 4);

  const FileChange& a = changes.at(files[0]);
  CHECK(a.path == "a.yaml");
  CHECK(a.commit == repo.head());
  CHECK(a.date == Date{2026, 4, 20});
  CHECK(text_before(a) == std::optional<std::string>("a2\n"));

  const FileChange& b = changes.at(files[1]);
  CHECK(b.commit == repo.middle());
  CHECK(b.date == Date{2026, 3, 5});
  CHECK(text_before(b) == std::optional<std::string>("b1\n"));

  const FileChange& c = changes.at(files[2]);  // committed in base, edited since: as of today
  CHECK(c.commit.empty());
  CHECK(c.date == k_today);
  CHECK(text_before(c) == std::optional<std::string>("c1\n"));

  const FileChange& d = changes.at(files[3]);  // untracked: nothing before it
  CHECK(d.commit.empty());
  CHECK(d.date == k_today);
  CHECK(text_before(d) == std::nullopt);
}

TEST_CASE("git changes: files unchanged since the revision are absent") {
  Repository repo;
  auto changes = changes_since({repo.path("a.yaml"), repo.path("b.yaml"), repo.path("c.yaml")}, "HEAD", k_today);
  REQUIRE(changes.size() == 1);
  CHECK(changes.begin()->first == repo.path("c.yaml"));
}

TEST_CASE("git changes: an unknown revision and a file outside git are input errors") {
  Repository repo;
  CHECK_THROWS_WITH_AS(changes_since({repo.path("a.yaml")}, "no-such-tag", k_today),
                       doctest::Contains("'no-such-tag' is not a revision of this repository"), InputError);
  // The root folder is in no git working tree on any machine that runs the tests.
  CHECK_THROWS_WITH_AS(changes_since({"/"}, "base", k_today), "--changed-since: '/' is not in a git working tree",
                       InputError);
}
