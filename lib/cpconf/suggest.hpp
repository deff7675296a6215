#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cpconf {

// The candidate closest to word by edit distance, or empty when none is close enough to be
// a plausible typo.
std::string_view nearest(std::string_view word, std::span<const std::string_view> candidates);
std::string_view nearest(std::string_view word, const std::vector<std::string>& candidates);

// ", did you mean 'x'?" or nothing.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// ASCII letters in lower case; every other byte (UTF-8 included) as it is. Names and keys are
// compared this way, never by the locale.
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
std::string ascii_lowered(std::string_view text);

// "a, b, c" (each quoted when quote is true).
std::string join(std::span<const std::string_view> words, bool quote = false);
std::string join(const std::vector<std::string>& words, bool quote = false);

}  // namespace cpconf
