#include "cpconf/render/words.hpp"

#include <fmt/format.h>

#include "cpconf/derive/calendar.hpp"

namespace cpconf {

namespace {

constexpr std::string_view k_month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};

struct KindTitle {
  ConferenceKind kind;
  std::string_view title;
};
constexpr KindTitle k_kind_titles[] = {
    {ConferenceKind::initial, "Initial child protection conference"},
    {ConferenceKind::pre_birth, "Pre-birth child protection conference"},
    {ConferenceKind::review, "Review child protection conference"},
    {ConferenceKind::transfer_in, "Transfer-in child protection conference"},
};

// Whole months from born to on, counted as the calendar counts them (end-of-month clamping).
int whole_months(Date born, Date on) {
  int months = (on.year - born.year) * 12 + (on.month - born.month);
  if (months > 0 && on < Calendar::add_months(born, months)) --months;
  return months;
}

}  // namespace

std::string long_date(Date date) {
  if (date.month < 1 || date.month > 12) return date.str();
  return fmt::format("{} {} {}", date.day, k_month_names[date.month - 1], date.year);
}

std::string long_date_time(const DateTime& when) {
  if (!when.has_time()) return long_date(when.date);
  return fmt::format("{}, {:02}:{:02}", long_date(when.date), when.minutes / 60, when.minutes % 60);
}

std::string duration_words(long long minutes) {
  if (minutes < 60) return fmt::format("{} min", minutes);
  if (minutes % 60 == 0) return fmt::format("{} h", minutes / 60);
  return fmt::format("{} h {} min", minutes / 60, minutes % 60);
}

std::optional<std::string> age_on(Date born, Date on) {
  if (on < born) return std::nullopt;
  int months = whole_months(born, on);
  if (months >= 12) return fmt::format("{}", months / 12);
  if (months == 0) return std::string("under 1 month");
  return fmt::format("{} month{}", months, months == 1 ? "" : "s");
}

std::string_view kind_title(ConferenceKind kind) {
  for (const auto& row : k_kind_titles) {
    if (row.kind == kind) return row.title;
  }
  return "Child protection conference";
}

std::string_view basis_label(Basis basis) { return name_of(basis); }

std::string_view outcome_words(Outcome outcome, ConferenceKind kind) {
  if (kind == ConferenceKind::review) return outcome == Outcome::plan ? "plan continues" : "plan ends";
  return outcome == Outcome::plan ? "child protection plan" : "no child protection plan";
}

std::string category_label(std::string_view id) {
  // The Welsh list joins two words for one category; the others are single words.
  if (id == "emotional-psychological") return "emotional/psychological";
  std::string label(id);
  for (char& c : label) {
    if (c == '-') c = ' ';
  }
  return label;
}

std::string_view yes_no(bool value) { return value ? "yes" : "no"; }

}  // namespace cpconf
