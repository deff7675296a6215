#include "cpconf/check/rule.hpp"

namespace cpconf {

std::span<const Rule> information_rules() { return {}; }

}  // namespace cpconf
