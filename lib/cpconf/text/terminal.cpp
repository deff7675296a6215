#include "cpconf/text/terminal.hpp"

#include "cpconf/text/utf8.hpp"

namespace cpconf {

std::string one_line_padded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    CodePoint cp = decode_at(text, pos);
    pos += cp.length;
    char32_t c = cp.value;
    if (c == '\n' || c == '\r' || c == '\t') {
      out.push_back(' ');
    } else if (is_control(c)) {
      out.push_back('?');
    } else {
      // An invalid byte decodes as U+FFFD: alone, a byte such as 0x9B is a CSI to 8-bit terminals.
      append_utf8(out, c);
    }
  }
  return out;
}

std::string one_line(std::string_view text) {
  std::string out = one_line_padded(text);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace cpconf
