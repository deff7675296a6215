#include "cpconf/batch.hpp"

namespace cpconf {

unsigned default_jobs() {
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

}  // namespace cpconf
