#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// Text as names are compared. People write one name many ways: "SIÂN", "Siân" with a
// precomposed or a combining circumflex, "Sian"; "O’Neill" and "O'Neill"; a soft hyphen or a
// zero-width space inside a word. Folding maps all of these to one form: Unicode case folding,
// compatibility decomposition (NFKD: ligatures and full-width letters become plain letters),
// marks such as accents dropped, default-ignorable characters dropped, and utf8proc's "lump"
// of typographic apostrophes, dashes and spaces to their ASCII forms. Two texts that fold to
// the same string are the same name to cpconf, whatever their normal form (NFC or NFD).
namespace cpconf {

std::string folded(std::string_view text);

// A text folded unit by unit, remembering where each unit came from, so that a match in the
// folded text can be replaced in the original. A unit is one code point of the original
// together with the code points after it that fold to nothing (a combining accent, a soft
// hyphen): a match never starts or ends inside one.
class FoldedText {
 public:
  explicit FoldedText(std::string_view source);

  struct Unit {
    std::uint32_t source_start;  // byte offset in the source
    std::uint32_t folded_start;  // byte offset in folded()
    bool letter = false;         // a letter (or a mark standing alone)
    bool digit = false;
    bool upper = false;          // an upper-case (or title-case) letter
    bool lower = false;
    std::uint8_t lower_run = 0;  // lower-case letters in a row up to this one, at most 255
  };

  const std::string& folded() const { return m_folded; }
  const std::vector<Unit>& units() const { return m_units; }
  std::size_t source_size() const { return m_source_size; }
  // The source offset of unit i; units().size() gives the source's end.
  std::size_t source_offset(std::size_t unit) const;
  // The unit whose folded text starts at this folded offset, units().size() at the end, or -1
  // when the offset falls inside a unit.
  std::ptrdiff_t unit_at_folded(std::size_t folded_offset) const;

 private:
  std::string m_folded;
  std::vector<Unit> m_units;
  std::vector<std::int32_t> m_unit_by_folded;  // folded offset -> unit, -1 inside one
  std::size_t m_source_size = 0;
};

}  // namespace cpconf
