#include "cpconf/source/profile_reader.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "cpconf/check/rule.hpp"
#include "cpconf/derive/calendar.hpp"
#include "cpconf/load/map_reader.hpp"
#include "cpconf/text/suggest.hpp"
#include "cpconf/text/words.hpp"

namespace cpconf {

// Defined in the file CMake generates from lib/cpconf/profiles/*.yaml.
extern const std::vector<std::pair<std::string_view, std::string_view>> k_builtin_profiles;

// The keys of a profile file, read as a record is: unknown keys and bad values are findings.
struct GroupingDoc : Node {
  Field<std::string> id;
  Field<std::string> name;
  Field<Ids> keywords;
};
struct QuorumDoc : Node {
  Field<int> min_groupings;
  Field<Ids> required;
};
struct TimescalesDoc : Node {
  std::vector<std::pair<std::string_view, Field<int>>> values;
  Field<int> reconvene_review;  // unset: reviews reconvene as initial conferences do
};
struct BankHolidaysDoc : Node {
  Field<Ids> add, remove;
};
struct AdvisoryDoc : Node {
  Field<int> max_professionals;
  Field<int> max_minutes;
};
struct ProfileDoc : Node {
  Field<int> version;
  Field<std::string> name, extends, description, source, decision_mode, social_care_grouping, school_grouping,
      initial_conference_from;
  Field<bool> chair_may_over_rule, forbid_consecutive_inquorate;
  std::vector<GroupingDoc> groupings;
  bool has_groupings = false;
  Field<Ids> non_voting, categories, closure_days;
  Field<QuorumDoc> quorum;
  Field<TimescalesDoc> timescales;
  Field<AdvisoryDoc> advisory;
  Field<BankHolidaysDoc> bank_holidays;
  std::vector<std::pair<std::string, Field<std::string>>> rules;
  std::vector<std::pair<std::string, Field<std::string>>> national_categories;
};

namespace {

// Where each timescale key lands in Timescales: one table, used to read and to merge.
struct TimescaleKey {
  std::string_view key;
  int Timescales::*member;
};
constexpr TimescaleKey k_timescale_keys[] = {
    {"initial-conference-working-days", &Timescales::initial_conference_working_days},
    {"report-hours-before-initial", &Timescales::report_hours_before_initial},
    {"report-working-days-before-review", &Timescales::report_working_days_before_review},
    {"plan-hours", &Timescales::plan_hours},
    {"core-group-working-days", &Timescales::core_group_working_days},
    {"minutes-working-days", &Timescales::minutes_working_days},
    {"amendment-working-days", &Timescales::amendment_working_days},
    {"observer-request-days", &Timescales::observer_request_days},
    {"transfer-in-working-days", &Timescales::transfer_in_working_days},
    {"pre-birth-weeks-before-due", &Timescales::pre_birth_weeks_before_due},
    {"reconvene-working-days", &Timescales::reconvene_working_days},
    {"first-review-months", &Timescales::first_review_months},
    {"later-review-months", &Timescales::later_review_months},
    {"escalation-working-days", &Timescales::escalation_working_days},
};

}  // namespace

void describe(MapReader& r, GroupingDoc& g) {
  r.required("id", g.id);
  r.optional("name", g.name);
  r.optional("keywords", g.keywords);
}

// Counts and limits in a profile are never negative.
void refuse_negative(MapReader& r, std::string_view key, Field<int>& field) {
  if (field && *field < 0) {
    r.context().add("invalid-value", field.location, fmt::format("{}.{}", r.path(), key),
                    fmt::format("'{}' must not be negative", key));
    field.value.reset();
  }
}

void describe(MapReader& r, QuorumDoc& q) {
  r.optional("min-groupings", q.min_groupings);
  refuse_negative(r, "min-groupings", q.min_groupings);
  r.optional("required", q.required);
}

void describe(MapReader& r, TimescalesDoc& t) {
  for (const auto& key : k_timescale_keys) {
    auto& [name, field] = t.values.emplace_back(key.key, Field<int>{});
    r.optional(name, field);
    refuse_negative(r, name, field);
  }
  r.optional("reconvene-review-working-days", t.reconvene_review);
  refuse_negative(r, "reconvene-review-working-days", t.reconvene_review);
}

void describe(MapReader& r, BankHolidaysDoc& b) {
  r.optional("add", b.add);
  r.optional("remove", b.remove);
}

void describe(MapReader& r, AdvisoryDoc& a) {
  r.optional("max-professionals", a.max_professionals);
  refuse_negative(r, "max-professionals", a.max_professionals);
  r.optional("max-minutes", a.max_minutes);
  refuse_negative(r, "max-minutes", a.max_minutes);
}

namespace {

// A free mapping of names to words (rules, national-categories): each value is kept with its
// place, or left unset when it is not a scalar.
void read_word_map(const YamlNode* node, std::string_view key, std::string_view what,
                   std::vector<std::pair<std::string, Field<std::string>>>& into, ReadContext& context) {
  if (node == nullptr || node->is_null()) return;
  if (!node->is_mapping()) {
    context.add("invalid-value", node->location, std::string(key), fmt::format("'{}' must map {}", key, what));
    return;
  }
  for (const auto& [name, value] : node->entries) {
    Field<std::string> setting;
    setting.location = value.location;
    std::string text;
    if (!parse_scalar(value, text)) setting.value = text;
    into.emplace_back(name.value, setting);
  }
}

void describe_profile(MapReader& r, ProfileDoc& doc, const YamlNode& root) {
  r.required("cpconf-profile", doc.version);
  r.required("name", doc.name);
  r.optional("extends", doc.extends);
  r.optional("description", doc.description);
  r.optional("source", doc.source);
  r.optional("decision-mode", doc.decision_mode);
  r.optional("chair-may-over-rule", doc.chair_may_over_rule);
  const YamlNode* groupings = root.find("groupings");
  doc.has_groupings = groupings != nullptr && !groupings->is_null();
  r.list("groupings", doc.groupings);
  r.optional("non-voting", doc.non_voting);
  r.optional("quorum", doc.quorum);
  r.optional("categories", doc.categories);
  r.optional("social-care-grouping", doc.social_care_grouping);
  r.optional("school-grouping", doc.school_grouping);
  r.optional("timescales", doc.timescales);
  r.optional("advisory", doc.advisory);
  r.optional("forbid-consecutive-inquorate", doc.forbid_consecutive_inquorate);
  r.optional("closure-days", doc.closure_days);
  r.optional("bank-holidays", doc.bank_holidays);
  r.optional("initial-conference-from", doc.initial_conference_from);
  r.skip("rules");  // a free mapping of rule names, read below
  read_word_map(root.find("rules"), "rules", "rule names to error, warning, info or off", doc.rules, r.context());
  r.skip("national-categories");  // a free mapping of the profile's categories, read below
  read_word_map(root.find("national-categories"), "national-categories",
                "each category of the profile to neglect, physical, emotional, sexual or multiple",
                doc.national_categories, r.context());
  r.finish();
}

template <class E>
std::optional<E> enum_value(std::string_view text) {
  for (const auto& [name, value] : EnumNames<E>::get()) {
    if (name == text) return value;
  }
  return std::nullopt;
}

// A word that names one of a few settings: sets target to its setting, or is a finding.
template <class E, std::size_t N>
void read_choice(const Field<std::string>& field, std::string_view key,
                 const std::pair<std::string_view, E> (&choices)[N], E& target, ReadContext& context) {
  if (!field) return;
  std::array<std::string_view, N> words;
  for (std::size_t i = 0; i < N; ++i) {
    if (choices[i].first == *field) {
      target = choices[i].second;
      return;
    }
    words[i] = choices[i].first;
  }
  context.add("invalid-value", field.location, std::string(key),
              fmt::format("'{}' must be {}", key, expected_enum(words, *field)));
}

// Dates written YYYY-MM-DD in a profile list; each other word is a finding.
std::vector<Date> read_dates(const Field<Ids>& list, std::string_view key, ReadContext& context) {
  std::vector<Date> dates;
  for (const auto& text : *list) {
    if (auto date = parse_date(text)) {
      dates.push_back(*date);
    } else {
      context.add("invalid-value", list.location, std::string(key),
                  fmt::format("each of '{}' must be a date written YYYY-MM-DD, not '{}'", key, text));
    }
  }
  return dates;
}

bool is_national_category(std::string_view word) {
  return std::find(std::begin(k_national_categories), std::end(k_national_categories), word) !=
         std::end(k_national_categories);
}

// national-categories adds to (or changes) the mapping of the profile extended; then every
// category of the merged profile must have a national one, so that no figure across profiles
// counts it apart.
void apply_national_categories(const ProfileDoc& doc, Profile& profile, ReadContext& context) {
  for (const auto& [local, national] : doc.national_categories) {
    std::string path = "national-categories." + local;
    if (!national || !is_national_category(*national)) {
      context.add("invalid-value", national.location, path,
                  fmt::format("the national category of '{}' must be {}", local,
                              expected_enum(k_national_categories, national.value_or(""))));
    } else if (std::find(profile.categories.begin(), profile.categories.end(), local) == profile.categories.end()) {
      context.add("unknown-reference", national.location, path,
                  fmt::format("'{}' is not one of this profile's categories ({}){}", local, join(profile.categories),
                              did_you_mean(local, profile.categories)));
    } else {
      profile.national_categories[local] = *national;
    }
  }
  for (const auto& category : profile.categories) {
    if (is_national_category(category) || profile.national_categories.contains(category)) continue;
    context.add("invalid-value", doc.categories ? doc.categories.location : doc.location, "categories",
                fmt::format("category '{}' is not a national one ({}): give it one under 'national-categories'",
                            category, join(k_national_categories)));
  }
}

// Applies what a profile file sets on top of the profile it extends; lists replace.
void apply(const ProfileDoc& doc, Profile& profile, ReadContext& context) {
  profile.name = *doc.name;
  if (doc.description) profile.description = *doc.description;
  if (doc.source) profile.source = *doc.source;
  static constexpr std::pair<std::string_view, DecisionMode> k_modes[] = {
      {"grouping-vote", DecisionMode::grouping_vote}, {"chair-decides", DecisionMode::chair_decides}};
  read_choice(doc.decision_mode, "decision-mode", k_modes, profile.mode, context);
  if (doc.chair_may_over_rule) profile.chair_may_over_rule = *doc.chair_may_over_rule;
  if (doc.has_groupings) {
    profile.groupings.clear();
    for (const auto& g : doc.groupings) {
      if (!g.id) continue;
      profile.groupings.push_back({*g.id, g.name.value_or(*g.id), g.keywords.value_or(Ids{})});
    }
  }
  if (doc.non_voting) {
    profile.non_voting.clear();
    std::vector<std::string_view> names;
    for (const auto& [name, value] : EnumNames<Capacity>::get()) names.push_back(name);
    for (const auto& text : *doc.non_voting) {
      if (auto capacity = enum_value<Capacity>(text)) {
        profile.non_voting.push_back(*capacity);
      } else {
        context.add("invalid-value", doc.non_voting.location, "non-voting",
                    fmt::format("each of 'non-voting' must be {}", expected_enum(names, text)));
      }
    }
  }
  if (doc.quorum) {
    if (doc.quorum->min_groupings) profile.quorum_min_groupings = *doc.quorum->min_groupings;
    if (doc.quorum->required) profile.quorum_required = *doc.quorum->required;
  }
  if (doc.categories) profile.categories = *doc.categories;
  if (doc.social_care_grouping) profile.social_care_grouping = *doc.social_care_grouping;
  if (doc.school_grouping) profile.school_grouping = *doc.school_grouping;
  if (doc.timescales) {
    for (std::size_t i = 0; i < std::size(k_timescale_keys); ++i) {
      const auto& field = doc.timescales->values[i].second;
      if (field) profile.timescales.*k_timescale_keys[i].member = *field;
    }
    if (doc.timescales->reconvene_review) {
      profile.timescales.reconvene_review_working_days = *doc.timescales->reconvene_review;
    }
  }
  if (doc.advisory) {
    if (doc.advisory->max_professionals) profile.max_professionals = *doc.advisory->max_professionals;
    if (doc.advisory->max_minutes) profile.max_minutes = *doc.advisory->max_minutes;
  }
  if (doc.forbid_consecutive_inquorate) profile.forbid_consecutive_inquorate = *doc.forbid_consecutive_inquorate;
  if (doc.closure_days) profile.closure_days = read_dates(doc.closure_days, "closure-days", context);
  if (doc.bank_holidays) {
    const BankHolidaysDoc& b = *doc.bank_holidays;
    if (b.add) profile.bank_holidays_added = read_dates(b.add, "bank-holidays.add", context);
    if (b.remove) {
      profile.bank_holidays_removed = read_dates(b.remove, "bank-holidays.remove", context);
      Calendar regular;
      for (Date date : profile.bank_holidays_removed) {
        auto name = regular.closure_name(date);
        if (!name) {
          context.add("invalid-value", b.remove.location, "bank-holidays.remove",
                      fmt::format("{} is not a bank holiday of England and Wales, so it cannot be removed", date.str()));
        }
      }
    }
  }
  static constexpr std::pair<std::string_view, InitialClock> k_clocks[] = {
      {"strategy-discussion", InitialClock::strategy_discussion}, {"s47-started", InitialClock::s47_started}};
  read_choice(doc.initial_conference_from, "initial-conference-from", k_clocks, profile.initial_clock, context);
  apply_national_categories(doc, profile, context);
  std::vector<std::string> rule_names;
  for (const auto& r : all_rules()) rule_names.emplace_back(r.name);
  for (const auto& [rule, setting] : doc.rules) {
    if (!find_rule(rule)) {
      context.add(
          "unknown-reference", setting.location, "rules." + rule,
          fmt::format("no rule is named '{}'{}; 'cpconf rules' lists them", rule, did_you_mean(rule, rule_names)));
    } else if (!setting) {
      context.add("invalid-value", setting.location, "rules." + rule,
                  "a rule's setting must be error, warning, info or off");
    } else if (*setting == "off") {
      profile.rules[rule] = RuleSetting{false, std::nullopt};
    } else if (auto severity = severity_named(*setting)) {
      profile.rules[rule] = RuleSetting{true, severity};
    } else {
      static constexpr std::string_view k_settings[] = {"error", "warning", "info", "off"};
      context.add("invalid-value", setting.location, "rules." + rule,
                  fmt::format("the setting of rule '{}' must be {}", rule, expected_enum(k_settings, *setting)));
    }
  }
  // Cross-checks that need the merged profile.
  for (const auto& id : profile.quorum_required) {
    if (!profile.grouping(id)) {
      context.add("unknown-reference", doc.quorum ? doc.quorum->location : doc.location, "quorum.required",
                  fmt::format("required grouping '{}' is not one of this profile's groupings", id));
    }
  }
}

Profile resolve(std::string_view text, const std::string& file, int depth);

Profile base_profile(const ProfileDoc& doc, const std::string& file, ReadContext& context, int depth) {
  if (!doc.extends) return Profile{};
  auto text = builtin_profile_text(*doc.extends);
  if (!text) {
    auto names = builtin_profile_names();
    context.add("invalid-value", doc.extends.location, "extends",
                fmt::format("'extends' must name a built-in profile: one of {}, not '{}'{}", join(names), *doc.extends,
                            did_you_mean(*doc.extends, names)));
    return Profile{};
  }
  (void)file;
  return resolve(*text, fmt::format("<built-in profile {}>", *doc.extends), depth + 1);
}

Profile resolve(std::string_view text, const std::string& file, int depth) {
  if (depth > 4) throw ProfileError(file, "profiles extend each other in a loop", {});
  ParsedYaml parsed = parse_yaml(text, file);
  ReadContext context{file, std::move(parsed.findings), std::nullopt};
  Profile profile;
  if (parsed.usable && !parsed.root.is_mapping()) {
    context.add("invalid-value", parsed.root.location, "",
                "a profile must be a mapping starting with 'cpconf-profile: 1'");
  } else if (parsed.usable) {
    ProfileDoc doc;
    doc.location = parsed.root.location;
    MapReader reader(parsed.root, "", context);
    describe_profile(reader, doc, parsed.root);
    if (doc.version && *doc.version != 1) {
      context.add("format-version", doc.version.location, "cpconf-profile",
                  fmt::format("this profile is format version {}; this build reads version 1 only", *doc.version));
    }
    if (doc.name && context.findings.empty()) {
      profile = base_profile(doc, file, context, depth);
      apply(doc, profile, context);
    }
  }
  // A profile with any finding is refused: a mistyped timescale must not be silently ignored.
  if (!context.findings.empty()) {
    sort_findings(context.findings);
    throw ProfileError(file, fmt::format("'{}' is not a usable profile", file), std::move(context.findings));
  }
  return profile;
}

}  // namespace

std::vector<std::string> builtin_profile_names() {
  std::vector<std::string> names;
  for (const auto& [name, text] : k_builtin_profiles) names.emplace_back(name);
  return names;
}

std::optional<std::string_view> builtin_profile_text(std::string_view name) {
  for (const auto& [n, text] : k_builtin_profiles) {
    if (n == name) return text;
  }
  return std::nullopt;
}

Profile parse_profile(std::string_view text, const std::string& file) { return resolve(text, file, 0); }

Profile load_profile(const std::string& name_or_path) {
  if (auto text = builtin_profile_text(name_or_path)) {
    return resolve(*text, fmt::format("<built-in profile {}>", name_or_path), 0);
  }
  bool looks_like_path =
      name_or_path.find('/') != std::string::npos || name_or_path.ends_with(".yaml") || name_or_path.ends_with(".yml");
  if (!looks_like_path) {
    auto names = builtin_profile_names();
    throw ProfileError(name_or_path,
                       fmt::format("unknown profile '{}': the built-in profiles are {}{}, or give a "
                                   "profile file's path",
                                   name_or_path, join(names), did_you_mean(name_or_path, names)),
                       {});
  }
  std::string text = read_source(name_or_path, YamlLimits{}.max_bytes);
  if (auto error = unrecognised_file(text, name_or_path, "cpconf-profile", "profile")) throw *error;
  return parse_profile(text, name_or_path);
}

}  // namespace cpconf
