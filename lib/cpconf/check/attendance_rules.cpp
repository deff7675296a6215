#include "cpconf/check/rule.hpp"

namespace cpconf {

std::span<const Rule> attendance_rules() { return {}; }

}  // namespace cpconf
