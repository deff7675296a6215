#include "cpconf/text/text_table.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cpconf/text/terminal.hpp"
#include "cpconf/text/utf8.hpp"
#include "cpconf/text/wrap.hpp"

namespace cpconf {

std::string paint(std::string_view text, std::string_view style, bool color) {
  if (!color || style.empty() || text.empty()) return std::string(text);
  return fmt::format("{}{}{}", style, text, style::k_reset);
}

TextTable::TextTable(std::vector<std::string> header) : m_header(std::move(header)) {}

// Cells and notes often hold record text: each is made one safe line here, so that no table
// can carry a record's control characters to the terminal, whoever fills it.
void TextTable::add(std::vector<Cell> row) {
  for (auto& cell : row) cell.text = one_line_padded(cell.text);  // a cell may be padded on purpose
  m_rows.push_back({std::move(row), {}});
}

void TextTable::add_note(std::string text) {
  if (!m_rows.empty()) m_rows.back().notes.push_back(one_line_padded(text));
}

std::string TextTable::render(bool color, std::size_t width) const {
  std::vector<std::size_t> widths(m_header.size(), 0);
  for (std::size_t i = 0; i < m_header.size(); ++i) widths[i] = display_width(m_header[i]);
  for (const auto& row : m_rows) {
    for (std::size_t i = 0; i < row.cells.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(row.cells[i].text));
    }
  }
  // Where the last column starts, and how wide it may be: wrapping narrower than this would
  // read worse than a long line.
  constexpr std::size_t k_least_wrap = 40;
  std::size_t last_start = 0;
  for (std::size_t i = 0; i + 1 < widths.size(); ++i) last_start += widths[i] + 2;
  bool too_wide = width > 0 && !widths.empty() && last_start + widths.back() > width;
  bool wraps = too_wide && width >= last_start + k_least_wrap;
  // Where even that is too narrow, the last column's text goes on lines of its own under the
  // row, indented past the first column.
  bool stacks = too_wide && !wraps;
  std::size_t stack_indent = widths.empty() ? 0 : widths[0] + 6;
  if (stacks) last_start = stack_indent;
  // Empty trailing cells add no padding, so that no line ends in blanks.
  auto line = [&](const std::vector<Cell>& cells) {
    std::size_t last = cells.size();
    while (last > 0 && cells[last - 1].text.empty()) --last;
    std::string out;
    std::vector<std::string> more;  // the wrapped last cell's further lines
    for (std::size_t i = 0; i < last; ++i) {
      std::string_view text = cells[i].text;
      std::vector<std::string> lines;
      if ((wraps || stacks) && i + 1 == widths.size()) {
        lines = wrap(text, width > last_start + k_least_wrap ? width - last_start : k_least_wrap);
        // Stacked, every line goes under the row; wrapped, the first stays on it.
        std::size_t kept = stacks || lines.empty() ? 0 : 1;
        text = kept == 1 ? std::string_view(lines.front()) : std::string_view();
        more.assign(lines.begin() + static_cast<std::ptrdiff_t>(kept), lines.end());
      }
      out += paint(text, cells[i].style, color);
      if (i + 1 < last) out += std::string(widths[i] - display_width(cells[i].text) + 2, ' ');
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n";
    for (const auto& rest : more) {
      out += std::string(last_start, ' ') + paint(rest, cells[widths.size() - 1].style, color) + "\n";
    }
    return out;
  };
  std::vector<Cell> header;
  for (const auto& h : m_header) header.push_back({h, style::k_bold});
  if (stacks && !header.empty()) header.back().text.clear();  // its text is under each row, untitled
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
