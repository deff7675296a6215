#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "cpconf/text/text_table.hpp"

namespace {

using cpconf::TextTable;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

const std::string k_reason =
    "The parents are engaging voluntarily and a Care and Support Plan would address the risks.";

}  // namespace

TEST_CASE("text table: without a width, every row is one line however long") {
  TextTable table({"vote", "grouping", "reasoning"});
  table.add({{"no-plan", {}}, {"education", {}}, {k_reason, {}}});
  auto lines = lines_of(table.render(false));
  REQUIRE(lines.size() == 2);
  CHECK(lines[1] == "no-plan  education  " + k_reason);
}

TEST_CASE("text table: a last column that crosses the width wraps under itself") {
  TextTable table({"vote", "grouping", "reasoning"});
  table.add({{"no-plan", {}}, {"education", {}}, {k_reason, {}}});
  // The reasoning starts at column 20 ("no-plan  education  "), leaving 40 of a width of 60.
  auto lines = lines_of(table.render(false, 60));
  REQUIRE(lines.size() == 4);
  CHECK(lines[1] == "no-plan  education  The parents are engaging voluntarily and");
  CHECK(lines[2] == "                    a Care and Support Plan would address");
  CHECK(lines[3] == "                    the risks.");
}

TEST_CASE("text table: where the last column would be too narrow, it goes under the row") {
  TextTable table({"", "vote", "grouping", "reasoning"});
  table.add({{"", {}}, {"no-plan", {}}, {"integrated-family-support", {}}, {k_reason, {}}});
  // The reasoning would start at column 46 of 70: 24 columns, fewer than the 40 worth wrapping.
  auto lines = lines_of(table.render(false, 70));
  REQUIRE(lines.size() == 4);
  CHECK(lines[1] == "  no-plan  integrated-family-support");
  CHECK(lines[2] == "      The parents are engaging voluntarily and a Care and Support Plan");
  CHECK(lines[3] == "      would address the risks.");
}

TEST_CASE("text table: a row that fits is left as it is") {
  TextTable table({"vote", "reasoning"});
  table.add({{"plan", {}}, {"Short.", {}}});
  CHECK(table.render(false, 40) == table.render(false));
}

TEST_CASE("text table: cells and notes reach the terminal without a record's control characters") {
  TextTable table({"WHO", "WHAT"});
  table.add({{"Jon\x1b[2J", {}}, {"a\nb\x07", cpconf::style::k_bold}});
  table.add_note("note\x1b]0;title\x07");
  CHECK(table.render(false) == "WHO      WHAT\nJon?[2J  a b?\n         note?]0;title?\n");
  // cpconf's own colour is still written, around the cleaned text.
  CHECK(table.render(true).find("\x1b[1ma b?\x1b[0m") != std::string::npos);
}
