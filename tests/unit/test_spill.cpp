#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <dirent.h>
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpconf/spill.hpp"

namespace {

using cpconf::Finding;
using cpconf::Findings;
using cpconf::FindingSorter;
using cpconf::SpillBuckets;
using cpconf::SpilledList;
using cpconf::SpillStore;

// The files this process has open that no longer have a name, with their modes.
std::vector<mode_t> open_nameless_files() {
  std::vector<mode_t> modes;
  for (const auto& fd : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code error;
    std::string target = std::filesystem::read_symlink(fd.path(), error).string();
    if (error || target.find(" (deleted)") == std::string::npos) continue;
    struct stat info {};
    if (::stat(fd.path().c_str(), &info) == 0) modes.push_back(info.st_mode & 07777);
  }
  return modes;
}

// Sets TMPDIR for one scope.
class TemporaryFolder {
 public:
  explicit TemporaryFolder(const std::string& folder) {
    if (const char* old = std::getenv("TMPDIR")) m_old = old;
    ::setenv("TMPDIR", folder.c_str(), 1);
  }
  ~TemporaryFolder() {
    if (m_old.empty()) {
      ::unsetenv("TMPDIR");
    } else {
      ::setenv("TMPDIR", m_old.c_str(), 1);
    }
  }

 private:
  std::string m_old;
};

std::string numbered(int i) { return "item " + std::to_string(i) + std::string(static_cast<std::size_t>(i % 37), 'x'); }

}  // namespace

TEST_CASE("a spill store keeps small contents in memory and larger ones in a private, nameless file") {
  auto before = open_nameless_files().size();
  SpillStore store(100);
  CHECK(store.append("0123456789") == 0);
  CHECK_FALSE(store.on_disk());
  CHECK(store.read(2, 5) == "23456");
  std::string large(5000, 'a');
  for (std::size_t i = 0; i < large.size(); ++i) large[i] = static_cast<char>('a' + i % 26);
  CHECK(store.append(large) == 10);
  CHECK(store.on_disk());
  CHECK(store.size() == 5010);
  CHECK(store.read(0, 12) == "0123456789ab");
  CHECK(store.read(4000, 3) == large.substr(3990, 3));
  CHECK(store.read(5008, 100) == large.substr(4998));  // cut at the end
  CHECK(store.read(6000, 10).empty());
  auto modes = open_nameless_files();
  REQUIRE(modes.size() == before + 1);
  CHECK(modes.back() == 0600);
}

TEST_CASE("a spill store with no usable temporary folder keeps everything in memory, unchanged") {
  TemporaryFolder folder("/nonexistent/cpconf-test");
  SpillStore store(10);
  std::string text;
  for (int i = 0; i < 500; ++i) {
    store.append(numbered(i));
    text += numbered(i);
  }
  CHECK_FALSE(store.on_disk());
  CHECK(store.read(0, text.size()) == text);
}

TEST_CASE("bucket records come back by bucket, in the order added, from memory and from disk") {
  for (std::size_t limit : {std::size_t{0}, std::size_t{1} << 30}) {
    CAPTURE(limit);
    SpillBuckets buckets(7, limit);
    std::vector<std::string> expected(7);
    for (int i = 0; i < 20000; ++i) {
      std::string record = numbered(i) + ";";
      buckets.add(static_cast<std::size_t>(i * 31 % 7), record);
      expected[static_cast<std::size_t>(i * 31 % 7)] += record;
    }
    for (std::size_t b = 0; b < 7; ++b) CHECK(buckets.bucket(b) == expected[b]);
    CHECK(buckets.bucket(3) == expected[3]);  // a bucket can be read again
  }
}

TEST_CASE("a spilled list gives back every item in order, however long") {
  SpilledList list(1000);
  std::vector<std::string> items{"", std::string(200000, 'z'), "-", "a path/with spaces.yaml"};
  for (int i = 0; i < 30000; ++i) items.push_back(numbered(i));
  for (const auto& item : items) list.push_back(item);
  CHECK(list.size() == items.size());
  CHECK(list.to_vector() == items);
  auto reader = list.reader();
  CHECK(reader.next() == std::optional<std::string>(""));
  CHECK(reader.next()->size() == 200000);
  SpilledList moved = std::move(list);  // the command line hands lists around by value
  CHECK(moved.to_vector() == items);
}

TEST_CASE("sorted findings come back in sort_findings' order, from one run or merged from many") {
  Findings findings;
  for (int i = 0; i < 6000; ++i) {
    // Few files and lines, so that many findings tie on them and the later keys decide.
    Finding f{i % 3 == 0 ? "rule-b" : "rule-a",
              cpconf::Severity::warning,
              "file-" + std::to_string(i * 7 % 13),
              {i * 11 % 17, i % 2},
              "path",
              "message " + std::to_string(i % 5) + std::string(static_cast<std::size_t>(i % 40), '.')};
    findings.push_back(f);
  }
  Findings expected = findings;
  cpconf::sort_findings(expected);
  for (std::size_t limit : {std::size_t{0}, std::size_t{1} << 30}) {
    CAPTURE(limit);
    for (std::size_t count : {std::size_t{0}, std::size_t{5}, findings.size()}) {
      CAPTURE(count);
      FindingSorter sorter(limit);
      for (std::size_t i = 0; i < count; ++i) sorter.add(findings[i]);
      Findings got;
      sorter.drain([&](Finding&& f) { got.push_back(std::move(f)); });
      Findings want(findings.begin(), findings.begin() + static_cast<std::ptrdiff_t>(count));
      cpconf::sort_findings(want);
      REQUIRE(got.size() == want.size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].file == want[i].file);
        CHECK(got[i].location.line == want[i].location.line);
        CHECK(got[i].message == want[i].message);
        CHECK(got[i].rule == want[i].rule);
      }
    }
  }
}
