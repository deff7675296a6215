#include "cpconf/text/terminal.hpp"

namespace cpconf {

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    auto byte = static_cast<unsigned char>(c);
    // C1 controls (U+0080 to U+009F, as UTF-8 0xC2 0x80 to 0xC2 0x9F) include a one-byte CSI.
    bool c1 = byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0 &&
              static_cast<unsigned char>(text[i + 1]) >= 0x80;
    if (c == '\n' || c == '\r' || c == '\t') {
      out.push_back(' ');
    } else if (byte < 0x20 || byte == 0x7f) {
      out.push_back('?');
    } else if (c1) {
      out.push_back('?');
      ++i;
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace cpconf
