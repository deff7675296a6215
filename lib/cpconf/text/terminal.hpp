#pragma once

#include <string>
#include <string_view>

namespace cpconf {

// Record text made safe for one line of a terminal: line breaks and tabs become spaces, other
// control characters (C0, DEL and C1, whose CSI a terminal obeys as ESC [) '?', and bytes that
// are not UTF-8 U+FFFD, so a hostile record or file name cannot move the cursor, clear the
// screen, retitle the window or recolour the text.
std::string one_line(std::string_view text);
// The same with trailing blanks kept, for text already laid out, such as a padded table cell.
std::string one_line_padded(std::string_view text);

}  // namespace cpconf
