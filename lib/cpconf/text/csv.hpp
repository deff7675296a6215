#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cpconf {

// An RFC 4180 record: fields joined by commas, each quoted (quotes doubled) when it holds a
// comma, a quote, CR or LF, and the record ended by line_end (CRLF, as the RFC has it, unless
// a format documents otherwise). A field a spreadsheet would take for a formula (one beginning
// with = + - @, a tab or CR) is first prefixed with a single quote, as OWASP advises against
// CSV injection; a plain number such as -3 or 1.5 is left as it is.
std::string csv_row(const std::vector<std::string>& fields, std::string_view line_end = "\r\n");

}  // namespace cpconf
