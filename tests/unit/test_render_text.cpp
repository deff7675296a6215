#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "cpconf/render/render.hpp"
#include "cpconf/render/text_layout.hpp"
#include "cpconf/text/utf8.hpp"

namespace {

using cpconf::Styled;
using cpconf::Tone;
using Lines = std::vector<std::string>;

cpconf::Document small_document() {
  cpconf::Document d;
  d.title = "Review child protection conference";
  d.subtitle = "9 December 2025 - r-1";
  cpconf::EntryList entries;
  entries.entries = {{"Chair", {"Jo Bloggs"}}, {"Decision", {"Plan continues", Tone::plan}}};
  cpconf::Table votes;
  votes.caption = "Votes";
  votes.columns = {{"Grouping"}, {"Vote"}, {"Reasoning", true}};
  votes.groups.push_back({"",
                          {{{"Police", Tone::strong}, {"plan", Tone::plan}, {"Bail ends soon."}},
                           {{"Housing", Tone::strong}, {"no plan", Tone::no_plan}, {""}}}});
  cpconf::VoteBar bar{3, 1, "continue", "end", "Votes 3-1."};
  d.sections.push_back({2, "details", "Details", {entries, bar, votes}});
  d.source = "r.yaml";
  return d;
}

}  // namespace

TEST_CASE("render text: wrapping fills lines to the width and breaks only words that cannot fit") {
  CHECK(cpconf::wrap("the quick brown fox jumps", 10) == Lines{"the quick", "brown fox", "jumps"});
  CHECK(cpconf::wrap("a\nb c", 10) == Lines{"a", "b c"});
  CHECK(cpconf::wrap("abcdefghijkl", 5) == Lines{"abcde", "fghij", "kl"});
  CHECK(cpconf::wrap("label: long value here", 12, 8) == Lines{"label: long", "value", "here"});
  CHECK(cpconf::wrap("", 10).empty());
  SUBCASE("columns are counted in characters, not bytes") {
    CHECK(cpconf::wrap("Siân Ów Ćwik", 7) == Lines{"Siân Ów", "Ćwik"});
    CHECK(cpconf::display_width("Siân") == 4);
  }
}

TEST_CASE("render text: a table goes in columns when it fits, else stacked") {
  cpconf::Table t;
  t.columns = {{"Name"}, {"Role"}, {"Notes", true}};
  t.groups.push_back({"", {{{"Ann"}, {"Nurse"}, {"x"}}}});
  auto fits = cpconf::lay_out_table(t, 40, 2, 16, true);
  CHECK(fits.columns_fit);
  CHECK(fits.widths == std::vector<std::size_t>{4, 5});
  CHECK(fits.spaced);
  SUBCASE("the last column wraps when there is room for 16 columns of it") {
    t.groups[0].rows[0][1].text = std::string(60, 'r');
    auto wrapped = cpconf::lay_out_table(t, 40, 2, 16, true);
    CHECK(wrapped.columns_fit);
    CHECK(wrapped.widths == std::vector<std::size_t>{4, 34});  // 40 - (4 + 2)
  }
  SUBCASE("otherwise the rows are stacked") {
    t.groups[0].rows[0][0].text = std::string(30, 'n');
    t.groups[0].rows[0][1].text = std::string(60, 'r');
    CHECK_FALSE(cpconf::lay_out_table(t, 40, 2, 16, true).columns_fit);
  }
}

TEST_CASE("render text: the whole document, without colour") {
  std::string expected =
      "Review child protection conference\n"
      "9 December 2025 - r-1\n"
      "\n"
      "Details\n"
      "=======\n"
      "\n"
      "  Chair:     Jo Bloggs\n"
      "  Decision:  Plan continues\n"
      "\n"
      // 40 cells: 3 of 4 votes for the plan is 30 cells.
      "  \u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588"
      "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2591\u2591\u2591\u2591\u2591\u2591"
      "\u2591\u2591\u2591\u2591  continue 3, end 1\n"
      "\n"
      "  Votes\n"
      "\n"
      "  Grouping  Vote\n"
      "  --------  ----\n"
      "  Police    plan\n"
      "      Bail ends soon.\n"
      "\n"
      "  Housing   no plan\n"
      "\n"
      "Rendered from r.yaml.\n";
  CHECK(cpconf::write_text(small_document(), {false, 80}) == expected);
}

TEST_CASE("render text: colour marks headings and the decision, and only when asked") {
  std::string out = cpconf::write_text(small_document(), {true, 80});
  CHECK(out.find("\033[1mReview child protection conference\033[0m\n") == 0);
  CHECK(out.find("  Decision:  \033[1;34mPlan continues\033[0m\n") != std::string::npos);
  CHECK(out.find("\033[1;35mno plan\033[0m") != std::string::npos);
  CHECK(cpconf::write_text(small_document(), {false, 80}).find('\033') == std::string::npos);
}

TEST_CASE("render text: no line is wider than the width asked for") {
  cpconf::Document d = small_document();
  std::get<cpconf::Table>(d.sections[0].blocks[2]).groups[0].rows[0][2].text =
      std::string(200, 'x') + " and a long reasoning that goes on and on past the end of the line";
  for (std::size_t width : {40u, 80u}) {
    std::string out = cpconf::write_text(d, {false, width});
    std::size_t start = 0;
    while (start < out.size()) {
      std::size_t end = out.find('\n', start);
      CHECK(cpconf::display_width(std::string_view(out).substr(start, end - start)) <= width);
      start = end + 1;
    }
  }
}
