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

}  // namespace cpconf
