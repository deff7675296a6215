#include <algorithm>

#include <fmt/format.h>

#include "cpconf/render/render.hpp"
#include "cpconf/text/markdown_escape.hpp"

namespace cpconf {

namespace {

std::string styled(const Styled& s, bool in_table) {
  std::string text = in_table ? markdown_cell(s.text) : markdown_inline(s.text);
  if (text.empty()) return text;
  switch (s.tone) {
    case Tone::plain: return text;
    case Tone::muted: return "*" + text + "*";
    default: return "**" + text + "**";
  }
}

class MarkdownWriter {
 public:
  std::string write(const Document& document) {
    m_out += "# " + markdown_line(document.title) + "\n";
    if (!document.subtitle.empty()) m_out += "\n" + markdown_inline(document.subtitle) + "\n";
    for (const auto& notice : document.notices) m_out += "\n> " + markdown_inline(notice) + "\n";
    for (const auto& section : document.sections) {
      m_out += fmt::format("\n{} {}\n", std::string(static_cast<std::size_t>(section.level), '#'),
                           markdown_line(section.title));
      for (const auto& block : section.blocks) {
        m_out += "\n";
        std::visit([this](const auto& b) { write(b); }, block);
      }
    }
    if (!document.source.empty()) m_out += "\n---\n\n*Rendered from " + markdown_inline(document.source) + ".*\n";
    return std::move(m_out);
  }

 private:
  void write(const Paragraph& paragraph) { m_out += styled(paragraph.text, false) + "\n"; }

  void write(const EntryList& list) {
    for (const auto& entry : list.entries) {
      m_out += fmt::format("- **{}:** {}\n", markdown_inline(entry.label), styled(entry.value, false));
    }
  }

  void write(const VoteBar& bar) { m_out += "*" + markdown_inline(bar.description) + "*\n"; }

  // One table; a grouped table gets a first column naming each group on its first row.
  void write(const Table& table) {
    if (!table.caption.empty()) m_out += "**" + markdown_inline(table.caption) + "**\n\n";
    bool grouped =
        std::any_of(table.groups.begin(), table.groups.end(), [](const TableGroup& g) { return !g.label.empty(); });
    std::string header = "|", rule = "|";
    if (grouped) {
      header += " " + markdown_cell(table.group_header) + " |";
      rule += " --- |";
    }
    for (const auto& column : table.columns) {
      header += " " + markdown_cell(column.header) + " |";
      rule += " --- |";
    }
    m_out += header + "\n" + rule + "\n";
    for (const auto& group : table.groups) {
      bool first = true;
      for (const auto& row : group.rows) {
        std::string line = "|";
        if (grouped) line += " " + (first ? "*" + markdown_cell(group.label) + "*" : std::string()) + " |";
        first = false;
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
          line += " " + (i < row.size() ? styled(row[i], true) : std::string()) + " |";
        }
        m_out += line + "\n";
      }
    }
  }

  std::string m_out;
};

}  // namespace

std::string write_markdown(const Document& document, const WriteOptions&) { return MarkdownWriter().write(document); }

}  // namespace cpconf
