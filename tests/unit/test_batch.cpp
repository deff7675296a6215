#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

#include "cpconf/batch.hpp"

namespace {

// Streams the numbers 0..count-1 through work (which takes longer for some items, so that
// threads finish out of order) and returns what emit saw.
std::vector<std::string> stream(int count, unsigned jobs) {
  int produced = 0;
  std::function<std::optional<int>()> next = [&]() -> std::optional<int> {
    if (produced == count) return std::nullopt;
    return produced++;
  };
  std::function<std::string(std::size_t, int&)> work = [](std::size_t i, int& input) {
    if (input % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
    return std::to_string(i) + "=" + std::to_string(input * input);
  };
  std::vector<std::string> seen;
  std::function<void(std::size_t, std::string &&)> emit = [&](std::size_t i, std::string&& result) {
    CHECK(i == seen.size());
    seen.push_back(std::move(result));
  };
  cpconf::ordered_stream<int, std::string>(next, jobs, work, emit);
  return seen;
}

}  // namespace

TEST_CASE("results come out in input order whatever the number of threads") {
  std::vector<std::string> expected;
  for (int i = 0; i < 500; ++i) expected.push_back(std::to_string(i) + "=" + std::to_string(i * i));
  for (unsigned jobs : {1u, 2u, 3u, 8u}) {
    CAPTURE(jobs);
    CHECK(stream(500, jobs) == expected);
    CHECK(stream(0, jobs).empty());
    CHECK(stream(1, jobs) == std::vector<std::string>{"0=0"});
  }
}

TEST_CASE("a failure in the input, the work or the output stops the run and reaches the caller") {
  for (unsigned jobs : {1u, 2u, 4u}) {
    CAPTURE(jobs);
    int produced = 0;
    std::function<std::optional<int>()> failing_next = [&]() -> std::optional<int> {
      if (produced == 50) throw std::runtime_error("input");
      return produced++;
    };
    std::function<std::optional<int>()> next = [&]() -> std::optional<int> {
      if (produced == 200) return std::nullopt;
      return produced++;
    };
    std::function<int(std::size_t, int&)> work = [](std::size_t, int& input) { return input; };
    std::function<int(std::size_t, int&)> failing_work = [](std::size_t, int& input) {
      if (input == 120) throw std::runtime_error("work");
      return input;
    };
    int emitted = 0;
    std::function<void(std::size_t, int&&)> emit = [&](std::size_t, int&&) { ++emitted; };
    std::function<void(std::size_t, int&&)> failing_emit = [&](std::size_t i, int&&) {
      if (i == 30) throw std::runtime_error("output");
    };
    CHECK_THROWS_WITH((cpconf::ordered_stream<int, int>(failing_next, jobs, work, emit)), "input");
    CHECK(emitted <= 50);
    produced = 0;
    emitted = 0;
    CHECK_THROWS_WITH((cpconf::ordered_stream<int, int>(next, jobs, failing_work, emit)), "work");
    CHECK(emitted <= 120);  // nothing after the failed item is emitted
    produced = 0;
    CHECK_THROWS_WITH((cpconf::ordered_stream<int, int>(next, jobs, work, failing_emit)), "output");
  }
}
