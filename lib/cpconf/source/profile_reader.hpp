#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cpconf/load/profile.hpp"

// Reading profiles: the built-in ones compiled in, and profile files that extend them.
namespace cpconf {

std::vector<std::string> builtin_profile_names();
// The YAML text a built-in profile is defined by (a record may name one).
std::optional<std::string_view> builtin_profile_text(std::string_view name);

// A built-in profile by name, or a profile file (which `extends:` a built-in one).
// Throws ProfileError when the name is unknown or the file is not a valid profile.
Profile load_profile(const std::string& name_or_path);

// Parses profile text that extends a built-in profile; file names it in findings.
Profile parse_profile(std::string_view text, const std::string& file);

}  // namespace cpconf
