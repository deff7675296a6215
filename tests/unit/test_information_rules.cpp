#include <string>
#include <vector>

#include "support.hpp"

namespace {

using cpconf::test::record;
using cpconf::test::run_rule;
using Messages = std::vector<std::string>;

}  // namespace

// --- unclassified-information

TEST_CASE("unclassified-information: fires for a point without a basis") {
  std::string yaml = record()
                         .rest(R"(information:
  - point: The home was cold and there was no food in the kitchen during the unannounced visit on 2026-03-04.
    by: a1
  - point: Mother has missed three appointments.
    basis: fact
    by: a1
  - point: No one said where this came from.
)")
                         .str();
  CHECK(run_rule("unclassified-information", yaml) ==
        Messages{"information[0]: information point 'The home was cold and there was no food in the kitchen...' "
                 "(by a1) has no 'basis': mark it as fact, observation, allegation or opinion",
                 "information[2]: information point 'No one said where this came from.' has no 'basis': mark it as "
                 "fact, observation, allegation or opinion"});
}

TEST_CASE("unclassified-information: silent when every point is classified") {
  for (std::string basis : {"fact", "observation", "allegation", "opinion"}) {
    CAPTURE(basis);
    CHECK(run_rule("unclassified-information",
                   record().rest("information:\n  - point: Something was said.\n    basis: " + basis + "\n").str())
              .empty());
  }
  CHECK(run_rule("unclassified-information", record().str()).empty());
}

// --- opinion-without-evidence

TEST_CASE("opinion-without-evidence: fires for an opinion with no evidence") {
  std::string yaml = record()
                         .rest(R"(information:
  - point: Father is not committed to change.
    basis: opinion
    by: a1
  - point: Mother is engaging well.
    basis: opinion
    by: a1
    evidence: She attended all six parenting sessions since January.
  - point: The child said she is scared at home.
    basis: allegation
)")
                         .str();
  CHECK(run_rule("opinion-without-evidence", yaml) ==
        Messages{"information[0].basis: opinion 'Father is not committed to change.' (by a1) gives no 'evidence': "
                 "record the evidence the opinion is based on"});
}

TEST_CASE("opinion-without-evidence: a blank evidence is no evidence") {
  std::string yaml = record()
                         .rest(R"(information:
  - point: Father is not committed to change.
    basis: opinion
    evidence: '  '
)")
                         .str();
  CHECK(run_rule("opinion-without-evidence", yaml).size() == 1);
}

// --- second-hand-without-source

TEST_CASE("second-hand-without-source: fires for second-hand information that names no source") {
  std::string yaml = record()
                         .rest(R"(information:
  - point: Neighbours heard shouting most nights.
    basis: allegation
    by: a1
    second-hand: true
  - point: The GP started treatment for low mood in February.
    basis: fact
    second-hand: true
    source: Letter from the GP of 2026-03-09
  - point: Seen by the worker herself.
    basis: observation
    second-hand: false
)")
                         .str();
  CHECK(run_rule("second-hand-without-source", yaml) ==
        Messages{"information[0].second-hand: second-hand information 'Neighbours heard shouting most nights.' (by "
                 "a1) does not name its 'source': say where it came from"});
}

// --- scale-without-anchors

namespace {

std::string scale(std::string_view anchors, std::string_view scores) {
  return record()
      .rest(std::string(R"(decisions:
  - child: c1
    outcome: plan
    categories: [neglect]
    safety-scale:
)") + std::string(anchors) +
            std::string(scores))
      .str();
}

constexpr std::string_view k_scores = R"(      danger-statements:
        - statement: Everyone is worried the children go hungry when mother is unwell.
          scores:
            - grouping: childrens-social-care
              score: 3
            - grouping: child-health
              score: 4
      overall:
        - grouping: childrens-social-care
          score: 3
)";

}  // namespace

TEST_CASE("scale-without-anchors: fires when scores are recorded without both anchors") {
  SUBCASE("neither anchor") {
    CHECK(run_rule("scale-without-anchors", scale("", k_scores)) ==
          Messages{"decisions[0].safety-scale: the safety scale for child c1 records 3 scores but no 'zero-means' or "
                   "'ten-means': say what 0 and 10 mean, since the scale's direction differs between areas"});
  }
  SUBCASE("only zero-means") {
    CHECK(run_rule("scale-without-anchors",
                   scale("      zero-means: certain the child will be hurt again\n", k_scores)) ==
          Messages{"decisions[0].safety-scale: the safety scale for child c1 records 3 scores but no 'ten-means': say "
                   "what 0 and 10 mean, since the scale's direction differs between areas"});
  }
  SUBCASE("only an overall score, only ten-means") {
    CHECK(run_rule("scale-without-anchors", scale("      ten-means: safe enough to close\n", R"(      overall:
        - grouping: childrens-social-care
          score: 6
)")) == Messages{"decisions[0].safety-scale: the safety scale for child c1 records 1 score but no 'zero-means': "
                 "say what 0 and 10 mean, since the scale's direction differs between areas"});
  }
}

TEST_CASE("scale-without-anchors: silent with both anchors, or with no scores") {
  CHECK(
      run_rule("scale-without-anchors",
               scale("      zero-means: certain the child will be hurt again\n      ten-means: safe enough to close\n",
                     k_scores))
          .empty());
  CHECK(run_rule("scale-without-anchors", scale("", R"(      danger-statements:
        - statement: Everyone is worried the children go hungry when mother is unwell.
)"))
            .empty());
}
