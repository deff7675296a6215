#pragma once

#include <string>
#include <string_view>
#include <vector>

// Filling text into lines of a fixed display width.
namespace cpconf {

// Words filled into lines of at most the given display width (the first line may have its
// own); a newline in the text starts a new line, a word longer than a line is broken.
std::vector<std::string> wrap(std::string_view text, std::size_t first_width, std::size_t rest_width);
inline std::vector<std::string> wrap(std::string_view text, std::size_t width) { return wrap(text, width, width); }

}  // namespace cpconf
