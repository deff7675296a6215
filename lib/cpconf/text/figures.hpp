#pragma once

#include <string>
#include <string_view>

// Counts and shares as reports for people and scripts write them.
namespace cpconf {

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
