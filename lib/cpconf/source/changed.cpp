#include "cpconf/source/changed.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>

#include "cpconf/batch.hpp"
#include "cpconf/load/record_reader.hpp"

namespace cpconf {

namespace {

// What ties records together for the cross-record rules: the case, the conference id (unique
// across records), and the children's person numbers (a child has one plan at a time, whatever
// the case).
struct RecordKeys {
  std::set<std::string> cases, conferences, persons;

  void add(const Record& record) {
    if (record.conference.case_id) cases.insert(*record.conference.case_id);
    if (record.conference.id) conferences.insert(*record.conference.id);
    for (const auto& child : record.children) {
      if (child.person) persons.insert(*child.person);
    }
  }
  bool empty() const { return cases.empty() && conferences.empty() && persons.empty(); }
  bool shared_by(const Record& record) const {
    if (record.conference.case_id && cases.count(*record.conference.case_id)) return true;
    if (record.conference.id && conferences.count(*record.conference.id)) return true;
    return std::any_of(record.children.begin(), record.children.end(),
                       [&](const Child& child) { return child.person && persons.count(*child.person); });
  }
  // Whether the text holds any key at all: a cheap test that spares parsing most of an archive.
  bool mentioned_in(std::string_view text) const {
    for (const auto* keys : {&cases, &conferences, &persons}) {
      for (const auto& key : *keys) {
        if (text.find(key) != std::string_view::npos) return true;
      }
    }
    return false;
  }
};

std::optional<Record> read_record_at(const std::string& path, const YamlLimits& limits, const RecordKeys* keys) {
  std::string text;
  try {
    text = read_source(path, limits.max_bytes);
  } catch (const InputError&) {
    return std::nullopt;
  }
  if (keys != nullptr && !keys->mentioned_in(text)) return std::nullopt;
  return load_record(text, path, limits).record;
}

}  // namespace

ChangedSelection select_changed(const std::vector<std::string>& files, const std::map<std::string, FileChange>& changes,
                                const YamlLimits& limits, unsigned jobs) {
  RecordKeys keys;
  for (const auto& file : files) {
    if (!changes.count(file)) continue;
    if (auto record = read_record_at(file, limits, nullptr)) keys.add(*record);
  }
  ChangedSelection selection;
  std::function<bool(std::size_t)> shares_keys = [&](std::size_t i) {
    if (keys.empty() || changes.count(files[i])) return false;
    auto record = read_record_at(files[i], limits, &keys);
    return record && keys.shared_by(*record);
  };
  std::function<void(std::size_t, bool&&)> keep = [&](std::size_t i, bool&& context) {
    bool changed = changes.count(files[i]) > 0;
    if (!changed && !context) return;
    selection.files.push_back(files[i]);
    selection.context.push_back(!changed);
  };
  ordered_parallel<bool>(files.size(), jobs, shares_keys, keep);
  return selection;
}

}  // namespace cpconf
