#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cpconf/finding.hpp"

namespace cpconf {

// Bytes kept in memory while they are few, and in an anonymous temporary file once they pass a
// limit, so that what cpconf keeps for every record of a batch (the list of inputs, the index
// the cross-record rules read) does not make its memory grow with the size of the archive.
//
// The file is made in $TMPDIR (else /tmp) with mode 0600 and no name (O_TMPFILE, or unlinked as
// soon as it is made), because it holds what the records hold: no other user can open it, and
// it is gone when cpconf exits, however it exits. When no such file can be made (no temporary
// folder, a read-only one), everything stays in memory: a large batch then needs more memory,
// and gives the same results.
class SpillStore {
 public:
  static constexpr std::size_t k_default_memory_limit = 64 * 1024;

  explicit SpillStore(std::size_t memory_limit = k_default_memory_limit) : m_memory_limit(memory_limit) {}
  ~SpillStore();
  SpillStore(SpillStore&& other) noexcept { *this = std::move(other); }
  SpillStore& operator=(SpillStore&& other) noexcept;

  // Adds bytes at the end and says where they start. Throws InputError when the temporary file
  // cannot be written (a full disk).
  std::uint64_t append(std::string_view bytes);
  // Up to size bytes from offset (fewer at the end). Throws InputError when the file cannot be read.
  std::string read(std::uint64_t offset, std::size_t size);
  // What ByteWriter::u64 or ::text wrote at offset, which moves past it. Throws InputError on
  // bytes that are not that.
  std::uint64_t read_u64(std::uint64_t& offset);
  std::string read_text(std::uint64_t& offset);
  std::uint64_t size() const { return m_flushed + m_buffer.size(); }
  bool on_disk() const { return m_fd >= 0; }

 private:
  void move_to_disk();
  void flush();

  std::size_t m_memory_limit;
  int m_fd = -1;
  bool m_disk_unavailable = false;  // no temporary file could be made: keep everything in memory
  std::uint64_t m_flushed = 0;      // bytes in the file
  std::string m_buffer;             // the bytes after them: all of them while in memory
};

// Byte records sorted into a fixed number of buckets and read back a bucket at a time, each in
// the order its records were added: how the cross-record rules group an archive's index by
// case without holding all of it. A bucket's records collect in memory up to a block of 512 bytes,
// which then goes to the store with the place of the bucket's block before it, so memory holds
// a block and a place per bucket however many records are added, plus the bucket being read.
class SpillBuckets {
 public:
  explicit SpillBuckets(std::size_t buckets, std::size_t memory_limit = SpillStore::k_default_memory_limit);

  void add(std::size_t bucket, std::string_view record);
  // Every record added to the bucket, concatenated in the order added.
  std::string bucket(std::size_t index);

 private:
  static constexpr std::size_t k_block = 512;

  SpillStore m_store;
  std::vector<std::string> m_pending;       // per bucket: records not yet in the store
  std::vector<std::uint64_t> m_last_block;  // per bucket: 1 + the offset of its last block, 0 for none
};

// Findings in any number, handed back in sort_findings' order with bounded memory: they collect
// in memory up to a run of 64 KiB, which is sorted and written to a SpillStore, and the runs are
// merged at the end. How the cross-record findings of an archive stream out, in order, however
// many there are.
class FindingSorter {
 public:
  explicit FindingSorter(std::size_t memory_limit = SpillStore::k_default_memory_limit) : m_store(memory_limit) {}

  void add(Finding finding);
  // Hands every finding added to use, in order. Called once, after the last add().
  void drain(const std::function<void(Finding&&)>& use);

 private:
  static constexpr std::size_t k_run = 64 * 1024;
  struct Run {
    std::uint64_t begin, end;  // in m_store
  };
  void write_run();

  SpillStore m_store;
  Findings m_buffer;
  std::size_t m_buffer_bytes = 0;
  std::vector<Run> m_runs;
};

// Throws the InputError for bytes read back from a store that are not what was written. Only
// cpconf writes the file, and no one else can open it, so this means a failing disk.
[[noreturn]] void fail_corrupt();

// Strings appended, then read back in order, kept like a SpillStore: the list of input files,
// which for an archive of 50,000 records would otherwise hold a few megabytes.
class SpilledList {
 public:
  explicit SpilledList(std::size_t memory_limit = SpillStore::k_default_memory_limit) : m_store(memory_limit) {}

  void push_back(std::string_view item);
  std::size_t size() const { return m_count; }
  bool empty() const { return m_count == 0; }

  // Reads the items from the first. Items pushed after it was made are read too.
  class Reader {
   public:
    explicit Reader(SpilledList& list) : m_list(&list) {}
    std::optional<std::string> next();

   private:
    bool fill(std::size_t wanted);  // at least wanted unread bytes in m_chunk, unless the list ends first

    SpilledList* m_list;
    std::uint64_t m_offset = 0;  // of the store's next byte not yet in m_chunk
    std::string m_chunk;
    std::size_t m_pos = 0;
  };
  Reader reader() { return Reader(*this); }
  std::vector<std::string> to_vector();

 private:
  SpillStore m_store;
  std::size_t m_count = 0;
};

}  // namespace cpconf
