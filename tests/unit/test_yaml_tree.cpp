#include <algorithm>
#include <string>
#include <string_view>

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

// Where the nth occurrence (from 0) of needle starts in text, as an editor shows it: line and
// column from 1, the column counted in bytes from the start of the line.
std::string place_of(std::string_view text, std::string_view needle, int nth = 0) {
  std::size_t at = text.find(needle);
  for (int i = 0; i < nth && at != std::string_view::npos; ++i) at = text.find(needle, at + 1);
  REQUIRE_MESSAGE(at != std::string_view::npos, "'" << needle << "' not in the text");
  std::size_t line_start = text.rfind('\n', at);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
  return std::to_string(line) + ":" + std::to_string(at - line_start + 1);
}

// "line:column" of a node or finding, to compare with place_of().
std::string place(const Location& location) {
  return std::to_string(location.line) + ":" + std::to_string(location.column);
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
  const std::string_view text = "a: 1\nb:\n  - \"x\"\n  - y\nc:\n";
  auto parsed = parse_yaml(text, "t.yaml");
  REQUIRE(parsed.usable);
  CHECK(parsed.findings.empty());
  REQUIRE(parsed.root.entries.size() == 3);
  CHECK(place(parsed.root.entries[0].first.location) == place_of(text, "a:"));
  CHECK(place(parsed.root.entries[1].first.location) == place_of(text, "b:"));
  CHECK(place(parsed.root.entries[2].first.location) == place_of(text, "c:"));
  CHECK(place(parsed.root.find("a")->location) == place_of(text, "1"));
  const YamlNode* b = parsed.root.find("b");
  REQUIRE(b != nullptr);
  CHECK(b->is_sequence());
  CHECK(place(b->location) == place_of(text, "- \"x\""));
  REQUIRE(b->items.size() == 2);
  CHECK(b->items[0].value == "x");
  CHECK(b->items[0].quoted);
  CHECK(place(b->items[0].location) == place_of(text, "\"x\""));
  CHECK(place(b->items[1].location) == place_of(text, "y"));
  CHECK(place(b->items[1].location) == "4:5");
  SUBCASE("an empty value points at its key, not at the next line") {
    const YamlNode* c = parsed.root.find("c");
    REQUIRE(c != nullptr);
    CHECK(c->is_null());
    CHECK(place(c->location) == place_of(text, "c:"));
    CHECK(place(c->location) == "5:1");
  }
  SUBCASE("keys and values of a nested mapping, and of a flow sequence") {
    const std::string_view nested = "top:\n  inner: value\n  list: [one, 'two']\n";
    auto tree = parse_yaml(nested, "t.yaml");
    REQUIRE(tree.usable);
    const YamlNode* top = tree.root.find("top");
    REQUIRE(top != nullptr);
    REQUIRE(top->is_mapping());
    REQUIRE(top->entries.size() == 2);
    CHECK(place(top->entries[0].first.location) == place_of(nested, "inner"));
    CHECK(place(top->find("inner")->location) == place_of(nested, "value"));
    CHECK(place(top->entries[1].first.location) == place_of(nested, "list"));
    const YamlNode* list = top->find("list");
    REQUIRE(list != nullptr);
    REQUIRE(list->items.size() == 2);
    CHECK(place(list->location) == place_of(nested, "["));
    CHECK(place(list->items[0].location) == place_of(nested, "one"));
    CHECK(place(list->items[1].location) == place_of(nested, "'two'"));
  }
}

TEST_CASE("yaml tree: a duplicate key is reported, and the first value is not silently chosen") {
  auto parsed = parse_yaml("name: A\nage: 3\nname: B\n", "t.yaml");
  CHECK(describe(parsed) ==
        std::vector<std::string>{"duplicate-key 3:1 key 'name' appears again (first at line 1): one of the values "
                                 "would be lost; keep one"});
  REQUIRE(parsed.root.entries.size() == 3);
  CHECK(parsed.root.entries[2].second.value == "B");
}

TEST_CASE("yaml tree: hostile and broken input gives a named finding with a place") {
  SUBCASE("an unterminated quoted string at the end of the file") {
    auto parsed = parse_yaml("a: 1\nb: \"never closed\nc: 2\n", "t.yaml");
    CHECK_FALSE(parsed.usable);
    CHECK(describe(parsed) ==
          std::vector<std::string>{"yaml-syntax 2:4 this quoted string is never closed: add the closing \""});
  }
  SUBCASE("a single-quoted string with a doubled quote inside is closed") {
    auto parsed = parse_yaml("a: 'it''s fine'\n", "t.yaml");
    CHECK(parsed.usable);
    CHECK(parsed.root.find("a")->value == "it's fine");
  }
  SUBCASE("invalid UTF-8") {
    auto parsed = parse_yaml("a: ok\nb: caf\xE9\n", "t.yaml");
    CHECK(describe(parsed) ==
          std::vector<std::string>{"yaml-syntax 2:7 invalid UTF-8 byte 0xE9: save the file as UTF-8"});
  }
  SUBCASE("a NUL byte: a binary file") {
    auto parsed = parse_yaml(std::string("a: 1\n\0\x01\x02", 8), "t.yaml");
    CHECK(describe(parsed) ==
          std::vector<std::string>{"yaml-syntax 2:1 the file holds a NUL byte: it is binary, not a YAML text file"});
  }
  SUBCASE("an empty file, or one with only comments") {
    for (std::string text : {"", "\n\n", "# just a comment\n  # another\n"}) {
      auto parsed = parse_yaml(text, "t.yaml");
      CHECK(describe(parsed) ==
            std::vector<std::string>{"yaml-syntax 1:1 the file is empty: a record is a mapping that starts with "
                                     "'cpconf: 1'"});
    }
  }
  SUBCASE("a second document is not silently dropped") {
    auto parsed = parse_yaml("a: 1\n---\nb: 2\n", "t.yaml");
    CHECK(describe(parsed) ==
          std::vector<std::string>{"yaml-syntax 3:1 a second YAML document starts here ('---'): a record file holds "
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
    CHECK(describe(parsed) ==
          std::vector<std::string>{"input-limits 1:4 anchors (&name) are not used in records: write each value out "
                                   "in full"});
  }
  SUBCASE("deep nesting stops at the bound, not at yaml-cpp's misleading 'bad file'") {
    std::string deep = "a: " + std::string(10000, '[') + std::string(10000, ']') + "\n";
    auto parsed = parse_yaml(deep, "t.yaml");
    CHECK(describe(parsed) ==
          std::vector<std::string>{"input-limits 1:67 values are nested more than 64 levels deep: a record needs "
                                   "far fewer"});
  }
  SUBCASE("a file over the size bound is refused before parsing") {
    YamlLimits limits;
    limits.max_bytes = 100;
    auto parsed = parse_yaml(std::string(101, '#'), "t.yaml", limits);
    CHECK(describe(parsed) ==
          std::vector<std::string>{"input-limits 1:1 the file is larger than 100 bytes: a record is far smaller"});
  }
  SUBCASE("a syntax error names its place") {
    const std::string_view text = "a: [1, 2\nb: 3\n";
    auto parsed = parse_yaml(text, "t.yaml");
    CHECK_FALSE(parsed.usable);
    REQUIRE(parsed.findings.size() == 1);
    CHECK(parsed.findings[0].rule == "yaml-syntax");
    CHECK(parsed.findings[0].message == "end of sequence flow not found");
    // The list is never closed; the parser gives up at the ':' of the next line, which a
    // value inside a flow list cannot hold.
    CHECK(place(parsed.findings[0].location) == place_of(text, ": 3"));
    CHECK(place(parsed.findings[0].location) == "2:2");
  }
}

TEST_CASE("yaml tree: a BOM and CRLF line endings are accepted") {
  const std::string_view text =
      "\xEF\xBB\xBF"
      "a: 1\r\nb: two\r\n";
  auto parsed = parse_yaml(text, "t.yaml");
  REQUIRE(parsed.usable);
  CHECK(parsed.findings.empty());
  CHECK(parsed.root.find("b")->value == "two");
  // The BOM is not a column an editor shows, and a CR ends the line it is on.
  const std::string_view after_bom = text.substr(3);
  CHECK(place(parsed.root.find("a")->location) == place_of(after_bom, "1"));
  CHECK(place(parsed.root.find("a")->location) == "1:4");
  CHECK(place(parsed.root.entries[1].first.location) == place_of(text, "b:"));
  CHECK(place(parsed.root.find("b")->location) == place_of(text, "two"));
  CHECK(place(parsed.root.find("b")->location) == "2:4");
}
