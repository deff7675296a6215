#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cpconf/render/document.hpp"
#include "cpconf/text/wrap.hpp"

// Laying text out in columns of a fixed width, for the text writer.
namespace cpconf {

struct TableLayout {
  std::vector<std::size_t> short_columns;  // the columns set side by side, in order
  std::vector<std::size_t> widths;         // and their widths; the last may wrap its cells
  bool columns_fit = true;                 // false: each row is stacked as "Header: value" lines
  bool spaced = false;                     // rows carry wide text under them
};

// Side by side when the short columns fit the width (wrapping the last one if it is at least
// least_wrap wide), else stacked. Headers count towards widths only when shown.
TableLayout lay_out_table(const Table& table, std::size_t width, std::size_t gap, std::size_t least_wrap,
                          bool with_header);

}  // namespace cpconf
