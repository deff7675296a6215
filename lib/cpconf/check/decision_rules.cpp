#include "cpconf/check/rule.hpp"

namespace cpconf {

std::span<const Rule> decision_rules() { return {}; }

}  // namespace cpconf
