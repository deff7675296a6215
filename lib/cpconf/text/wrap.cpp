#include "cpconf/text/wrap.hpp"

#include <algorithm>

#include "cpconf/text/utf8.hpp"

namespace cpconf {

namespace {

// Breaks a word wider than a line into pieces of at most width columns.
std::vector<std::string> split_word(std::string_view word, std::size_t width) {
  std::vector<std::string> pieces(1);
  std::size_t used = 0;
  for (std::size_t pos = 0; pos < word.size();) {
    std::size_t length = decode_at(word, pos).length;
    std::string_view piece = word.substr(pos, length);
    std::size_t w = display_width(piece);
    if (used + w > width && used > 0) {
      pieces.emplace_back();
      used = 0;
    }
    pieces.back() += piece;
    used += w;
    pos += length;
  }
  return pieces;
}

}  // namespace

std::vector<std::string> wrap(std::string_view text, std::size_t first_width, std::size_t rest_width) {
  std::vector<std::string> lines;
  auto limit = [&] { return lines.empty() ? first_width : rest_width; };
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view paragraph = text.substr(start, end - start);
    std::string line;
    std::size_t used = 0;
    bool any = false;
    std::size_t pos = 0;
    while (pos < paragraph.size()) {
      std::size_t word_end = paragraph.find(' ', pos);
      if (word_end == std::string_view::npos) word_end = paragraph.size();
      std::string_view word = paragraph.substr(pos, word_end - pos);
      pos = word_end + 1;
      if (word.empty()) continue;
      std::size_t w = display_width(word);
      if (used > 0 && used + 1 + w <= limit()) {
        line += " ";
        line += word;
        used += 1 + w;
        continue;
      }
      if (used > 0) {
        lines.push_back(std::move(line));
        line.clear();
        used = 0;
      }
      if (w <= limit()) {
        line = std::string(word);
        used = w;
      } else {
        auto pieces = split_word(word, std::max<std::size_t>(limit(), 1));
        for (std::size_t i = 0; i + 1 < pieces.size(); ++i) lines.push_back(pieces[i]);
        line = pieces.back();
        used = display_width(line);
      }
      any = true;
    }
    if (any || end < text.size()) lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

}  // namespace cpconf
