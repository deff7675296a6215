#pragma once

#include <string>
#include <string_view>

namespace cpconf {

// Writes content to path through a temporary file in the same folder and a rename, so that
// readers see the old file or the new one, never half of one. Throws InputError on failure.
void write_file_atomically(const std::string& path, std::string_view content);

}  // namespace cpconf
