#include "cpconf/report/junit.hpp"

#include <fmt/format.h>

namespace cpconf {

namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the valid UTF-8 character at text[pos] that XML may hold, or 0.
std::size_t xml_character_length(std::string_view text, std::size_t pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  unsigned char lead = byte(0);
  if (lead < 0x80) return lead >= 0x20 || lead == '\t' || lead == '\n' || lead == '\r' ? 1 : 0;
  std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || pos + length > text.size()) return 0;
  char32_t value = lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte(i) & 0x3F);
  }
  bool overlong = (length == 3 && value < 0x800) || (length == 4 && value < 0x10000);
  bool surrogate = value >= 0xD800 && value <= 0xDFFF;
  bool not_a_character = value == 0xFFFE || value == 0xFFFF || value > 0x10FFFF;
  return overlong || surrogate || not_a_character ? 0 : length;
}

std::string without_extension(const std::string& file) {
  for (std::string_view extension : {".yaml", ".yml"}) {
    if (file.size() > extension.size() && file.ends_with(extension)) {
      return file.substr(0, file.size() - extension.size());
    }
  }
  return file;
}

std::string with_path(const Finding& f) {
  return f.path.empty() ? f.message : fmt::format("{} (at {})", f.message, f.path);
}

// A test case's name: the rule and where it fired, so that each finding has a row of its own.
std::string case_name(const Finding& f) {
  std::string name(f.rule);
  if (!f.path.empty()) name += fmt::format(" at {}", f.path);
  if (f.location.line > 0) name += fmt::format(" ({}:{})", f.location.line, f.location.column);
  return name;
}

// The finding as a compiler would print it, for the test case's details.
std::string details(const Finding& f) {
  std::string out = fmt::format("{}:{}:{}: {}: {} [{}]", f.file, f.location.line, f.location.column,
                                severity_name(f.severity), f.message, f.rule);
  if (!f.path.empty()) out += fmt::format("\n= at {}", f.path);
  return out;
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t length = xml_character_length(text, pos);
    if (length == 0) {
      out += k_replacement;
      ++pos;
      continue;
    }
    switch (text[pos]) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;  // attribute values would otherwise turn it into a space
      case '\r': out += "&#13;"; break;
      case '\t': out += "&#9;"; break;
      default: out.append(text, pos, length);
    }
    pos += length;
  }
  return out;
}

std::string JunitWriter::begin() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"cpconf validate\">\n";
}

std::string JunitWriter::suite(const std::string& name, const Findings& findings,
                               const std::vector<WaivedFinding>& waived) const {
  std::string cases;
  int failures = 0;
  auto test_case = [&](const Finding& f, std::string_view body) {
    cases += fmt::format("    <testcase classname=\"{}\" name=\"{}\">{}</testcase>\n",
                         xml_escape(without_extension(f.file)), xml_escape(case_name(f)), body);
  };
  for (const auto& f : findings) {
    bool fails = m_options.fail_at && f.severity >= *m_options.fail_at;
    if (fails) {
      ++failures;
      test_case(f, fmt::format("<failure type=\"{}\" message=\"{}: {}\">{}</failure>", xml_escape(f.rule),
                               severity_name(f.severity), xml_escape(with_path(f)), xml_escape(details(f))));
    } else {
      test_case(f, fmt::format("<system-out>{}</system-out>", xml_escape(details(f))));
    }
  }
  for (const auto& w : waived) {
    test_case(w.finding, fmt::format("<skipped message=\"waived: {}\"/><system-out>{}</system-out>",
                                     xml_escape(w.reason), xml_escape(details(w.finding))));
  }
  std::size_t tests = findings.size() + waived.size();
  if (tests == 0) {
    cases +=
        fmt::format("    <testcase classname=\"{}\" name=\"no findings\"/>\n", xml_escape(without_extension(name)));
    tests = 1;
  }
  return fmt::format(
      "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">\n{}  "
      "</testsuite>\n",
      xml_escape(name), tests, failures, waived.size(), cases);
}

std::string JunitWriter::file(const FileReport& report, std::string_view) {
  return suite(report.file, report.findings, report.waived);
}

std::string JunitWriter::input_error(const std::string& file, const std::string& message) {
  return fmt::format(
      "  <testsuite name=\"{0}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
      "    <testcase classname=\"{1}\" name=\"read the record\"><error type=\"input-error\" "
      "message=\"{2}\"/></testcase>\n  </testsuite>\n",
      xml_escape(file), xml_escape(without_extension(file)), xml_escape(message));
}

std::string JunitWriter::cross_record(const Finding& finding) {
  m_cross_record.push_back(finding);
  return {};
}

std::string JunitWriter::end(const FindingCounts& counts) {
  std::string out = counts.files > 0 ? suite("cross-record checks", m_cross_record, {}) : "";
  return out + "</testsuites>\n";
}

}  // namespace cpconf
