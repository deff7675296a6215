#pragma once

#include <string>
#include <string_view>
#include <vector>

// Small pieces shared by reports written for people (terminal, Markdown) and for scripts (CSV);
// colour and aligned columns are in text_table.hpp, Markdown escaping in render_markdown_escape.hpp.
namespace cpconf {

// Record text made safe for one line of a terminal: line breaks and tabs become spaces and
// other control characters '?', so a hostile record cannot move the cursor or recolour it.
std::string one_line(std::string_view text);

// Record text for a Markdown table cell: one_line, then escaped so it shows as written.
std::string markdown_text(std::string_view text);

// An RFC 4180 record: fields joined by commas, each quoted (quotes doubled) when it holds a
// comma, a quote, CR or LF, and the record ended by line_end (CRLF, as the RFC has it, unless
// a format documents otherwise).
std::string csv_row(const std::vector<std::string>& fields, std::string_view line_end = "\r\n");

// "1 record", "2 records".
std::string plural(long n, std::string_view one, std::string_view many);

// n of total as a whole percentage rounded half up ("67%"); "-" when total is 0.
std::string percent(long n, long total);
// The same with one decimal ("66.7"), for machine output; "" when total is 0.
std::string percent_decimal(long n, long total);

// A bar of Unicode block characters that is `width` cells long for n == total, drawn to
// the nearest eighth of a cell.
std::string bar(long n, long total, int width);

}  // namespace cpconf
