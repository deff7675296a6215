#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cpconf {

// A compact byte encoding for what cpconf keeps on disk: the tree cache's entries and the
// cross-record index it spills to a temporary file. Numbers are LEB128 varints (seven bits a
// byte, the high bit set on all but the last), so lines, columns and sizes mostly take one byte.
class ByteWriter {
 public:
  void u64(std::uint64_t value) {
    while (value >= 0x80) {
      m_out.push_back(static_cast<char>((value & 0x7F) | 0x80));
      value >>= 7;
    }
    m_out.push_back(static_cast<char>(value));
  }
  void u32(std::uint32_t value) { u64(value); }
  void text(std::string_view value) {
    u64(value.size());
    m_out.append(value);
  }
  const std::string& bytes() const { return m_out; }
  std::string take() { return std::move(m_out); }

 private:
  std::string m_out;
};

// Reads what ByteWriter wrote. Any overrun or nonsense sets ok() to false for good, and every
// later read returns zero or empty, so a caller checks once at the end.
class ByteReader {
 public:
  explicit ByteReader(std::string_view data) : m_data(data) {}
  bool ok() const { return m_ok; }
  bool at_end() const { return m_pos == m_data.size(); }
  std::size_t remaining() const { return m_data.size() - m_pos; }
  void fail() { m_ok = false; }

  std::uint64_t u64() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (!m_ok || m_pos == m_data.size()) break;
      auto byte = static_cast<unsigned char>(m_data[m_pos++]);
      value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    m_ok = false;  // cut short, or longer than any number ByteWriter writes
    return 0;
  }
  std::uint32_t u32() {
    std::uint64_t value = u64();
    if (value > UINT32_MAX) m_ok = false;
    return m_ok ? static_cast<std::uint32_t>(value) : 0;
  }
  std::string_view text_view() {
    std::uint64_t size = u64();
    if (!m_ok || size > remaining()) {
      m_ok = false;
      return {};
    }
    std::string_view out = m_data.substr(m_pos, size);
    m_pos += size;
    return out;
  }
  std::string text() { return std::string(text_view()); }

 private:
  std::string_view m_data;
  std::size_t m_pos = 0;
  bool m_ok = true;
};

}  // namespace cpconf
