#include <string>
#include <vector>

#include <fmt/format.h>

#include "support.hpp"

namespace {

using cpconf::test::run_rule;
using Messages = std::vector<std::string>;

// The usual record with the conference starting and ending as given ("" leaves the end out).
std::string held(std::string_view start, std::string_view end) {
  std::string conference = fmt::format("  kind: initial\n  profile: england\n  strategy-discussion: 2026-03-02\n"
                                        "  start: {}\n{}  chair: Test Chair\n",
                                        start, end.empty() ? "" : fmt::format("  end: {}\n", end));
  return cpconf::test::record().conference(conference).str();
}

}  // namespace

// --- conference-ends-before-start

TEST_CASE("conference-ends-before-start: fires on an end before the start, the same day or an earlier one") {
  CHECK(run_rule("conference-ends-before-start", held("2026-03-20 10:00", "2026-03-20 09:30")) ==
        Messages{"conference.end: the conference ends at 2026-03-20 09:30, before it starts at 2026-03-20 10:00: a "
                 "start or end is mistyped"});
  CHECK(run_rule("conference-ends-before-start", held("2026-03-20 10:00", "2026-03-19 11:30")).size() == 1);
}

TEST_CASE("conference-ends-before-start: silent on an end after or at the start, or without an end") {
  CHECK(run_rule("conference-ends-before-start", held("2026-03-20 10:00", "2026-03-20 11:30")).empty());
  CHECK(run_rule("conference-ends-before-start", held("2026-03-20 10:00", "2026-03-20 10:00")).empty());
  CHECK(run_rule("conference-ends-before-start", held("2026-03-20 23:00", "2026-03-21 01:00")).empty());
  CHECK(run_rule("conference-ends-before-start", held("2026-03-20 10:00", "")).empty());
}
