#pragma once

#include <string>
#include <string_view>

namespace cpconf {

// A JSON string literal, quotes included, with every control character escaped.
std::string json_string(std::string_view text);

}  // namespace cpconf
