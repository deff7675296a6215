#include <doctest/doctest.h>

#include "cpconf/text/terminal.hpp"

TEST_CASE("terminal: one line keeps UTF-8 text and replaces control characters") {
  CHECK(cpconf::one_line("Siân Ó Briain ✓") == "Siân Ó Briain ✓");
  CHECK(cpconf::one_line("Jon\x1b[2J\x07\x7f") == "Jon?[2J??");
  CHECK(cpconf::one_line("\xc2\x9b"
                         "31m") == "?31m");  // C1 CSI written as UTF-8
}

TEST_CASE("terminal: bytes that are not UTF-8 become U+FFFD, so no lone C1 byte reaches the terminal") {
  CHECK(cpconf::one_line("rec\xff\x9b[2J.yaml") == "rec\xEF\xBF\xBD\xEF\xBF\xBD[2J.yaml");
}

TEST_CASE("terminal: one line trims trailing blanks; padded text keeps them") {
  CHECK(cpconf::one_line("trailing \x1b \n") == "trailing ?");
  CHECK(cpconf::one_line_padded("label\x07    ") == "label?    ");
}
