#pragma once

#include <string>
#include <string_view>

namespace cpconf {

// Writes all of content to the open file fd, going on after short writes and interruptions.
// False, with errno set, when a write fails.
bool write_all(int fd, std::string_view content);

// Writes content to path through a temporary file in the same folder and a rename, so that
// readers see the old file or the new one, never half of one. Throws InputError on failure.
// The file gets the given permission bits (0600 for files holding personal data). durable
// flushes it to disk before the rename; a cache, which checks what it reads, can skip that.
enum class Durability { flushed, cache };
void write_file_atomically(const std::string& path, std::string_view content, unsigned mode = 0644,
                           Durability durability = Durability::flushed);

}  // namespace cpconf
