#include "cpconf/spill.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <queue>

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include "cpconf/atomic_file.hpp"
#include "cpconf/bytes.hpp"
#include "cpconf/finding.hpp"

namespace cpconf {

namespace {

// Writes go through a buffer of this size once the bytes are on disk.
constexpr std::size_t k_write_buffer = 64 * 1024;

std::string temporary_folder() {
  std::error_code error;
  auto folder = std::filesystem::temp_directory_path(error);  // $TMPDIR, else /tmp
  return error ? std::string() : folder.string();
}

// A file no other process can reach by name: O_TMPFILE where the file system has it, else a
// named file unlinked at once. -1 when neither can be made.
int open_anonymous_file(const std::string& folder) {
  if (folder.empty()) return -1;
  int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
  std::string name = folder + "/.cpconf-spill.XXXXXX";
  fd = ::mkostemp(name.data(), O_CLOEXEC);  // mode 0600
  if (fd >= 0) ::unlink(name.c_str());
  return fd;
}

[[noreturn]] void fail(const char* doing) {
  std::string folder = temporary_folder();
  throw InputError(folder,
                   fmt::format("cannot {} cpconf's temporary file in '{}': {}", doing, folder, std::strerror(errno)));
}

}  // namespace

void fail_corrupt() {
  throw InputError(temporary_folder(), "cpconf's temporary file could not be read back as it was written");
}

SpillStore::~SpillStore() {
  if (m_fd >= 0) ::close(m_fd);
}

SpillStore& SpillStore::operator=(SpillStore&& other) noexcept {
  if (this == &other) return *this;
  if (m_fd >= 0) ::close(m_fd);
  m_memory_limit = other.m_memory_limit;
  m_fd = std::exchange(other.m_fd, -1);
  m_disk_unavailable = other.m_disk_unavailable;
  m_flushed = std::exchange(other.m_flushed, 0);
  m_buffer = std::exchange(other.m_buffer, std::string());
  return *this;
}

std::uint64_t SpillStore::append(std::string_view bytes) {
  std::uint64_t offset = size();
  m_buffer.append(bytes);
  if (!on_disk() && !m_disk_unavailable && m_buffer.size() > m_memory_limit) move_to_disk();
  if (on_disk() && m_buffer.size() >= k_write_buffer) flush();
  return offset;
}

void SpillStore::move_to_disk() {
  m_fd = open_anonymous_file(temporary_folder());
  m_disk_unavailable = m_fd < 0;
  if (on_disk()) flush();
}

void SpillStore::flush() {
  if (!write_all(m_fd, m_buffer)) fail("write");
  m_flushed += m_buffer.size();
  m_buffer.clear();
}

std::string SpillStore::read(std::uint64_t offset, std::size_t size) {
  if (offset >= this->size()) return {};
  size = static_cast<std::size_t>(std::min<std::uint64_t>(size, this->size() - offset));
  if (on_disk() && offset + size > m_flushed) flush();
  if (!on_disk()) return m_buffer.substr(static_cast<std::size_t>(offset), size);
  std::string out(size, '\0');
  std::size_t done = 0;
  while (done < size) {
    ssize_t got = ::pread(m_fd, out.data() + done, size - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) fail("read");
    done += static_cast<std::size_t>(got);
  }
  return out;
}

std::uint64_t SpillStore::read_u64(std::uint64_t& offset) {
  constexpr std::size_t k_longest = 10;  // a 64-bit varint
  std::string bytes = read(offset, k_longest);
  ByteReader in(bytes);
  std::uint64_t value = in.u64();
  if (!in.ok()) fail_corrupt();
  offset += bytes.size() - in.remaining();
  return value;
}

std::string SpillStore::read_text(std::uint64_t& offset) {
  std::uint64_t size = read_u64(offset);
  if (size > this->size() - offset) fail_corrupt();
  std::string text = read(offset, static_cast<std::size_t>(size));
  offset += size;
  return text;
}

SpillBuckets::SpillBuckets(std::size_t buckets, std::size_t memory_limit)
    : m_store(memory_limit), m_pending(std::max<std::size_t>(buckets, 1)), m_last_block(m_pending.size(), 0) {}

void SpillBuckets::add(std::size_t bucket, std::string_view record) {
  std::string& pending = m_pending.at(bucket);
  pending.append(record);
  if (pending.size() < k_block) return;
  ByteWriter block;  // the place of the bucket's block before this one, then this one
  block.u64(m_last_block[bucket]);
  block.text(pending);
  m_last_block[bucket] = 1 + m_store.append(block.bytes());
  pending.clear();
}

std::string SpillBuckets::bucket(std::size_t index) {
  std::vector<std::string> blocks;  // last first
  for (std::uint64_t place = m_last_block.at(index); place != 0;) {
    std::uint64_t at = place - 1;
    std::uint64_t before = m_store.read_u64(at);
    if (before >= place) fail_corrupt();
    blocks.push_back(m_store.read_text(at));
    place = before;
  }
  std::string out;
  for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) out += *it;
  out += m_pending[index];
  return out;
}

void FindingSorter::add(Finding finding) {
  m_buffer_bytes +=
      sizeof finding + finding.file.size() + finding.rule.size() + finding.path.size() + finding.message.size();
  m_buffer.push_back(std::move(finding));
  if (m_buffer_bytes >= k_run) write_run();
}

void FindingSorter::write_run() {
  sort_findings(m_buffer);
  Run run{m_store.size(), 0};
  ByteWriter out;
  for (const auto& finding : m_buffer) {
    ByteWriter one;
    one.text(finding.file);
    write_finding(one, finding);
    out.text(one.bytes());  // length first, so that a merge reads one finding at a time
  }
  m_store.append(out.bytes());
  run.end = m_store.size();
  m_runs.push_back(run);
  m_buffer.clear();
  m_buffer_bytes = 0;
}

void FindingSorter::drain(const std::function<void(Finding&&)>& use) {
  if (m_runs.empty()) {
    sort_findings(m_buffer);
    for (auto& finding : m_buffer) use(std::move(finding));
    m_buffer.clear();
    m_buffer_bytes = 0;
    return;
  }
  if (!m_buffer.empty()) write_run();
  // The next finding of a run, or nothing at its end.
  auto next = [&](Run& run) -> std::optional<Finding> {
    if (run.begin >= run.end) return std::nullopt;
    std::string bytes = m_store.read_text(run.begin);
    ByteReader in(bytes);
    std::string file = in.text();
    Finding finding = read_finding(in);
    if (!in.ok() || !in.at_end()) fail_corrupt();
    finding.file = std::move(file);
    return finding;
  };
  // The earliest head of the runs first; of equal ones, the earlier run's, as one stable sort would.
  using Head = std::pair<Finding, std::size_t>;
  auto later = [](const Head& a, const Head& b) {
    if (finding_before(b.first, a.first)) return true;
    return !finding_before(a.first, b.first) && b.second < a.second;
  };
  std::priority_queue<Head, std::vector<Head>, decltype(later)> heads(later);
  for (std::size_t i = 0; i < m_runs.size(); ++i) {
    if (auto finding = next(m_runs[i])) heads.emplace(std::move(*finding), i);
  }
  while (!heads.empty()) {
    Head head = heads.top();
    heads.pop();
    if (auto finding = next(m_runs[head.second])) heads.emplace(std::move(*finding), head.second);
    use(std::move(head.first));
  }
  m_runs.clear();
}

void SpilledList::push_back(std::string_view item) {
  ByteWriter out;
  out.text(item);
  m_store.append(out.bytes());
  ++m_count;
}

bool SpilledList::Reader::fill(std::size_t wanted) {
  if (m_chunk.size() - m_pos >= wanted) return true;
  m_chunk.erase(0, m_pos);
  m_pos = 0;
  std::string more = m_list->m_store.read(m_offset, std::max(wanted - m_chunk.size(), k_write_buffer));
  m_offset += more.size();
  m_chunk += more;
  return m_chunk.size() >= wanted;
}

std::optional<std::string> SpilledList::Reader::next() {
  fill(10);  // an item's length: a varint of up to ten bytes, fewer at the end
  if (m_pos == m_chunk.size()) return std::nullopt;
  ByteReader in(std::string_view(m_chunk).substr(m_pos));
  std::uint64_t size = in.u64();
  std::size_t header = m_chunk.size() - m_pos - in.remaining();
  if (!in.ok() || !fill(header + size)) fail_corrupt();
  std::string item = m_chunk.substr(m_pos + header, size);
  m_pos += header + size;
  return item;
}

std::vector<std::string> SpilledList::to_vector() {
  std::vector<std::string> items;
  items.reserve(m_count);
  Reader in = reader();
  while (auto item = in.next()) items.push_back(std::move(*item));
  return items;
}

}  // namespace cpconf
