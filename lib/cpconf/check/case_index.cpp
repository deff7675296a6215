#include <functional>
#include <string>

#include "cpconf/check/case_index_bytes.hpp"
#include "cpconf/check/case_rules.hpp"

// The case index's entries as bytes: encoded when a record is remembered, decoded bucket by
// bucket when the cross-record rules run (case_rules.cpp).
namespace cpconf {

std::size_t bucket_of(std::string_view key) { return std::hash<std::string_view>{}(key) % k_buckets; }

void write_location(ByteWriter& out, Location location) {
  out.u32(static_cast<std::uint32_t>(location.line));
  out.u32(static_cast<std::uint32_t>(location.column));
}

Location read_location(ByteReader& in) {
  Location location;
  location.line = static_cast<int>(in.u32());
  location.column = static_cast<int>(in.u32());
  return location;
}

void write_date(ByteWriter& out, Date date) {
  for (int part : {date.year, date.month, date.day}) out.u32(static_cast<std::uint32_t>(part));
}

Date read_date(ByteReader& in) {
  Date date;
  for (int* part : {&date.year, &date.month, &date.day}) *part = static_cast<int>(in.u32());
  return date;
}

// The records a stream's bucket holds, each read by one call of read_one.

std::string CaseIndex::encode(const CaseEntry& e) {
  Context context{e.profile, e.calendar, e.settings};
  auto known = std::find(m_contexts.begin(), m_contexts.end(), context);
  if (known == m_contexts.end()) known = m_contexts.insert(known, context);
  ByteWriter out;
  out.u64(static_cast<std::uint64_t>(known - m_contexts.begin()));
  out.text(e.file);
  out.text(e.conference_id);
  write_location(out, e.id_location);
  out.text(e.case_id);
  out.u32(static_cast<std::uint32_t>(e.kind));
  write_date(out, e.date);
  write_location(out, e.date_location);
  out.text(e.previous);
  write_location(out, e.previous_location);
  out.u32(e.inquorate ? 1 : 0);
  out.u64(e.children.size());
  for (const auto& child : e.children) {
    out.text(child.key);
    out.text(child.name_path);
    write_location(out, child.location);
    out.u32(child.outcome ? static_cast<std::uint32_t>(*child.outcome) + 1 : 0);
  }
  return out.take();
}

std::vector<CaseEntry> CaseIndex::decode(std::string_view bytes) const {
  return read_all<CaseEntry>(bytes, [this](ByteReader& in) {
    CaseEntry e;
    std::uint64_t context = in.u64();
    if (context >= m_contexts.size()) in.fail();
    const Context& c = in.ok() ? m_contexts[context] : Context{};
    e.profile = c.profile;
    e.calendar = c.calendar;
    e.settings = c.settings;
    e.file = in.text();
    e.conference_id = in.text();
    e.id_location = read_location(in);
    e.case_id = in.text();
    e.kind = static_cast<ConferenceKind>(in.u32());
    e.date = read_date(in);
    e.date_location = read_location(in);
    e.previous = in.text();
    e.previous_location = read_location(in);
    e.inquorate = in.u32() == 1;
    std::uint64_t children = in.u64();
    if (children > in.remaining()) in.fail();
    for (std::uint64_t i = 0; in.ok() && i < children; ++i) {
      CaseEntry::ChildOutcome child;
      child.key = in.text();
      child.name_path = in.text();
      child.location = read_location(in);
      if (std::uint32_t outcome = in.u32(); outcome > 0) child.outcome = static_cast<Outcome>(outcome - 1);
      e.children.push_back(std::move(child));
    }
    return e;
  });
}

}  // namespace cpconf
