#include "cpconf/check/file_rules.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cpconf/check/rule.hpp"
#include "cpconf/load/record_reader.hpp"

namespace cpconf {

namespace {

const Rule k_file_rules[] = {
    {"foreign-schema", Family::record, Severity::warning, "the editors' schema line names a schema other than cpconf's",
     "cpconf-record(5): schema line for editors",
     "A first line '# yaml-language-server: $schema=...' tells editors which JSON Schema to check the "
     "file against. In a record it must name cpconf's conference.schema.json (by a relative path or a "
     "URL); any other schema makes the editor check the record against another format, with "
     "misleading errors and completions. cpconf ignores such a line and reports it.",
     nullptr},
    // A case rule, applied while checking one record: it compares the record with its own
    // earlier version, which no single file shows, so (like the other case rules) a script
    // builds its test history.
    {"edited-after-sign-off", Family::case_chain, Severity::error, "a record was changed after the chair signed it off",
     "cpconf-record(5): conference.sign-off",
     "With --changed-since, a record changed since the revision is compared with its history: when "
     "the latest change (its commit's date, or today for a change not yet committed) comes after the "
     "date of conference.sign-off, and the record was already signed off before that change, the "
     "signed-off record has been edited. A signed-off record is corrected by an addendum, or signed "
     "off again with the new date.",
     nullptr},
};

}  // namespace

std::span<const Rule> file_rules() { return k_file_rules; }

std::optional<Finding> foreign_schema(std::string_view text, const std::string& file) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string_view line = text.substr(0, text.find('\n'));
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  auto skip_blanks = [&](std::size_t pos) { return std::min(line.find_first_not_of(" \t", pos), line.size()); };
  if (line.substr(0, 1) != "#") return std::nullopt;
  std::size_t pos = skip_blanks(1);
  constexpr std::string_view k_server = "yaml-language-server:";
  if (line.substr(pos, k_server.size()) != k_server) return std::nullopt;
  pos = skip_blanks(pos + k_server.size());
  constexpr std::string_view k_schema = "$schema=";
  if (line.substr(pos, k_schema.size()) != k_schema) return std::nullopt;
  pos += k_schema.size();
  std::string_view schema = line.substr(pos, line.find_first_of(" \t", pos) - pos);
  constexpr std::string_view k_ours = "conference.schema.json";
  if (schema.size() >= k_ours.size() && schema.substr(schema.size() - k_ours.size()) == k_ours) return std::nullopt;
  return Finding{"foreign-schema",
                 Severity::warning,
                 file,
                 {1, static_cast<int>(pos) + 1},
                 "",
                 fmt::format("the editors' schema line names '{}', not cpconf's conference.schema.json, so editors "
                             "check this record against another format; cpconf ignores the line (write "
                             "'# yaml-language-server: $schema=PATH/conference.schema.json')",
                             schema)};
}

std::optional<Finding> edited_after_sign_off(const Record& record, const FileChange& change, const YamlLimits& limits) {
  const auto& sign_off = record.conference.sign_off;
  if (!sign_off || !sign_off->on || !(*sign_off->on < change.date)) return std::nullopt;
  auto before = text_before(change);
  if (!before) return std::nullopt;
  LoadedRecord earlier = load_record(*before, record.file, limits);
  if (!earlier.record || !earlier.record->conference.sign_off || !earlier.record->conference.sign_off->on) {
    return std::nullopt;
  }
  std::string when =
      change.commit.empty() ? "in changes not yet committed" : fmt::format("in commit {}", change.commit.substr(0, 12));
  return Finding{"edited-after-sign-off",
                 Severity::error,
                 record.file,
                 sign_off->on.location,
                 "conference.sign-off.on",
                 fmt::format("the record was signed off on {} and changed on {} {}: a signed-off record is corrected "
                             "by an addendum, or signed off again with the date of the change",
                             sign_off->on->str(), change.date.str(), when)};
}

}  // namespace cpconf
