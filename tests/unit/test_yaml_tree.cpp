#include <string>

#include <doctest/doctest.h>

#include "cpconf/load/yaml_tree.hpp"

using namespace cpconf;

namespace {

// "rule line:column message" for each finding, to compare whole results.
std::vector<std::string> describe(const ParsedYaml& parsed) {
  std::vector<std::string> out;
  for (const auto& f : parsed.findings) {
    out.push_back(f.rule + " " + std::to_string(f.location.line) + ":" + std::to_string(f.location.column) + " " +
                  f.message);
  }
  return out;
}

}  // namespace

TEST_CASE("yaml tree: an explicit !!str tag is a string, as a quoted value is") {
  auto parsed = parse_yaml("a: !!str 2026-01-01\nb: 2026-01-01\nc: !!str 'x'\n", "t.yaml");
  REQUIRE(parsed.usable);
  CHECK(parsed.root.find("a")->quoted);
  CHECK(parsed.root.find("a")->value == "2026-01-01");
  CHECK_FALSE(parsed.root.find("b")->quoted);
  CHECK(parsed.root.find("c")->quoted);
}

TEST_CASE("yaml tree: keeps values with their line and column") {
  auto parsed = parse_yaml("a: 1\nb:\n  - \"x\"\n  - y\nc:\n", "t.yaml");
  REQUIRE(parsed.usable);
  CHECK(parsed.findings.empty());
  const YamlNode* b = parsed.root.find("b");
  REQUIRE(b != nullptr);
  CHECK(b->is_sequence());
  CHECK(b->items[0].value == "x");
  CHECK(b->items[0].quoted);
  CHECK(b->items[1].location.line == 4);
  CHECK(b->items[1].location.column == 5);
  SUBCASE("an empty value points at its key, not at the next line") {
    const YamlNode* c = parsed.root.find("c");
    REQUIRE(c != nullptr);
    CHECK(c->is_null());
    CHECK(c->location.line == 5);
    CHECK(c->location.column == 1);
  }
}

TEST_CASE("yaml tree: a duplicate key is reported, and the first value is not silently chosen") {
  auto parsed = parse_yaml("name: A\nage: 3\nname: B\n", "t.yaml");
  CHECK(describe(parsed) == std::vector<std::string>{
                                "duplicate-key 3:1 key 'name' appears again (first at line 1): one of the values "
                                "would be lost; keep one"});
  REQUIRE(parsed.root.entries.size() == 3);
  CHECK(parsed.root.entries[2].second.value == "B");
}

TEST_CASE("yaml tree: hostile and broken input gives a named finding with a place") {
  SUBCASE("an unterminated quoted string at the end of the file") {
    auto parsed = parse_yaml("a: 1\nb: \"never closed\nc: 2\n", "t.yaml");
    CHECK_FALSE(parsed.usable);
    CHECK(describe(parsed) == std::vector<std::string>{
                                  "yaml-syntax 2:4 this quoted string is never closed: add the closing \""});
  }
  SUBCASE("a single-quoted string with a doubled quote inside is closed") {
    auto parsed = parse_yaml("a: 'it''s fine'\n", "t.yaml");
    CHECK(parsed.usable);
    CHECK(parsed.root.find("a")->value == "it's fine");
  }
  SUBCASE("invalid UTF-8") {
    auto parsed = parse_yaml("a: ok\nb: caf\xE9\n", "t.yaml");
    CHECK(describe(parsed) == std::vector<std::string>{
                                  "yaml-syntax 2:7 invalid UTF-8 byte 0xE9: save the file as UTF-8"});
  }
  SUBCASE("a NUL byte: a binary file") {
    auto parsed = parse_yaml(std::string("a: 1\n\0\x01\x02", 8), "t.yaml");
    CHECK(describe(parsed) == std::vector<std::string>{
                                  "yaml-syntax 2:1 the file holds a NUL byte: it is binary, not a YAML text file"});
  }
  SUBCASE("an empty file, or one with only comments") {
    for (std::string text : {"", "\n\n", "# just a comment\n  # another\n"}) {
      auto parsed = parse_yaml(text, "t.yaml");
      CHECK(describe(parsed) == std::vector<std::string>{
                                    "yaml-syntax 1:1 the file is empty: a record is a mapping that starts with "
                                    "'cpconf: 1'"});
    }
  }
  SUBCASE("a second document is not silently dropped") {
    auto parsed = parse_yaml("a: 1\n---\nb: 2\n", "t.yaml");
    CHECK(describe(parsed) == std::vector<std::string>{
                                  "yaml-syntax 3:1 a second YAML document starts here ('---'): a record file holds "
                                  "exactly one document; move the second one to a file of its own"});
  }
  SUBCASE("an alias bomb is refused at its first anchor") {
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char name = 'b'; name <= 'j'; ++name) {
      bomb += std::string(1, name) + ": &" + name + " [";
      for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", " : "") + "*" + static_cast<char>(name - 1);
      bomb += "]\n";
    }
    auto parsed = parse_yaml(bomb, "t.yaml");
    CHECK(describe(parsed) == std::vector<std::string>{
                                  "input-limits 1:4 anchors (&name) are not used in records: write each value out "
                                  "in full"});
  }
  SUBCASE("deep nesting stops at the bound, not at yaml-cpp's misleading 'bad file'") {
    std::string deep = "a: " + std::string(10000, '[') + std::string(10000, ']') + "\n";
    auto parsed = parse_yaml(deep, "t.yaml");
    CHECK(describe(parsed) == std::vector<std::string>{
                                  "input-limits 1:67 values are nested more than 64 levels deep: a record needs "
                                  "far fewer"});
  }
  SUBCASE("a file over the size bound is refused before parsing") {
    YamlLimits limits;
    limits.max_bytes = 100;
    auto parsed = parse_yaml(std::string(101, '#'), "t.yaml", limits);
    CHECK(describe(parsed) == std::vector<std::string>{
                                  "input-limits 1:1 the file is larger than 100 bytes: a record is far smaller"});
  }
  SUBCASE("a syntax error names its place") {
    auto parsed = parse_yaml("a: [1, 2\nb: 3\n", "t.yaml");
    REQUIRE(parsed.findings.size() == 1);
    CHECK(parsed.findings[0].rule == "yaml-syntax");
    CHECK(parsed.findings[0].location.line >= 1);
  }
}

TEST_CASE("yaml tree: a BOM and CRLF line endings are accepted") {
  auto parsed = parse_yaml("\xEF\xBB\xBF" "a: 1\r\nb: two\r\n", "t.yaml");
  REQUIRE(parsed.usable);
  CHECK(parsed.findings.empty());
  CHECK(parsed.root.find("b")->value == "two");
  CHECK(parsed.root.find("b")->location.line == 2);
}
