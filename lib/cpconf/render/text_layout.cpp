#include "cpconf/render/text_layout.hpp"

#include <algorithm>

#include "cpconf/text/utf8.hpp"
#include "cpconf/text/wrap.hpp"

namespace cpconf {

TableLayout lay_out_table(const Table& table, std::size_t width, std::size_t gap, std::size_t least_wrap,
                          bool with_header) {
  TableLayout layout;
  for (std::size_t column = 0; column < table.columns.size(); ++column) {
    if (table.columns[column].wide) continue;
    std::size_t w = with_header ? display_width(table.columns[column].header) : 0;
    for (const auto& group : table.groups) {
      for (const auto& row : group.rows) {
        if (column < row.size()) {
          for (const auto& line : wrap(row[column].text, SIZE_MAX)) w = std::max(w, display_width(line));
        }
      }
    }
    layout.short_columns.push_back(column);
    layout.widths.push_back(w);
  }
  for (const auto& group : table.groups) {
    for (const auto& row : group.rows) {
      for (std::size_t column = 0; column < row.size() && column < table.columns.size(); ++column) {
        if (table.columns[column].wide && !row[column].text.empty()) layout.spaced = true;
      }
    }
  }
  if (layout.widths.empty()) return layout;
  std::size_t before_last = 0;
  for (std::size_t i = 0; i + 1 < layout.widths.size(); ++i) before_last += layout.widths[i] + gap;
  if (before_last + layout.widths.back() <= width) return layout;
  if (before_last + least_wrap <= width) {
    layout.widths.back() = width - before_last;
  } else {
    layout.columns_fit = false;
  }
  return layout;
}

}  // namespace cpconf
