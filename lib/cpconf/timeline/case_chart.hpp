#pragma once

#include <string>

#include "cpconf/timeline/case_chain.hpp"

// `cpconf timeline --case`: the chain of a case's conferences as an aligned chart, a row per
// conference on a shared date axis, and as JSON.
namespace cpconf {

std::string format_case_text(const CaseChain& chain, bool color);
std::string format_case_json(const CaseChain& chain);

}  // namespace cpconf
