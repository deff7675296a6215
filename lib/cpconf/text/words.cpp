#include "cpconf/text/words.hpp"

#include <fmt/format.h>

namespace cpconf {

namespace {

template <class Range>
std::string join_in(const Range& words, bool quote) {
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out += ", ";
    out += quote ? fmt::format("'{}'", word) : std::string(word);
  }
  return out;
}

}  // namespace

std::string join(std::span<const std::string_view> words, bool quote) { return join_in(words, quote); }
std::string join(const std::vector<std::string>& words, bool quote) { return join_in(words, quote); }

std::string ascii_lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

}  // namespace cpconf
