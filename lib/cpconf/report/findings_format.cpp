#include "cpconf/report/findings_format.hpp"

#include <type_traits>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "cpconf/named.hpp"
#include "cpconf/report/junit.hpp"
#include "cpconf/report/sarif.hpp"
#include "cpconf/report/statistics.hpp"
#include "cpconf/text/colour.hpp"
#include "cpconf/text/csv.hpp"
#include "cpconf/text/figures.hpp"
#include "cpconf/text/json.hpp"
#include "cpconf/text/terminal.hpp"

namespace cpconf {

namespace {

std::string paint(std::string_view text, std::string_view style, bool color) {
  return color ? fmt::format("{}{}{}", style, text, k_reset) : std::string(text);
}

// The lines of a record's text, found once: a file with thousands of findings looks up each
// finding's line at once rather than counting lines from the top every time.
class SourceLines {
 public:
  explicit SourceLines(std::string_view source) : m_source(source) {
    if (m_source.substr(0, 3) == "\xEF\xBB\xBF") m_source.remove_prefix(3);
    if (m_source.empty()) return;
    m_starts.push_back(0);
    for (std::size_t at = m_source.find('\n'); at != std::string_view::npos; at = m_source.find('\n', at + 1)) {
      m_starts.push_back(at + 1);
    }
  }

  // Line `number` (from 1) without its line ending; empty when there is none.
  std::string_view line(int number) const {
    if (number < 1 || static_cast<std::size_t>(number) > m_starts.size()) return {};
    std::size_t start = m_starts[static_cast<std::size_t>(number) - 1];
    if (start > m_source.size()) return {};
    auto end = m_source.find('\n', start);
    auto text = m_source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    return text;
  }

 private:
  std::string_view m_source;
  std::vector<std::size_t> m_starts;
};

std::string finding_text(const Finding& finding, const SourceLines& lines, bool color);

}  // namespace

void FindingCounts::count(const Findings& findings) {
  for (const auto& finding : findings) {
    switch (finding.severity) {
      case Severity::error: ++errors; break;
      case Severity::warning: ++warnings; break;
      case Severity::info: ++infos; break;
    }
  }
}

std::string format_finding_text(const Finding& finding, std::string_view source, bool color) {
  return finding_text(finding, SourceLines(source), color);
}

namespace {

std::string finding_text(const Finding& finding, const SourceLines& lines, bool color) {
  // The file name, message and path may quote a record's text, and the source line is the
  // record's own: each is one safe line, so that none sends control characters to the terminal.
  std::string out = paint(fmt::format("{}:{}:{}:", one_line(finding.file), finding.location.line,
                                      finding.location.column),
                          k_bold, color);
  out +=
      fmt::format(" {} {} {}\n",
                  paint(fmt::format("{}:", severity_name(finding.severity)), severity_colour(finding.severity), color),
                  one_line(finding.message), paint(fmt::format("[{}]", finding.rule), k_dim, color));
  std::string_view line = lines.line(finding.location.line);
  std::size_t width = std::max<std::size_t>(5, std::to_string(finding.location.line).size());
  if (!line.empty() && line.size() <= 400) {
    std::string gutter = fmt::format("{:>{}}", finding.location.line, width);
    out += fmt::format("{} | {}\n", paint(gutter, k_dim, color), one_line(line));
    // one_line shows a tab as one space, so the marker counts one space per byte before the column.
    auto column = static_cast<std::size_t>(std::max(finding.location.column, 1) - 1);
    std::string marker(std::min(column, line.size()), ' ');
    std::size_t length = 1;
    // The marker underlines one word: up to a blank, a comment, or the end of a flow list's item.
    constexpr std::string_view k_word_ends = " #,]}";
    while (column + length < line.size() && k_word_ends.find(line[column + length]) == std::string_view::npos) ++length;
    std::string caret = "^" + std::string(length - 1, '~');
    out += fmt::format("{} | {}{}\n", std::string(width, ' '), marker,
                       paint(caret, severity_colour(finding.severity), color));
  }
  if (!finding.path.empty()) out += fmt::format("{} = at {}\n", std::string(width, ' '), one_line(finding.path));
  return out;
}

}  // namespace

std::string format_counts_text(const FindingCounts& counts, bool color) {
  std::string out = fmt::format("{} checked: {}, {}, {} info", plural(counts.files, "file", "files"),
                                plural(counts.errors, "error", "errors"),
                                plural(counts.warnings, "warning", "warnings"), counts.infos);
  if (counts.input_errors > 0) out += fmt::format(", {} not readable", plural(counts.input_errors, "input", "inputs"));
  if (counts.waived > 0) out += fmt::format("; {} waived", counts.waived);
  if (counts.not_shown > 0) out += fmt::format("; {} not shown (--severity)", counts.not_shown);
  if (counts.baselined > 0) out += fmt::format("; {} in the baseline", counts.baselined);
  if (counts.baseline_unmatched > 0) {
    out += fmt::format("; {} baseline {} no longer found", counts.baseline_unmatched,
                       counts.baseline_unmatched == 1 ? "entry" : "entries");
  }
  bool clean = counts.errors + counts.warnings + counts.infos + counts.input_errors == 0;
  return paint(out, clean ? "\033[32m" : k_bold, color) + "\n";
}

std::string format_finding_concise(const Finding& f, bool color) {
  std::string at = f.path.empty() ? std::string() : fmt::format(" (at {})", one_line(f.path));
  return fmt::format("{} {} {} {}{}\n",
                     paint(fmt::format("{}:{}:{}:", one_line(f.file), f.location.line, f.location.column), k_bold, color),
                     paint(severity_name(f.severity), severity_colour(f.severity), color),
                     paint(fmt::format("[{}]", f.rule), k_dim, color), one_line(f.message), at);
}

std::string format_waived_text(const WaivedFinding& waived, bool color) {
  const Finding& f = waived.finding;
  return paint(fmt::format("{}:{}:{}: waived: {} [{}] (waiver at line {}: {})\n", one_line(f.file), f.location.line,
                           f.location.column, one_line(f.message), f.rule, waived.waiver.line, one_line(waived.reason)),
               k_dim, color);
}

std::string json_begin() { return "{\"files\":["; }

namespace {

std::string json_finding(const Finding& f, bool with_file) {
  return fmt::format("{{{}\"rule\":{},\"severity\":{},\"line\":{},\"column\":{},\"path\":{},\"message\":{}}}",
                     with_file ? fmt::format("\"file\":{},", json_string(f.file)) : "", json_string(f.rule),
                     json_string(severity_name(f.severity)), f.location.line, f.location.column, json_string(f.path),
                     json_string(f.message));
}

}  // namespace

std::string json_file(const FileReport& report, bool first) {
  std::string out = first ? "\n" : ",\n";
  std::string conference = "null";
  if (const auto& c = report.conference) {
    conference = fmt::format("{{\"id\":{},\"case\":{},\"chair\":{},\"date\":{}}}", json_string(c->id),
                             json_string(c->case_id), json_string(c->chair), json_string(c->date));
  }
  out += fmt::format("{{\"file\":{},\"profile\":{},\"conference\":{},\"findings\":[", json_string(report.file),
                     report.profile == nullptr ? "null" : json_string(report.profile->name), conference);
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    out += (i == 0 ? "" : ",") + json_finding(report.findings[i], false);
  }
  out += "],\"waived\":[";
  for (std::size_t i = 0; i < report.waived.size(); ++i) {
    const auto& w = report.waived[i];
    std::string finding = json_finding(w.finding, false);
    finding.pop_back();
    out += fmt::format("{}{},\"waiver_line\":{},\"reason\":{}}}", i == 0 ? "" : ",", finding, w.waiver.line,
                       json_string(w.reason));
  }
  return out + "]}";
}

std::string json_input_error(const std::string& file, const std::string& message, bool first) {
  return fmt::format("{}{{\"file\":{},\"error\":{},\"findings\":[],\"waived\":[]}}", first ? "\n" : ",\n",
                     json_string(file), json_string(message));
}

namespace {
constexpr std::string_view k_json_cross_record = "\n],\n\"cross_record\":[";
}

std::string json_cross_record(const Finding& finding, bool first) {
  return fmt::format("{}{}", first ? fmt::format("{}\n", k_json_cross_record) : ",\n", json_finding(finding, true));
}

std::string json_end(const FindingCounts& counts, bool any_cross_record, std::string_view statistics) {
  std::string out(any_cross_record ? "" : k_json_cross_record);
  out += fmt::format(
      "],\n\"summary\":{{\"files\":{},\"errors\":{},\"warnings\":{},\"info\":{},"
      "\"input_errors\":{},\"waived\":{},\"baselined\":{},\"baseline_unmatched\":{},\"not_shown\":{}}}",
      counts.files, counts.errors, counts.warnings, counts.infos, counts.input_errors, counts.waived, counts.baselined,
      counts.baseline_unmatched, counts.not_shown);
  if (!statistics.empty()) out += fmt::format(",\n\"statistics\":{}", statistics);
  return out + "}\n";
}

std::string csv_header() {
  return csv_row({"file", "line", "column", "severity", "rule", "conference", "case", "chair", "date", "message", "path",
                  "waiver"});
}

namespace {

std::string csv_finding(const Finding& f, const ConferenceFacts* c, const std::string& waiver = {}) {
  return csv_row({f.file, std::to_string(f.location.line), std::to_string(f.location.column),
                  std::string(severity_name(f.severity)), f.rule, c ? c->id : "", c ? c->case_id : "",
                  c ? c->chair : "", c ? c->date : "", f.message, f.path, waiver});
}

}  // namespace

namespace {

// Workflow-command escaping: data escapes % CR LF; properties also : and ,. The runner prints
// annotations in its log, so the text is one safe line first: no control character reaches it.
std::string github_escape(std::string_view text, bool property) {
  std::string out;
  for (char c : one_line(text)) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string format_finding_github(const Finding& finding) {
  std::string_view command = finding.severity == Severity::error     ? "error"
                             : finding.severity == Severity::warning ? "warning"
                                                                     : "notice";
  std::string message =
      finding.path.empty() ? finding.message : fmt::format("{} (at {})", finding.message, finding.path);
  return fmt::format("::{} file={},line={},col={},title={}::{}\n", command, github_escape(finding.file, true),
                     std::max(finding.location.line, 1), std::max(finding.location.column, 1),
                     github_escape(fmt::format("cpconf {}", finding.rule), true), github_escape(message, false));
}

namespace {

// text and concise: the findings of each file as it finishes, then the cross-record ones; at the
// end the waived findings (with show_waived), the statistics and the summary line.
class TextWriter : public FindingsWriter {
 public:
  explicit TextWriter(const WriterOptions& options, bool concise = false) : m_options(options), m_concise(concise) {}

  std::string file(const FileReport& report, std::string_view source) override {
    std::string out;
    SourceLines lines(m_options.excerpts && !m_concise ? source : std::string_view{});
    for (const auto& finding : report.findings) {
      out += m_concise ? format_finding_concise(finding, m_options.color)
                       : finding_text(finding, lines, m_options.color);
    }
    if (m_options.statistics) m_statistics.add(report);
    if (m_options.show_waived && !m_options.quiet) {
      for (const auto& waived : report.waived) m_waived += format_waived_text(waived, m_options.color);
    }
    return out;
  }

  std::string input_error(const std::string&, const std::string&) override { return {}; }

  std::string cross_record(const Finding& finding) override {
    if (m_options.statistics) m_statistics.add(finding, {});
    return m_concise ? format_finding_concise(finding, m_options.color)
                     : format_finding_text(finding, "", m_options.color);
  }

  std::string end(const FindingCounts& counts) override {
    bool clean = counts.errors + counts.warnings + counts.infos + counts.input_errors == 0;
    if (m_options.quiet && clean) return {};
    return m_waived + m_statistics.text(m_options.color) + format_counts_text(counts, m_options.color);
  }

 private:
  WriterOptions m_options;
  bool m_concise;
  std::string m_waived;  // the lines of the waived findings, written at the end
  FindingStatistics m_statistics;
};

class ConciseWriter : public TextWriter {
 public:
  explicit ConciseWriter(const WriterOptions& options) : TextWriter(options, true) {}
};

class CsvWriter : public FindingsWriter {
 public:
  explicit CsvWriter(const WriterOptions& options) : m_options(options) {}
  std::string begin() override { return csv_header(); }
  std::string file(const FileReport& report, std::string_view) override {
    std::string out;
    const ConferenceFacts* facts = report.conference ? &*report.conference : nullptr;
    for (const auto& finding : report.findings) out += csv_finding(finding, facts);
    if (m_options.show_waived) {
      for (const auto& w : report.waived) {
        out += csv_finding(w.finding, facts, fmt::format("line {}: {}", w.waiver.line, w.reason));
      }
    }
    return out;
  }
  std::string input_error(const std::string& file, const std::string& message) override {
    return csv_row({file, "", "", "error", "", "", "", "", "", message, "", ""});
  }
  std::string cross_record(const Finding& finding) override { return csv_finding(finding, nullptr); }
  std::string end(const FindingCounts&) override { return {}; }

 private:
  WriterOptions m_options;
};

class JsonWriter : public FindingsWriter {
 public:
  explicit JsonWriter(const WriterOptions& options) : m_options(options) {}
  std::string begin() override { return json_begin(); }
  std::string file(const FileReport& report, std::string_view) override {
    if (m_options.statistics) m_statistics.add(report);
    return json_file(report, next());
  }
  std::string input_error(const std::string& file, const std::string& message) override {
    return json_input_error(file, message, next());
  }
  std::string cross_record(const Finding& finding) override {
    if (m_options.statistics) m_statistics.add(finding, {});
    return json_cross_record(finding, !std::exchange(m_any_cross_record, true));
  }
  std::string end(const FindingCounts& counts) override {
    return json_end(counts, m_any_cross_record, m_options.statistics ? m_statistics.json() : std::string());
  }

 private:
  bool next() { return std::exchange(m_first, false); }
  WriterOptions m_options;
  FindingStatistics m_statistics;
  bool m_first = true;
  bool m_any_cross_record = false;
};

class GithubWriter : public FindingsWriter {
 public:
  std::string file(const FileReport& report, std::string_view) override { return annotations(report.findings); }
  std::string input_error(const std::string&, const std::string&) override { return {}; }
  std::string cross_record(const Finding& finding) override { return format_finding_github(finding); }
  std::string end(const FindingCounts&) override { return {}; }

 private:
  static std::string annotations(const Findings& findings) {
    std::string out;
    for (const auto& finding : findings) out += format_finding_github(finding);
    return out;
  }
};

template <class Writer>
std::unique_ptr<FindingsWriter> make(const WriterOptions& options) {
  if constexpr (std::is_constructible_v<Writer, const WriterOptions&>) {
    return std::make_unique<Writer>(options);
  } else {
    return std::make_unique<Writer>();
  }
}

constexpr FindingsFormat k_formats[] = {
    {"text", "default", false, make<TextWriter>},
    {"concise", "one line a finding", false, make<ConciseWriter>},
    {"json", "", false, make<JsonWriter>},
    {"csv", "", false, make<CsvWriter>},
    {"github", "default under GitHub Actions", true, make<GithubWriter>},
    {"sarif", "", true, make<SarifWriter>},
    {"junit", "", true, make<JunitWriter>},
};

}  // namespace

std::span<const FindingsFormat> findings_formats() { return k_formats; }

const FindingsFormat* find_findings_format(std::string_view name) { return find_named(findings_formats(), name); }

}  // namespace cpconf
