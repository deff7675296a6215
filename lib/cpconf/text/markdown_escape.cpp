#include "cpconf/text/markdown_escape.hpp"

#include "cpconf/text/terminal.hpp"

namespace cpconf {

namespace {

constexpr std::string_view k_always_escaped = "\\`*_[]<>|~$";

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// "&amp;", "&#60;": an ampersand that would start a character reference.
bool starts_reference(std::string_view text, std::size_t pos) {
  std::size_t i = pos + 1;
  if (i < text.size() && text[i] == '#') ++i;
  std::size_t first = i;
  while (i < text.size() && is_alnum(text[i])) ++i;
  return i > first && i < text.size() && text[i] == ';';
}

// One line, trimmed, with what would start a block at its start escaped too.
std::string escape_line(std::string_view line, bool line_start) {
  auto first = line.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  line = line.substr(first, line.find_last_not_of(' ') - first + 1);
  std::string out;
  std::size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    bool block_start = line_start && ((i == 0 && (c == '#' || c == '+' || c == '-' || c == '=')) ||
                                      (i == digits && digits > 0 && (c == '.' || c == ')')));
    bool escape =
        block_start || k_always_escaped.find(c) != std::string_view::npos || (c == '&' && starts_reference(line, i));
    if (escape) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string escape_lines(std::string_view text, std::string_view line_break, bool line_starts) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = escape_line(text.substr(start, end - start), line_starts);
    if (!line.empty()) out += (out.empty() ? "" : std::string(line_break)) + line;
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string markdown_inline(std::string_view text) { return escape_lines(text, "\\\n", true); }
std::string markdown_line(std::string_view text) { return escape_lines(text, " ", true); }
// A cell holds inline content only: nothing in it can start a block.
std::string markdown_cell(std::string_view text) { return escape_lines(text, "<br>", false); }

std::string markdown_text(std::string_view text) { return markdown_cell(one_line(text)); }

}  // namespace cpconf
