#pragma once

#include <string>
#include <string_view>

namespace cpconf {

// Text safe anywhere in HTML or SVG, element content and quoted attribute values alike:
// & < > " ' become character references.
std::string html_escape(std::string_view text);

}  // namespace cpconf
