#include "cpconf/text/csv.hpp"

#include <algorithm>

namespace cpconf {

namespace {

// -3, 12, 0.5: what a spreadsheet reads as a number whatever its sign, never as a formula.
bool is_plain_number(std::string_view field) {
  if (field.starts_with('-')) field.remove_prefix(1);
  auto digits = [](std::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  auto point = field.find('.');
  if (point == std::string_view::npos) return digits(field);
  return digits(field.substr(0, point)) && digits(field.substr(point + 1));
}

// Spreadsheets (Excel, LibreOffice, Google Sheets) evaluate a cell that begins with one of
// these, so a chair named "=HYPERLINK(...)" would become a live link or command.
bool looks_like_formula(std::string_view field) {
  constexpr std::string_view k_formula_starts = "=+-@\t\r";
  return !field.empty() && k_formula_starts.find(field.front()) != std::string_view::npos &&
         !is_plain_number(field);
}

// The field with a ' in front when it looks like a formula: the spreadsheet then shows it as
// text, and a reader still sees every character of it.
std::string neutralised(std::string_view field) {
  return looks_like_formula(field) ? "'" + std::string(field) : std::string(field);
}

}  // namespace

std::string csv_row(const std::vector<std::string>& fields, std::string_view line_end) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(',');
    std::string field = neutralised(fields[i]);
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
      out += field;
      continue;
    }
    out.push_back('"');
    for (char c : field) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out.push_back('"');
  }
  out += line_end;
  return out;
}

}  // namespace cpconf
