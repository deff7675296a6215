#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cpconf {

// ASCII letters in lower case; every other byte (UTF-8 included) as it is. Names and keys are
// compared this way, never by the locale.
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
std::string ascii_lowered(std::string_view text);

// "a, b, c" (each quoted when quote is true).
std::string join(std::span<const std::string_view> words, bool quote = false);
std::string join(const std::vector<std::string>& words, bool quote = false);

}  // namespace cpconf
