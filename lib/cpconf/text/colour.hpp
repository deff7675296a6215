#pragma once

#include <optional>
#include <string_view>

#include "cpconf/finding.hpp"

namespace cpconf {

inline constexpr std::string_view k_reset = "\033[0m";
inline constexpr std::string_view k_bold = "\033[1m";
inline constexpr std::string_view k_dim = "\033[2m";

// The terminal colour of a severity everywhere cpconf shows one; a rule that is off is dim.
inline std::string_view severity_colour(std::optional<Severity> severity) {
  if (!severity) return k_dim;
  switch (*severity) {
    case Severity::error: return "\033[1;31m";
    case Severity::warning: return "\033[1;33m";
    case Severity::info: return "\033[1;36m";
  }
  return "";
}

}  // namespace cpconf
