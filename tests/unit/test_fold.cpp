#include <string>

#include <doctest/doctest.h>

#include "cpconf/text/fold.hpp"
#include "cpconf/text/phrase_search.hpp"
#include "cpconf/text/utf8.hpp"

using namespace cpconf;

TEST_CASE("fold: one form for every way a name is written") {
  CHECK(folded("Siân Zoë Ångström") == "sian zoe angstrom");
  CHECK(folded("SIÂN ZOË ÅNGSTRÖM") == "sian zoe angstrom");
  CHECK(folded("Zoe\u0308") == folded("Zo\u00EB"));            // NFD and NFC
  CHECK(folded("A\u030Angstro\u0308m") == folded("Ångström"));  // decomposed throughout
  CHECK(folded("O\u2019Neill") == "o'neill");                    // typographic apostrophe
  CHECK(folded("O\u02BCNeill") == "o'neill");                    // modifier letter apostrophe
  CHECK(folded("Car\u00ADys") == "carys");                       // soft hyphen
  CHECK(folded("Stra\u00DFe") == "strasse");                      // case folding expands ß
  CHECK(folded("\uFF23\uFF41\uFF52\uFF59\uFF53") == "carys");  // full-width letters
  CHECK(folded("\u0130") == "i");                                  // dotted capital I
  CHECK(folded("ΣΟΦΙΑ") == folded("σοφια"));
  CHECK(folded("\xFF bad") == "\uFFFD bad");
}

TEST_CASE("fold: a folded text maps back to its source") {
  FoldedText text("Zoe\u0308 O\u2019Neill");
  CHECK(text.folded() == "zoe o'neill");
  // "Zoe" + U+0308 is three units: the mark belongs to the "e".
  REQUIRE(text.units().size() == 11);
  CHECK(text.source_offset(3) == 5);  // the space after the mark
  CHECK(text.unit_at_folded(3) == 3);
  CHECK(text.unit_at_folded(text.folded().size()) == 11);
}

TEST_CASE("phrase search: whole words, in any case, normal form, accent or apostrophe") {
  PhraseSearch search({{"Siân Zoë Ångström", "[child]"}, {"Siân", "[S]"}, {"O'Neill", "[O]"}});
  CHECK(search.replace("SIÂN ZOË ÅNGSTRÖM came") == "[child] came");
  CHECK(search.replace("Sia\u0302n said") == "[S] said");
  CHECK(search.replace("sian, SIAN and Siân") == "[S], [S] and [S]");
  CHECK(search.replace("Mrs O\u2019Neill and O\u2019NEILL\u2019s dog") == "Mrs [O] and [O]\u2019s dog");
  CHECK(search.replace("Siânna and Siân2") == "Siânna and [S]2");
  CHECK(search.replace("familySiân, McSiân") == "family[S], McSiân");
  CHECK(search.replace("") == "");
  auto found = search.found_in("siân zoë ångström");
  REQUIRE(found.size() == 2);  // the full name, and the first name inside it
  CHECK(found[0].replacement == "[child]");
  CHECK(found[1].replacement == "[S]");
}

TEST_CASE("phrase search: dates are bounded by letters and digits alike") {
  PhraseSearch search({{"1/2/2014", "[date]", true}});
  CHECK(search.replace("born 1/2/2014.") == "born [date].");
  CHECK(search.replace("11/2/2014 and 1/2/20145") == "11/2/2014 and 1/2/20145");
}

TEST_CASE("utf8: display widths as Unicode gives them") {
  CHECK(display_width("Siân") == 4);
  CHECK(display_width("Sia\u0302n") == 4);       // a combining mark takes no column
  CHECK(display_width("a\u200Bb") == 2);          // nor does a zero-width space
  CHECK(display_width("\u738B\u5C0F\u660E") == 6);  // wide CJK letters take two
  CHECK(display_width("\U0001F600") == 2);
  CHECK(display_width("\x1B[2J") == 3);           // the escape itself takes none
}
