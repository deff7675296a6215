#include "cpconf/report/statistics.hpp"

#include <doctest/doctest.h>

#include "cpconf/report/findings_format.hpp"

using namespace cpconf;

namespace {

Finding finding(std::string rule, std::string file) {
  return {std::move(rule), Severity::warning, std::move(file), {3, 5}, "children[0].born", "a message", {}};
}

}  // namespace

TEST_CASE("statistics count by rule, chair and file, most first and then by name") {
  FindingStatistics statistics;
  CHECK(statistics.text(false).empty());
  FileReport report;
  report.file = "b.yaml";
  report.conference = ConferenceFacts{"c-1", "case-1", "Ann Chair", "2026-03-20"};
  report.findings = {finding("zeta", "b.yaml"), finding("zeta", "b.yaml"), finding("alpha", "b.yaml")};
  statistics.add(report);
  statistics.add(finding("beta", "a.yaml"), "");  // a cross-record finding: no chair
  CHECK(statistics.text(false) ==
        "Findings by rule:\n"
        "      2  zeta\n"
        "      1  alpha\n"
        "      1  beta\n"
        "Findings by chair:\n"
        "      3  Ann Chair\n"
        "      1  (none)\n"
        "Findings by file:\n"
        "      3  b.yaml\n"
        "      1  a.yaml\n");
  CHECK(statistics.json() ==
        R"({"rules":[{"rule":"zeta","count":2},{"rule":"alpha","count":1},{"rule":"beta","count":1}],)"
        R"("chairs":[{"chair":"Ann Chair","count":3},{"chair":null,"count":1}],)"
        R"("files":[{"file":"b.yaml","count":3},{"file":"a.yaml","count":1}]})");
}

TEST_CASE("a concise finding is one line, with its path, and no control character") {
  CHECK(format_finding_concise(finding("rule-x", "r.yaml"), false) ==
        "r.yaml:3:5: warning [rule-x] a message (at children[0].born)\n");
  Finding plain = finding("rule-x", "r\n.yaml");
  plain.path.clear();
  plain.message = "two\nlines";
  std::string line = format_finding_concise(plain, false);
  CHECK(line.find('\n') == line.size() - 1);
  CHECK(line.find("(at") == std::string::npos);
}
