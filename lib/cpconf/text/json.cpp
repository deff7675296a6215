#include "cpconf/text/json.hpp"

#include <fmt/format.h>

#include "cpconf/text/utf8.hpp"

namespace cpconf {

namespace {

void append_ascii(std::string& out, char c) {
  switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    default:
      if (static_cast<unsigned char>(c) < 0x20) {
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
      } else {
        out.push_back(c);
      }
  }
}

}  // namespace

std::string json_string(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  for (std::size_t pos = 0; pos < text.size();) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      append_ascii(out, text[pos++]);
      continue;
    }
    CodePoint cp = decode_at(text, pos);
    if (cp.valid) {
      out.append(text, pos, cp.length);
    } else {
      append_utf8(out, k_replacement_character);
    }
    pos += cp.length;
  }
  out.push_back('"');
  return out;
}

}  // namespace cpconf
