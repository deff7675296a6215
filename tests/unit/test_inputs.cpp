#include "cpconf/source/inputs.hpp"

#include <filesystem>
#include <string>
#include <vector>

#include <sys/stat.h>

#include "support.hpp"

using namespace cpconf;

namespace {

std::vector<std::string> listed(const std::vector<std::string>& paths) {
  Inputs inputs = collect_inputs(paths);
  CHECK(inputs.errors.empty());
  return inputs.files.to_vector();
}

}  // namespace

TEST_CASE("a folder's own cpconf files are left out of its records, and a file named is kept") {
  test::TempFolder folder;
  std::string record = folder.write("a.yaml", "cpconf: 1\n");
  std::string config = folder.write(".cpconf.yaml", "# settings\n\ncpconf-config: 1\n");
  std::string baseline = folder.write("baseline.yaml", "\xEF\xBB\xBF---\ncpconf-baseline: 2\nfindings: []\n");
  std::string profile = folder.write("profiles/local.yml", "%YAML 1.2\n---\n\"cpconf-profile\": 1\n");
  // Only the first key counts: a record that mentions a version key later is a record.
  std::string mentions = folder.write("b.yaml", "cpconf: 1\ncpconf-config: 1\n");
  // A first key past a long comment is still found.
  std::string long_comment = folder.write("c.yaml", std::string(20000, '#') + "\ncpconf-profile: 1\n");
  // Without a line end, the only line is still the first key.
  std::string no_newline = folder.write("d.yaml", "cpconf-baseline: 2");
  CHECK(listed({folder.path().string()}) == std::vector<std::string>{record, mentions});
  CHECK(listed({config, baseline, profile}) == std::vector<std::string>{config, baseline, profile});
  CHECK(identify_file(long_comment, true)->own_file);
  CHECK(identify_file(no_newline, true)->own_file);
  CHECK_FALSE(identify_file(no_newline, false)->own_file);
  CHECK_FALSE(identify_file(folder.path().string() + "/none.yaml", true).has_value());
}

TEST_CASE("a file is listed once however often and under whatever name it is met") {
  test::TempFolder folder;
  std::string a = folder.write("cases/a.yaml", "cpconf: 1\n");
  std::string b = folder.write("cases/b.yaml", "cpconf: 1\n");
  std::string cases = (folder.path() / "cases").string();
  // Named twice, named after its folder, and named before it: the first place is kept.
  CHECK(listed({a, a}) == std::vector<std::string>{a});
  CHECK(listed({cases, b, cases + "/./a.yaml"}) == std::vector<std::string>{a, b});
  CHECK(listed({b, cases}) == std::vector<std::string>{b, a});
  // A link to a record, and a second hard link to it, are that record.
  std::filesystem::create_symlink(a, folder.path() / "cases/c-link.yaml");
  std::filesystem::create_hard_link(b, folder.path() / "cases/d-hard.yaml");
  CHECK(listed({cases}) == std::vector<std::string>{a, b});
  // Two files with the same text are two records.
  std::string copy = folder.write("cases/e.yaml", "cpconf: 1\n");
  CHECK(listed({cases}) == std::vector<std::string>{a, b, copy});
}

TEST_CASE("standard input is listed once, and a file that cannot be opened is left to its command") {
  test::TempFolder folder;
  std::string unreadable = folder.write("x.yaml", "cpconf: 1\n");
  std::filesystem::permissions(unreadable, std::filesystem::perms::none);
  Inputs inputs = collect_inputs({"-", unreadable});
  CHECK(inputs.files.to_vector() == std::vector<std::string>{"-", unreadable});
  CHECK(inputs.reads_stdin);
}

TEST_CASE("a FIFO named *.yaml in a folder is listed without being read, so the listing never waits on it") {
  test::TempFolder folder;
  std::string fifo = (folder.path() / "pipe.yaml").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(listed({folder.path().string()}) == std::vector<std::string>{fifo});
  CHECK_FALSE(identify_file(fifo, true)->own_file);
}
