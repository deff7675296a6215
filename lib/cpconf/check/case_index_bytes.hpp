#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "cpconf/bytes.hpp"
#include "cpconf/date.hpp"
#include "cpconf/finding.hpp"
#include "cpconf/spill.hpp"

// How the case index (case_rules.hpp) keeps its entries as bytes in its spilled buckets; for
// case_rules.cpp and case_index.cpp only.
namespace cpconf {

// Buckets per stream: at 50,000 records a bucket holds about 200 entries while it is checked.
inline constexpr std::size_t k_buckets = 256;

std::size_t bucket_of(std::string_view key);
void write_location(ByteWriter& out, Location location);
Location read_location(ByteReader& in);
void write_date(ByteWriter& out, Date date);
Date read_date(ByteReader& in);

// Every item of a bucket, each read by read_one; a corrupt bucket ends the list where it breaks.
template <class Item, class ReadOne>
std::vector<Item> read_all(std::string_view bytes, ReadOne read_one) {
  std::vector<Item> items;
  ByteReader in(bytes);
  while (in.ok() && !in.at_end()) items.push_back(read_one(in));
  if (!in.ok()) fail_corrupt();
  return items;
}

}  // namespace cpconf
