#include "cpconf/timeline/due_list.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

namespace cpconf {

namespace {

constexpr std::string_view k_due_kinds[] = {
    "observer-request",       "report-to-family",     "report-to-chair", "initial-conference",
    "transfer-in-conference", "pre-birth-conference", "reconvene",       "plan",
    "chair-escalation",       "core-group",           "minutes",         "next-review",
};

std::string folded(std::string_view text) {
  auto first = text.find_first_not_of(" \t");
  auto last = text.find_last_not_of(" \t");
  std::string out(first == std::string_view::npos ? std::string_view{} : text.substr(first, last - first + 1));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool listed(const std::vector<std::string>& list, std::string_view value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

bool chair_listed(const std::vector<std::string>& chairs, std::string_view chair) {
  if (chairs.empty()) return true;
  std::string name = folded(chair);
  return std::any_of(chairs.begin(), chairs.end(), [&](const std::string& c) { return folded(c) == name; });
}

// A due moment without a time is allowed the whole day, so it sorts after timed ones.
std::pair<long, int> due_key(const DueItem& item) {
  DateTime at = item.entry.date();
  return {at.date.serial(), at.has_time() ? at.minutes : 24 * 60};
}

auto tie_break(const DueItem& item) {
  return std::make_tuple(due_key(item), std::cref(item.conference_id), std::cref(item.file), kind_rank(item.entry.kind),
                         std::cref(item.entry.key));
}

}  // namespace

std::span<const std::string_view> due_kinds() { return k_due_kinds; }

DueRecord due_record(Timeline timeline, const DueFilter& filter) {
  DueRecord record;
  record.case_id = timeline.case_id;
  if (timeline.start) record.date = timeline.start->date;
  if (!chair_listed(filter.chairs, timeline.chair)) return record;
  for (auto& entry : timeline.entries) {
    bool soon = entry.state == State::overdue ||
                (entry.state == State::due && entry.amount && entry.amount->amount <= filter.within);
    if (!soon || !listed(filter.kinds, entry.kind)) continue;
    if (!filter.groupings.empty() && (entry.grouping.empty() || !listed(filter.groupings, entry.grouping))) continue;
    record.items.push_back({timeline.file, timeline.conference_id, timeline.case_id, timeline.chair, std::move(entry)});
  }
  return record;
}

void redact_due_items(DueRecord& record, const Redactor& redactor) {
  if (redactor.level() == Redaction::none) return;
  for (auto& item : record.items) {
    for (std::string* text : {&item.file, &item.conference_id, &item.case_id, &item.chair}) redactor(*text);
    redact_entry(item.entry, redactor);
  }
}

std::vector<DueItem> due_list(std::vector<DueRecord> records, DueSort sort) {
  std::map<std::string, Date> latest;  // the date of each case's latest record
  for (const auto& r : records) {
    auto [it, inserted] = latest.emplace(r.case_id, r.date);
    if (!inserted) it->second = std::max(it->second, r.date);
  }
  std::vector<DueItem> items;
  for (auto& r : records) {
    bool followed = !r.case_id.empty() && r.date < latest[r.case_id];
    for (auto& item : r.items) {
      if (followed && item.entry.kind == "next-review") continue;
      items.push_back(std::move(item));
    }
  }
  auto order = [sort](const DueItem& a, const DueItem& b) {
    switch (sort) {
      case DueSort::due: break;
      case DueSort::kind:
        if (a.entry.kind != b.entry.kind) return kind_rank(a.entry.kind) < kind_rank(b.entry.kind);
        break;
      case DueSort::conference:
        if (a.conference_id != b.conference_id) return a.conference_id < b.conference_id;
        break;
      case DueSort::chair:
        if (a.chair != b.chair) return a.chair < b.chair;
        break;
      case DueSort::file:
        if (a.file != b.file) return a.file < b.file;
        break;
    }
    return tie_break(a) < tie_break(b);
  };
  std::stable_sort(items.begin(), items.end(), order);
  return items;
}

}  // namespace cpconf
