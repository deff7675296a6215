#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// Just enough UTF-8 for laying out and redacting text: decoding one code point, classifying
// letters for word boundaries, and counting columns.
namespace cpconf {

inline constexpr char32_t k_replacement_character = 0xFFFD;

struct CodePoint {
  char32_t value = k_replacement_character;
  std::size_t length = 1;  // bytes taken, at least 1 even for a broken sequence
  bool valid = false;
};

// The code point starting at text[pos]; a broken or overlong sequence is invalid, length 1.
CodePoint decode_at(std::string_view text, std::size_t pos);
// The start of the code point that ends just before pos (pos > 0).
std::size_t previous_start(std::string_view text, std::size_t pos);

void append_utf8(std::string& out, char32_t value);

// Letters (and marks) make words; digits, spaces, punctuation and symbols separate them, as
// Unicode's general categories say (utf8proc).
bool is_letter(char32_t value);

// The C0 and C1 control characters and DEL: what a terminal may take as a command.
constexpr bool is_control(char32_t value) { return value < 0x20 || (value >= 0x7F && value <= 0x9F); }

// Columns a terminal gives the text, as Unicode says (utf8proc's widths): none for combining
// marks, zero-width and control characters, two for wide East Asian ones, one otherwise.
std::size_t display_width(std::string_view text);

}  // namespace cpconf
