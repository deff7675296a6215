#include <doctest/doctest.h>

#include "cpconf/text/csv.hpp"

TEST_CASE("csv: a field a spreadsheet would evaluate is prefixed with a quote, then quoted as usual") {
  CHECK(cpconf::csv_row({"=HYPERLINK(\"http://x\")"}) == "\"'=HYPERLINK(\"\"http://x\"\")\"\r\n");
  CHECK(cpconf::csv_row({"+Dev", "-2+3", "@SUM(A1)", "\tTab", "\rCR"}) ==
        "'+Dev,'-2+3,'@SUM(A1),'\tTab,\"'\rCR\"\r\n");
  CHECK(cpconf::csv_row({"=cmd|' /C calc'!A0", "a=b"}) == "'=cmd|' /C calc'!A0,a=b\r\n");
}

TEST_CASE("csv: plain numbers, negative ones too, and dates are written as they are") {
  CHECK(cpconf::csv_row({"-3", "12", "-0.5", "100.0", "2026-06-22 10:00", ""}) == "-3,12,-0.5,100.0,2026-06-22 10:00,\r\n");
  // Not plain numbers: each could carry a formula after its sign.
  CHECK(cpconf::csv_row({"-", "-3.", "-.5", "-1e3", "+3"}) == "'-,'-3.,'-.5,'-1e3,'+3\r\n");
}
