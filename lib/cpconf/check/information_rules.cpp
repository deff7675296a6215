#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "cpconf/check/rule.hpp"

namespace cpconf {

namespace {

// The point as the message quotes it: "'Dylan has cut down his drinking...' (by a10)".
std::string quoted(const InformationPoint& i) {
  constexpr std::size_t k_max = 60;
  std::string text = i.point.value_or(std::string());
  if (text.size() > k_max) {
    std::size_t cut = text.rfind(' ', k_max);  // at a word boundary, so never inside a UTF-8 character
    if (cut == std::string::npos || cut < k_max / 2) {
      cut = k_max;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    text = text.substr(0, cut) + "...";
  }
  std::string by = i.by ? fmt::format(" (by {})", *i.by) : "";
  return fmt::format("'{}'{}", text, by);
}

Hits unclassified_information(const CheckContext& ctx) {
  Hits hits;
  for (const auto& i : ctx.record.information) {
    if (i.basis) continue;
    hits.push_back(hit_at(i, fmt::format("information point {} has no 'basis': mark it as fact, observation, "
                                         "allegation or opinion",
                                         quoted(i))));
  }
  return hits;
}

Hits opinion_without_evidence(const CheckContext& ctx) {
  Hits hits;
  for (const auto& i : ctx.record.information) {
    if (!i.basis || *i.basis != Basis::opinion || has_text(i.evidence)) continue;
    hits.push_back(
        hit_at(i.basis, i.path + ".basis",
               fmt::format("opinion {} gives no 'evidence': record the evidence the opinion is based on", quoted(i))));
  }
  return hits;
}

Hits second_hand_without_source(const CheckContext& ctx) {
  Hits hits;
  for (const auto& i : ctx.record.information) {
    if (!i.second_hand || !*i.second_hand || has_text(i.source)) continue;
    hits.push_back(hit_at(i.second_hand, i.path + ".second-hand",
                          fmt::format("second-hand information {} does not name its 'source': say where it "
                                      "came from",
                                      quoted(i))));
  }
  return hits;
}

Hits scale_without_anchors(const CheckContext& ctx) {
  Hits hits;
  for (const auto& d : ctx.record.decisions) {
    if (!d.safety_scale) continue;
    const SafetyScale& s = *d.safety_scale;
    std::size_t scores = s.overall.size();
    for (const auto& statement : s.danger_statements) scores += statement.scores.size();
    if (scores == 0) continue;
    bool zero = has_text(s.zero_means), ten = has_text(s.ten_means);
    if (zero && ten) continue;
    std::string_view missing = !zero && !ten ? "'zero-means' or 'ten-means'" : !zero ? "'zero-means'" : "'ten-means'";
    hits.push_back(hit_at(s, fmt::format("the safety scale for child {} records {} score{} but no {}: say what 0 "
                                         "and 10 mean, since the scale's direction differs between areas",
                                         d.child.value_or(std::string("?")), scores, scores == 1 ? "" : "s", missing)));
  }
  return hits;
}

constexpr std::string_view k_information_sharing = "West Berkshire, Guidance on Child Protection Conferences for Professionals (Information Sharing)";

const Rule k_information_rules[] = {
    {"unclassified-information", Family::information, Severity::info,
     "a point shared in conference is not marked as fact, observation, allegation or opinion", k_information_sharing,
     "Professionals sharing information should \"distinguish between fact, observation, allegation and "
     "opinion\" (004, Information Sharing), so that the family and the conference can weigh it. Fires for an "
     "information point with no 'basis'.",
     unclassified_information},
    {"opinion-without-evidence", Family::information, Severity::info,
     "an opinion is recorded without the evidence it rests on", k_information_sharing,
     "\"If an opinion or general information is provided about a family or family member, the Chair will ask "
     "the presenter to provide the evidence on which the opinion or generalisation is based\" (004, Information "
     "Sharing). Fires for an information point with 'basis: opinion' and no 'evidence'.",
     opinion_without_evidence},
    {"second-hand-without-source", Family::information, Severity::info,
     "second-hand information does not name its source", k_information_sharing,
     "\"When you provide information from another source i.e. it is second or third hand, this should be made "
     "clear\" (004, Information Sharing). Fires for an information point with 'second-hand: true' and no "
     "'source'.",
     second_hand_without_source},
    {"scale-without-anchors", Family::information, Severity::warning,
     "a safety scale records scores without saying what 0 and 10 mean",
     "Signs of Safety practice: danger statements and safety scales (Leicester, Leicestershire and Rutland, Signs of "
     "Safety conference agenda, 2020)",
     "Signs of Safety and similar formats score safety from 0 to 10 per danger statement and overall, but the "
     "scale's direction varies between areas, so a record must say what 0 and 10 mean for its scores to be "
     "read correctly. Fires for a decision's safety-scale that records scores but lacks 'zero-means' or "
     "'ten-means'.",
     scale_without_anchors},
};

}  // namespace

std::span<const Rule> information_rules() { return k_information_rules; }

}  // namespace cpconf
