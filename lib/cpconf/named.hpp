#pragma once

#include <span>
#include <string_view>

namespace cpconf {

// The row of a table (of formats, say) with this name, or nullptr.
template <class Row>
const Row* find_named(std::span<const Row> rows, std::string_view name) {
  for (const Row& row : rows) {
    if (row.name == name) return &row;
  }
  return nullptr;
}

}  // namespace cpconf
