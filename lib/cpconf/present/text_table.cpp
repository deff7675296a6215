#include "cpconf/present/text_table.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cpconf/present/render_utf8.hpp"

namespace cpconf {

std::string paint(std::string_view text, std::string_view style, bool color) {
  if (!color || style.empty() || text.empty()) return std::string(text);
  return fmt::format("{}{}{}", style, text, style::k_reset);
}

TextTable::TextTable(std::vector<std::string> header) : m_header(std::move(header)) {}

void TextTable::add(std::vector<Cell> row) { m_rows.push_back({std::move(row), {}}); }

void TextTable::add_note(std::string text) {
  if (!m_rows.empty()) m_rows.back().notes.push_back(std::move(text));
}

std::string TextTable::render(bool color) const {
  std::vector<std::size_t> widths(m_header.size(), 0);
  for (std::size_t i = 0; i < m_header.size(); ++i) widths[i] = display_width(m_header[i]);
  for (const auto& row : m_rows) {
    for (std::size_t i = 0; i < row.cells.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(row.cells[i].text));
    }
  }
  // Empty trailing cells add no padding, so that no line ends in blanks.
  auto line = [&](const std::vector<Cell>& cells) {
    std::size_t last = cells.size();
    while (last > 0 && cells[last - 1].text.empty()) --last;
    std::string out;
    for (std::size_t i = 0; i < last; ++i) {
      out += paint(cells[i].text, cells[i].style, color);
      if (i + 1 < last) out += std::string(widths[i] - display_width(cells[i].text) + 2, ' ');
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::vector<Cell> header;
  for (const auto& h : m_header) header.push_back({h, style::k_bold});
  bool headed = std::any_of(m_header.begin(), m_header.end(), [](const std::string& h) { return !h.empty(); });
  std::string out = headed ? line(header) : std::string();
  std::string indent(widths.empty() ? 0 : widths[0] + 2, ' ');
  for (const auto& row : m_rows) {
    out += line(row.cells);
    for (const auto& note : row.notes) out += indent + paint(note, style::k_dim, color) + "\n";
  }
  return out;
}

}  // namespace cpconf
