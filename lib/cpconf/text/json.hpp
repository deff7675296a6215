#pragma once

#include <string>
#include <string_view>

namespace cpconf {

// A JSON string literal, quotes included, with every control character escaped. Bytes that are
// not UTF-8 (a file name in another encoding, a broken record) become U+FFFD, so that the
// document is always the UTF-8 text RFC 8259 requires and strict parsers read it.
std::string json_string(std::string_view text);

}  // namespace cpconf
