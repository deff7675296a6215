#include "cpconf/present/report_text.hpp"

#include <fmt/format.h>

#include "cpconf/present/render_markdown_escape.hpp"

namespace cpconf {

namespace {

// U+258F ... U+2589: one eighth to seven eighths of a cell, then the full block.
constexpr std::string_view k_eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
constexpr std::string_view k_full = "█";

}  // namespace

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    auto byte = static_cast<unsigned char>(c);
    // C1 controls (U+0080 to U+009F, as UTF-8 0xC2 0x80 to 0xC2 0x9F) include a one-byte CSI.
    bool c1 = byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0 &&
              static_cast<unsigned char>(text[i + 1]) >= 0x80;
    if (c == '\n' || c == '\r' || c == '\t') {
      out.push_back(' ');
    } else if (byte < 0x20 || byte == 0x7f) {
      out.push_back('?');
    } else if (c1) {
      out.push_back('?');
      ++i;
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string markdown_text(std::string_view text) { return markdown_cell(one_line(text)); }

std::string csv_row(const std::vector<std::string>& fields, std::string_view line_end) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(',');
    const std::string& field = fields[i];
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

std::string plural(long n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string percent(long n, long total) {
  if (total <= 0) return "-";
  return fmt::format("{}%", (200 * n + total) / (2 * total));
}

std::string percent_decimal(long n, long total) {
  if (total <= 0) return "";
  long tenths = (2000 * n + total) / (2 * total);
  return fmt::format("{}.{}", tenths / 10, tenths % 10);
}

std::string bar(long n, long total, int width) {
  if (total <= 0 || n <= 0 || width <= 0) return "";
  long eighths = (16L * width * n + total) / (2 * total);
  std::string out;
  for (long i = 0; i < eighths / 8; ++i) out += k_full;
  out += k_eighths[eighths % 8];
  return out;
}

}  // namespace cpconf
