#include <string>

#include <doctest/doctest.h>

#include "cpconf/report/junit.hpp"

using namespace cpconf;

TEST_CASE("junit: text is escaped for XML, and what XML cannot hold is replaced") {
  CHECK(xml_escape("a<b>&\"c'd") == "a&lt;b&gt;&amp;&quot;c&apos;d");
  CHECK(xml_escape("line\nline\r\ttab") == "line&#10;line&#13;&#9;tab");
  CHECK(xml_escape("Siân, Zoë, 日本, 🙂") == "Siân, Zoë, 日本, 🙂");
  CHECK(xml_escape(std::string("nul\0bell\x07", 9)) ==
        "nul\xEF\xBF\xBD"
        "bell\xEF\xBF\xBD");
  CHECK(xml_escape("cut \xC3") == "cut \xEF\xBF\xBD");                          // a truncated character
  CHECK(xml_escape("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // an overlong '/'
  CHECK(xml_escape("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  CHECK(xml_escape("\xEF\xBF\xBF") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // U+FFFF
}

TEST_CASE("junit: a file's findings fail, pass or are skipped by severity and waiver") {
  WriterOptions options;
  options.fail_at = Severity::warning;
  JunitWriter writer(options);
  CHECK(writer.begin() == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"cpconf validate\">\n");
  FileReport report;
  report.file = "records/a.yaml";
  report.findings.push_back(
      {"invalid-value", Severity::error, "records/a.yaml", {12, 11}, "children[1].born", "'born' must be a date"});
  report.findings.push_back({"long-conference", Severity::info, "records/a.yaml", {14, 8}, "conference.end", "long"});
  report.waived.push_back({{"minutes-late", Severity::warning, "records/a.yaml", {40, 3}, "follow-up", "late"},
                           "agreed <in writing>",
                           {90, 5}});
  CHECK(writer.file(report, "") ==
        "  <testsuite name=\"records/a.yaml\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\">\n"
        "    <testcase classname=\"records/a\" name=\"invalid-value at children[1].born (12:11)\"><failure "
        "type=\"invalid-value\" message=\"error: &apos;born&apos; must be a date (at children[1].born)\">"
        "records/a.yaml:12:11: error: &apos;born&apos; must be a date [invalid-value]&#10;= at children[1].born"
        "</failure></testcase>\n"
        "    <testcase classname=\"records/a\" name=\"long-conference at conference.end (14:8)\"><system-out>"
        "records/a.yaml:14:8: info: long [long-conference]&#10;= at conference.end</system-out></testcase>\n"
        "    <testcase classname=\"records/a\" name=\"minutes-late at follow-up (40:3)\"><skipped message=\"waived: "
        "agreed &lt;in writing&gt;\"/><system-out>records/a.yaml:40:3: warning: late [minutes-late]&#10;= at "
        "follow-up</system-out></testcase>\n"
        "  </testsuite>\n");
}

TEST_CASE("junit: --fail-on never fails no test case; error fails errors only") {
  FileReport report;
  report.file = "a.yml";
  report.findings.push_back({"unknown-field", Severity::warning, "a.yml", {3, 3}, "", "typo"});
  std::string passed =
      "  <testsuite name=\"a.yml\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
      "    <testcase classname=\"a\" name=\"unknown-field (3:3)\"><system-out>a.yml:3:3: warning: typo "
      "[unknown-field]</system-out></testcase>\n  </testsuite>\n";
  CHECK(JunitWriter(WriterOptions{}).file(report, "") == passed);
  WriterOptions errors_only;
  errors_only.fail_at = Severity::error;
  CHECK(JunitWriter(errors_only).file(report, "") == passed);
}

TEST_CASE("junit: a clean file, an unreadable input and the cross-record suite") {
  JunitWriter writer(WriterOptions{});
  FileReport clean;
  clean.file = "records/clean.yaml";
  CHECK(writer.file(clean, "") ==
        "  <testsuite name=\"records/clean.yaml\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
        "    <testcase classname=\"records/clean\" name=\"no findings\"/>\n  </testsuite>\n");
  CHECK(writer.input_error("gone.yaml", "cannot read 'gone.yaml'") ==
        "  <testsuite name=\"gone.yaml\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
        "    <testcase classname=\"gone\" name=\"read the record\"><error type=\"input-error\" message=\"cannot read "
        "&apos;gone.yaml&apos;\"/></testcase>\n  </testsuite>\n");
  FindingCounts counts;
  counts.files = 1;
  CHECK(writer.end(counts) ==
        "  <testsuite name=\"cross-record checks\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
        "    <testcase classname=\"cross-record checks\" name=\"no findings\"/>\n  </testsuite>\n</testsuites>\n");
  CHECK(writer.end(FindingCounts{}) == "</testsuites>\n");
}
