#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Aligned columns for terminal output, with colour that never upsets the alignment.
namespace cpconf {

namespace style {
inline constexpr std::string_view k_reset = "\033[0m";
inline constexpr std::string_view k_bold = "\033[1m";
inline constexpr std::string_view k_dim = "\033[2m";
inline constexpr std::string_view k_red = "\033[31m";
inline constexpr std::string_view k_bold_red = "\033[1;31m";
inline constexpr std::string_view k_green = "\033[32m";
inline constexpr std::string_view k_yellow = "\033[33m";
inline constexpr std::string_view k_cyan = "\033[36m";
}  // namespace style

std::string paint(std::string_view text, std::string_view style, bool color);

struct Cell {
  std::string text;
  std::string_view style;  // an ANSI sequence from cpconf::style, or empty
};

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header);
  // Every cell's text is made one safe line (one_line_padded): record text may hold control characters.
  void add(std::vector<Cell> row);
  // A line of its own under the last row, starting at the second column; not aligned; one safe line.
  void add_note(std::string text);
  // Columns two spaces apart, the header bold (none when every title is empty); no trailing blanks.
  // With a width, a last column that would cross it is wrapped under itself (the other columns
  // keep their widths: they hold short values, the last one prose such as a vote's reasoning).
  std::string render(bool color, std::size_t width = 0) const;

 private:
  struct Row {
    std::vector<Cell> cells;
    std::vector<std::string> notes;
  };
  std::vector<std::string> m_header;
  std::vector<Row> m_rows;
};

}  // namespace cpconf
