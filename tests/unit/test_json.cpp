#include <doctest/doctest.h>

#include "cpconf/text/json.hpp"

TEST_CASE("json: quotes, backslashes and control characters are escaped") {
  CHECK(cpconf::json_string("a\"b\\c\nd\te\x1b[2J") == "\"a\\\"b\\\\c\\nd\\te\\u001b[2J\"");
}

TEST_CASE("json: UTF-8 is kept and bytes that are not UTF-8 become U+FFFD") {
  CHECK(cpconf::json_string("Siân ✓") == "\"Siân ✓\"");
  CHECK(cpconf::json_string("rec\xff.yaml") == "\"rec\xEF\xBF\xBD.yaml\"");
  // A lone continuation byte, a truncated sequence, an overlong '/' and a UTF-16 surrogate.
  CHECK(cpconf::json_string("\x9b|\xc3|\xc0\xaf|\xed\xa0\x80") ==
        "\"\xEF\xBF\xBD|\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}
