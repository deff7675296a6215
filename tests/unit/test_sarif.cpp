#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include <unistd.h>

#include <doctest/doctest.h>

#include "cpconf/check/rule.hpp"
#include "cpconf/report/rules_format.hpp"
#include "cpconf/report/sarif.hpp"
#include "cpconf/version.hpp"

using namespace cpconf;

namespace {

// The position of a rule in tool.driver.rules, which lists the rules as `cpconf rules` does.
std::size_t index_of(std::string_view name) {
  auto entries = list_rules(std::nullopt, nullptr);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].rule->name == name) return i;
  }
  FAIL("no rule " << name);
  return 0;
}

// The results without their fingerprints, which the test case below checks on their own.
std::string without_fingerprints(const std::string& results) {
  static const std::regex k_fingerprints(R"re(,"partialFingerprints":\{"cpconf/v1":"[0-9a-f]{64}"\})re");
  return std::regex_replace(results, k_fingerprints, "");
}

std::string fingerprint_of(const std::string& result) {
  static const std::regex k_fingerprint(R"re("cpconf/v1":"([0-9a-f]{64})")re");
  std::smatch match;
  return std::regex_search(result, match, k_fingerprint) ? match[1].str() : std::string();
}

}  // namespace

TEST_CASE("sarif: paths become URI references") {
  CHECK(sarif_uri("records/a.yaml") == "records/a.yaml");
  CHECK(sarif_uri("records/my record #2.yaml") == "records/my%20record%20%232.yaml");
  CHECK(sarif_uri("/srv/records/a.yaml") == "file:///srv/records/a.yaml");
  CHECK(sarif_uri("<stdin>") == "%3Cstdin%3E");
  CHECK(sarif_uri("c:a.yaml") == "c%3Aa.yaml");  // never read as a scheme
  CHECK(sarif_uri("Siân.yaml") == "Si%C3%A2n.yaml");
  CHECK(sarif_uri("a\\b%.yaml") == "a%5Cb%25.yaml");
}

TEST_CASE("sarif: the log opens with the tool and every rule") {
  SarifWriter writer;
  std::string begin = writer.begin();
  std::string head = std::string(
                         "{\"$schema\":\"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                         "sarif-schema-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":"
                         "{\"name\":\"cpconf\",\"version\":\"") +
                     k_version + "\",\"semanticVersion\":\"" + k_version + "\",\"rules\":[\n";
  REQUIRE(begin.substr(0, head.size()) == head);
  // The first rule in full, as `cpconf rules` and the table give it.
  const Rule& rule = *find_rule("yaml-syntax");
  std::string first = begin.substr(head.size(), begin.find('\n', head.size()) - head.size());
  CHECK(first ==
        "{\"id\":\"yaml-syntax\",\"shortDescription\":{\"text\":\"the file is not valid YAML text\"},"
        "\"fullDescription\":{\"text\":\"" +
            std::string(rule.explanation) + "\"},\"help\":{\"text\":\"" + std::string(rule.explanation) +
            "\\n\\nSource: cpconf-record(5): record format version 1\",\"markdown\":\"" +
            std::string(rule.explanation) +
            "\\n\\nSource: cpconf-record(5): record format version 1\"},\"defaultConfiguration\":"
            "{\"level\":\"error\"},\"properties\":{\"family\":\"record\",\"source\":\"cpconf-record(5): "
            "record format version 1\"}},");
  // One line per rule, then the results open.
  std::size_t lines = static_cast<std::size_t>(std::count(begin.begin(), begin.end(), '\n'));
  CHECK(lines == all_rules().size() + 1);
  CHECK(begin.substr(begin.size() - 16) == "]}},\n\"results\":[");
}

TEST_CASE("sarif: given a rule reference, each rule's helpUri is the rule's heading in it") {
  WriterOptions options;
  options.rules_reference = "https://example.org/cpconf/docs/rules.md";
  SarifWriter writer(options);
  std::string begin = writer.begin();
  CHECK(begin.find("\"id\":\"yaml-syntax\",\"shortDescription\"") != std::string::npos);
  CHECK(begin.find("\"helpUri\":\"https://example.org/cpconf/docs/rules.md#yaml-syntax\"") != std::string::npos);
  CHECK(begin.find("\"helpUri\":\"https://example.org/cpconf/docs/rules.md#missing-field\"") != std::string::npos);
  // Without one, no helpUri at all rather than a broken link.
  CHECK(SarifWriter().begin().find("helpUri") == std::string::npos);
}

TEST_CASE("sarif: a finding with no line is placed at line 1, column 1, as GitHub requires a line") {
  SarifWriter writer;
  writer.begin();
  Finding finding{"yaml-syntax", Severity::error, "a.yaml", {}, "", "the file is empty"};
  std::string out = writer.cross_record(finding);
  CHECK(out.find("\"region\":{\"startLine\":1,\"startColumn\":1}") != std::string::npos);
}

TEST_CASE("sarif: findings, waived findings, cross-record findings and unreadable inputs") {
  SarifWriter writer;
  (void)writer.begin();
  FileReport report;
  report.file = "records/a.yaml";
  report.findings.push_back({"invalid-value",
                             Severity::error,
                             "records/a.yaml",
                             {12, 11},
                             "children[1].born",
                             "'born' must be a real date, not \"12/03/2015\""});
  report.findings.push_back({"long-conference", Severity::info, "records/a.yaml", {0, 0}, "", "whole file"});
  report.waived.push_back(
      {{"minutes-late", Severity::warning, "records/a.yaml", {40, 3}, "follow-up", "late"}, "agreed", {90, 5}});
  std::string invalid = std::to_string(index_of("invalid-value"));
  std::string long_conference = std::to_string(index_of("long-conference"));
  std::string minutes = std::to_string(index_of("minutes-late"));
  std::string previous = std::to_string(index_of("previous-missing"));
  CHECK(without_fingerprints(writer.file(report, "")) ==
        "\n{\"ruleId\":\"invalid-value\",\"ruleIndex\":" + invalid +
            ",\"level\":\"error\",\"message\":{\"text\":\"'born' must be a real date, not \\\"12/03/2015\\\" (at "
            "children[1].born)\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"records/"
            "a.yaml\"},\"region\":{\"startLine\":12,\"startColumn\":11}},\"logicalLocations\":[{\"fullyQualifiedName\":"
            "\"children[1].born\"}]}]}"
            ",\n{\"ruleId\":\"long-conference\",\"ruleIndex\":" +
            long_conference +
            ",\"level\":\"note\",\"message\":{\"text\":\"whole file\"},\"locations\":[{\"physicalLocation\":"
            "{\"artifactLocation\":{\"uri\":\"records/a.yaml\"},\"region\":{\"startLine\":1,\"startColumn\":1}}}]}"
            ",\n{\"ruleId\":\"minutes-late\",\"ruleIndex\":" +
            minutes +
            ",\"level\":\"warning\",\"message\":{\"text\":\"late (at follow-up)\"},\"locations\":[{"
            "\"physicalLocation\":"
            "{\"artifactLocation\":{\"uri\":\"records/a.yaml\"},\"region\":{\"startLine\":40,\"startColumn\":3}},"
            "\"logicalLocations\":[{\"fullyQualifiedName\":\"follow-up\"}]}],\"suppressions\":[{\"kind\":\"inSource\","
            "\"justification\":\"agreed\",\"location\":{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"records/"
            "a.yaml\"},\"region\":{\"startLine\":90,\"startColumn\":5}}}}]}");
  CHECK(writer.input_error("/gone.yaml", "cannot read '/gone.yaml'").empty());
  Finding cross = {"previous-missing", Severity::error, "records/b.yaml", {10, 13}, "conference.previous", "gone"};
  CHECK(without_fingerprints(writer.cross_record(cross)) ==
        ",\n{\"ruleId\":\"previous-missing\",\"ruleIndex\":" + previous +
            ",\"level\":\"error\",\"message\":{\"text\":\"gone (at conference.previous)\"},\"locations\":[{"
            "\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"records/b.yaml\"},\"region\":{\"startLine\":10,"
            "\"startColumn\":13}},\"logicalLocations\":[{\"fullyQualifiedName\":\"conference.previous\"}]}]}");
  CHECK(writer.end({}) ==
        "],\n"
        "\"invocations\":[{\"executionSuccessful\":false,\"toolExecutionNotifications\":[\n{\"level\":\"error\","
        "\"message\":{\"text\":\"cannot read '/gone.yaml'\"},\"locations\":[{\"physicalLocation\":{"
        "\"artifactLocation\":{\"uri\":\"file:///gone.yaml\"}}}]}]}]}]}\n");
}

TEST_CASE("sarif: a clean run has no results and a successful invocation") {
  SarifWriter writer;
  (void)writer.begin();
  FileReport report;
  report.file = "a.yaml";
  CHECK(writer.file(report, "").empty());
  CHECK(writer.end({}) == "],\n\"invocations\":[{\"executionSuccessful\":true}]}]}\n");
}

TEST_CASE("sarif: a finding's fingerprint stays when lines move and differs between findings") {
  Finding finding{"minutes-late", Severity::warning, "records/a.yaml", {40, 3}, "follow-up", "late by 3 days"};
  SarifWriter first_run;
  std::string first = fingerprint_of(first_run.cross_record(finding));
  REQUIRE(first.size() == 64);
  SarifWriter later_run;  // a line added above it, and the message counts differently
  finding.location = {41, 3};
  finding.message = "late by 4 days";
  CHECK(fingerprint_of(later_run.cross_record(finding)) == first);
  // A second finding of the same rule at the same path in the same run is another alert.
  CHECK(fingerprint_of(later_run.cross_record(finding)) != first);
  SarifWriter other_run;
  finding.path = "follow-up.minutes";
  CHECK(fingerprint_of(other_run.cross_record(finding)) != first);
}

TEST_CASE("sarif: a file in a repository is placed from the repository's root, wherever cpconf runs") {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("cpconf-sarif-" + std::to_string(::getpid()));
  fs::create_directories(root / ".git");
  fs::create_directories(root / "records" / "2026");
  std::ofstream(root / "records" / "2026" / "a.yaml") << "cpconf: 1\n";
  fs::path before = fs::current_path();
  fs::current_path(root / "records");
  CHECK(repository_path("2026/a.yaml") == std::optional<std::string>("records/2026/a.yaml"));
  SarifWriter writer;
  Finding finding{"minutes-late", Severity::warning, "2026/a.yaml", {4, 1}, "", "late"};
  CHECK(writer.cross_record(finding).find(
            R"re("artifactLocation":{"uri":"records/2026/a.yaml","uriBaseId":"%SRCROOT%"})re") != std::string::npos);
  CHECK_FALSE(repository_path("<stdin>").has_value());
  fs::current_path(before);
  fs::remove_all(root);
}
