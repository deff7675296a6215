#include "cpconf/text/figures.hpp"

#include <fmt/format.h>

namespace cpconf {

namespace {

// U+258F ... U+2589: one eighth to seven eighths of a cell, then the full block.
constexpr std::string_view k_eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
constexpr std::string_view k_full = "█";

}  // namespace

std::string plural(long n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string percent(long n, long total) {
  if (total <= 0) return "-";
  return fmt::format("{}%", (200 * n + total) / (2 * total));
}

std::string percent_decimal(long n, long total) {
  if (total <= 0) return "";
  long tenths = (2000 * n + total) / (2 * total);
  return fmt::format("{}.{}", tenths / 10, tenths % 10);
}

std::string bar(long n, long total, int width) {
  if (total <= 0 || n <= 0 || width <= 0) return "";
  long eighths = (16L * width * n + total) / (2 * total);
  std::string out;
  for (long i = 0; i < eighths / 8; ++i) out += k_full;
  out += k_eighths[eighths % 8];
  return out;
}

}  // namespace cpconf
