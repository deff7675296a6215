#include <string>

#include <doctest/doctest.h>

#include "cpconf/load/tree_cache.hpp"

using namespace cpconf;

namespace {

constexpr std::string_view k_text = "a: 1\nb:\n  - \"x\"\n  - y\nname: A\nname: B\n";

// A tree printed with every location, to compare two trees whole.
std::string dump(const YamlNode& n) {
  std::string out = std::to_string(static_cast<int>(n.kind)) + (n.quoted ? "q" : "") + "@" +
                    std::to_string(n.location.line) + ":" + std::to_string(n.location.column) + "[" + n.value + "]";
  for (const auto& item : n.items) out += "(" + dump(item) + ")";
  for (const auto& [k, v] : n.entries) out += "{" + dump(k) + "=" + dump(v) + "}";
  return out;
}

}  // namespace

TEST_CASE("tree cache: an entry gives back the same tree and findings") {
  ParsedYaml parsed = parse_yaml(k_text, "r.yaml");
  REQUIRE(parsed.findings.size() == 1);  // the duplicate key
  std::string entry = encode_tree_entry("/abs/r.yaml", k_text, parsed);
  auto back = decode_tree_entry(entry, "/abs/r.yaml", k_text, "r.yaml");
  REQUIRE(back);
  CHECK(dump(back->root) == dump(parsed.root));
  CHECK(back->usable == parsed.usable);
  REQUIRE(back->findings.size() == 1);
  CHECK(back->findings[0].rule == "duplicate-key");
  CHECK(back->findings[0].message == parsed.findings[0].message);
  CHECK(back->findings[0].location.line == 6);
}

TEST_CASE("tree cache: a stale or corrupt entry is never trusted") {
  ParsedYaml parsed = parse_yaml(k_text, "r.yaml");
  std::string entry = encode_tree_entry("/abs/r.yaml", k_text, parsed);
  SUBCASE("the record changed") { CHECK_FALSE(decode_tree_entry(entry, "/abs/r.yaml", "a: 2\n", "r.yaml")); }
  SUBCASE("another record's entry") { CHECK_FALSE(decode_tree_entry(entry, "/abs/other.yaml", k_text, "r.yaml")); }
  SUBCASE("every single flipped byte is caught") {
    for (std::size_t i = 0; i < entry.size(); ++i) {
      std::string broken = entry;
      broken[i] = static_cast<char>(broken[i] ^ 0x5A);
      CHECK_FALSE(decode_tree_entry(broken, "/abs/r.yaml", k_text, "r.yaml"));
    }
  }
  SUBCASE("a truncated entry") {
    for (std::size_t size : {std::size_t{0}, entry.size() / 2, entry.size() - 1}) {
      CHECK_FALSE(decode_tree_entry(entry.substr(0, size), "/abs/r.yaml", k_text, "r.yaml"));
    }
  }
}
