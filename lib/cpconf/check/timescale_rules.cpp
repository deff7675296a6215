#include "cpconf/check/rule.hpp"

namespace cpconf {

std::span<const Rule> timescale_rules() { return {}; }

}  // namespace cpconf
