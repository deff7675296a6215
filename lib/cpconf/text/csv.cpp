#include "cpconf/text/csv.hpp"

namespace cpconf {

std::string csv_row(const std::vector<std::string>& fields, std::string_view line_end) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(',');
    const std::string& field = fields[i];
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
      out += field;
      continue;
    }
    out.push_back('"');
    for (char c : field) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out.push_back('"');
  }
  out += line_end;
  return out;
}

}  // namespace cpconf
