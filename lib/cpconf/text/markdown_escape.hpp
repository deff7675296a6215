#pragma once

#include <string>
#include <string_view>

// Escaping for CommonMark (and GitHub's tables), so that a value from a record shows exactly
// as written: never as emphasis, a link, raw HTML, a heading, a list or a table border.
namespace cpconf {

// Inline text: markup characters backslash-escaped, "&" before what looks like an entity
// escaped, block markers at the start of a line escaped; newlines become hard line breaks.
std::string markdown_inline(std::string_view text);
// The same on one line (headings): newlines become spaces.
std::string markdown_line(std::string_view text);
// The same in a table cell, where no block can start: newlines become <br>.
std::string markdown_cell(std::string_view text);

// Record text for a Markdown table cell: one_line, then escaped so it shows as written.
std::string markdown_text(std::string_view text);

}  // namespace cpconf
