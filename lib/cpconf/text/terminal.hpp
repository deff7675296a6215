#pragma once

#include <string>
#include <string_view>

namespace cpconf {

// Record text made safe for one line of a terminal: line breaks and tabs become spaces and
// other control characters '?', so a hostile record cannot move the cursor or recolour it.
std::string one_line(std::string_view text);

}  // namespace cpconf
