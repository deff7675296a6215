#include <string>

#include <doctest/doctest.h>

#include "cpconf/render/render.hpp"
#include "cpconf/text/markdown_escape.hpp"

TEST_CASE("render markdown: values show as written, never as markup") {
  using cpconf::markdown_inline;
  CHECK(markdown_inline("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>");
  CHECK(markdown_inline("*bold* _it_ `code` [link](x) ~~s~~ $x$") ==
        "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\~\\~s\\~\\~ \\$x\\$");
  CHECK(markdown_inline("a \\ b") == "a \\\\ b");
  SUBCASE("an ampersand only where it would start a character reference") {
    CHECK(markdown_inline("R&D and &amp; and &#60;") == "R&D and \\&amp; and \\&#60;");
  }
  SUBCASE("what would start a block, at the start of a line") {
    CHECK(markdown_inline("# not a heading") == "\\# not a heading");
    CHECK(markdown_inline("- not a list") == "\\- not a list");
    CHECK(markdown_inline("12. not a list") == "12\\. not a list");
    CHECK(markdown_inline("> quote") == "\\> quote");
    CHECK(markdown_inline("a - b # c 1. d") == "a - b # c 1. d");
  }
  SUBCASE("newlines: hard breaks inline, spaces in headings, <br> in cells") {
    CHECK(markdown_inline("one\n# two") == "one\\\n\\# two");
    CHECK(cpconf::markdown_line("one\ntwo") == "one two");
    CHECK(cpconf::markdown_cell("a|b\n- c") == "a\\|b<br>- c");
  }
}

TEST_CASE("render markdown: the whole document") {
  cpconf::Document d;
  d.title = "Initial child protection conference";
  d.subtitle = "1 May 2026 - x";
  d.notices = {"Redacted."};
  cpconf::EntryList entries;
  entries.entries = {{"Decision", {"No child protection plan", cpconf::Tone::no_plan}}};
  cpconf::Table t;
  t.caption = "Professionals";
  t.group_header = "Grouping";
  t.columns = {{"Name"}, {"Role", true}};
  t.groups = {{"Police", {{{"A | B", cpconf::Tone::strong}, {"DC"}}, {{"C"}, {""}}}}, {"Housing", {{{"D"}, {"-"}}}}};
  d.sections.push_back({2, "a", "Details", {entries, cpconf::VoteBar{1, 2, "plan", "no plan", "Votes 1-2."}, t}});
  d.source = "x.yaml";
  std::string expected =
      "# Initial child protection conference\n"
      "\n"
      "1 May 2026 - x\n"
      "\n"
      "> Redacted.\n"
      "\n"
      "## Details\n"
      "\n"
      "- **Decision:** **No child protection plan**\n"
      "\n"
      "*Votes 1-2.*\n"
      "\n"
      "**Professionals**\n"
      "\n"
      "| Grouping | Name | Role |\n"
      "| --- | --- | --- |\n"
      "| *Police* | **A \\| B** | DC |\n"
      "|  | C |  |\n"
      "| *Housing* | D | - |\n"
      "\n"
      "---\n"
      "\n"
      "*Rendered from x.yaml.*\n";
  CHECK(cpconf::write_markdown(d, {}) == expected);
}
