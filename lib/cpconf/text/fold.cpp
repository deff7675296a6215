#include "cpconf/text/fold.hpp"

#include <utf8proc.h>

#include "cpconf/text/utf8.hpp"

namespace cpconf {

namespace {

constexpr auto k_fold_options = static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                                               UTF8PROC_STRIPMARK | UTF8PROC_IGNORE | UTF8PROC_LUMP);

// One code point folded onto out. Invalid UTF-8 folds as U+FFFD, which matches no name.
void append_folded(std::string& out, char32_t value) {
  if (value < 0x80) {
    out.push_back(value >= 'A' && value <= 'Z' ? static_cast<char>(value - 'A' + 'a') : static_cast<char>(value));
    return;
  }
  utf8proc_int32_t buffer[32];
  int boundclass = UTF8PROC_BOUNDCLASS_START;
  utf8proc_ssize_t count = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(value), buffer, 32, k_fold_options,
                                                   &boundclass);
  if (count < 0 || count > 32) {
    append_utf8(out, value);
    return;
  }
  for (utf8proc_ssize_t i = 0; i < count; ++i) append_utf8(out, static_cast<char32_t>(buffer[i]));
}

}  // namespace

std::string folded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    CodePoint cp = decode_at(text, pos);
    pos += cp.length;
    append_folded(out, cp.value);
  }
  return out;
}

FoldedText::FoldedText(std::string_view source) : m_source_size(source.size()) {
  m_folded.reserve(source.size());
  for (std::size_t pos = 0; pos < source.size();) {
    CodePoint cp = decode_at(source, pos);
    std::size_t before = m_folded.size();
    append_folded(m_folded, cp.value);
    if (m_folded.size() == before && !m_units.empty()) {
      pos += cp.length;  // folds to nothing: part of the unit before
      continue;
    }
    Unit unit{static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(before)};
    if (cp.value < 0x80) {
      unit.upper = cp.value >= 'A' && cp.value <= 'Z';
      unit.lower = cp.value >= 'a' && cp.value <= 'z';
      unit.letter = unit.upper || unit.lower;
      unit.digit = cp.value >= '0' && cp.value <= '9';
    } else if (cp.valid) {
      utf8proc_category_t category = utf8proc_category(static_cast<utf8proc_int32_t>(cp.value));
      unit.upper = category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT;
      unit.lower = category == UTF8PROC_CATEGORY_LL;
      unit.letter = (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_ME);
      unit.digit = category == UTF8PROC_CATEGORY_ND;
    }
    if (unit.lower) {
      std::uint8_t run = m_units.empty() ? 0 : m_units.back().lower_run;
      unit.lower_run = run == 255 ? run : static_cast<std::uint8_t>(run + 1);
    }
    m_units.push_back(unit);
    pos += cp.length;
  }
  m_unit_by_folded.assign(m_folded.size() + 1, -1);
  for (std::size_t i = m_units.size(); i-- > 0;) {
    // A unit that folds to nothing shares its offset with the next: the first one owns it.
    m_unit_by_folded[m_units[i].folded_start] = static_cast<std::int32_t>(i);
  }
  m_unit_by_folded[m_folded.size()] = static_cast<std::int32_t>(m_units.size());
}

std::size_t FoldedText::source_offset(std::size_t unit) const {
  return unit < m_units.size() ? m_units[unit].source_start : m_source_size;
}

std::ptrdiff_t FoldedText::unit_at_folded(std::size_t folded_offset) const {
  if (folded_offset >= m_unit_by_folded.size()) return -1;
  return m_unit_by_folded[folded_offset];
}

}  // namespace cpconf
