#include "cpconf/load/profile.hpp"

#include <algorithm>

namespace cpconf {

const GroupingDef* Profile::grouping(std::string_view id) const {
  for (const auto& g : groupings) {
    if (g.id == id) return &g;
  }
  return nullptr;
}

bool Profile::is_non_voting(Capacity capacity) const {
  return std::find(non_voting.begin(), non_voting.end(), capacity) != non_voting.end();
}

ProfileError::ProfileError(std::string file, std::string message, Findings findings)
    : InputError(std::move(file), std::move(message)), m_findings(std::move(findings)) {}

}  // namespace cpconf
