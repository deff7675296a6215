#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cpconf/render/build.hpp"

// What the parts of build_document share; not for use outside render_build*.cpp.
namespace cpconf::render_parts {

// The record with what every section needs to name things.
struct Context {
  const Record& record;
  const Profile& profile;
  const BuildOptions& options;
  std::optional<Date> conference_date;

  bool redacted() const { return options.redaction.level != Redaction::none; }
  bool votes() const { return profile.mode == DecisionMode::grouping_vote; }
  ConferenceKind kind() const { return record.conference.kind.value_or(ConferenceKind::initial); }
  // An attendee's name by id, or words saying the id names no one.
  std::string person(std::string_view id) const;
  std::string child(std::string_view id) const;
  // A grouping's name: the chair's grouping of the record, else the profile's, else the id.
  std::string grouping(std::string_view id) const;
  std::string groupings(const std::vector<std::string>& ids) const;  // "Police, Housing"
  std::string children(const Field<Ids>& ids) const;                 // "Carys Hughes, Nia Hughes"
};

Styled plain(std::string text);
Styled muted(std::string text);
Styled outcome_styled(std::string text, Outcome outcome);
// "not recorded", muted.
Styled not_recorded();
std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ");
std::string capitalised(std::string text);

// One function per section, in the order of the written record; each returns nothing when
// the record has nothing for it.
std::vector<Section> details_sections(const Context& c);     // details, children
std::vector<Section> attendance_sections(const Context& c);  // attendance, groupings, reports
std::vector<Section> decision_sections(const Context& c);    // decisions, one part per child
std::vector<Section> follow_up_sections(const Context& c);   // concerns, meetings, plan, information
std::vector<Section> findings_sections(const Context& c, const FileReport& report);

}  // namespace cpconf::render_parts
