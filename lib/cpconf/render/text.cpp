#include <algorithm>

#include <fmt/format.h>

#include "cpconf/render/render.hpp"
#include "cpconf/render/text_layout.hpp"
#include "cpconf/text/utf8.hpp"

namespace cpconf {

namespace {

constexpr std::size_t k_indent = 2;
constexpr std::size_t k_gap = 2;         // between table columns
constexpr std::size_t k_max_label = 26;  // wider labels go on a line of their own
constexpr std::size_t k_bar_cells = 40;  // the vote bar, when the width allows
constexpr std::size_t k_least_bar_cells = 10;
constexpr std::size_t k_least_wrap = 24;  // narrowest a table's last column may be wrapped to

std::string_view tone_style(Tone tone) {
  switch (tone) {
    case Tone::plain: return "";
    case Tone::strong: return "\033[1m";
    case Tone::muted: return "\033[2m";
    case Tone::plan: return "\033[1;34m";
    case Tone::no_plan: return "\033[1;35m";
    case Tone::error: return "\033[1;31m";
    case Tone::warning: return "\033[1;33m";
    case Tone::info: return "\033[1;36m";
  }
  return "";
}

std::string pad(std::string_view text, std::size_t width) {
  std::size_t used = display_width(text);
  return std::string(text) + std::string(width > used ? width - used : 0, ' ');
}

class TextWriter {
 public:
  explicit TextWriter(const WriteOptions& options) : m_options(options) {}

  std::string write(const Document& document) {
    for (const auto& line : wrap(document.title, width(0))) emit(0, line, Tone::strong);
    for (const auto& line : wrap(document.subtitle, width(0))) emit(0, line, Tone::plain);
    for (const auto& notice : document.notices) {
      blank();
      for (const auto& line : wrap(notice, width(0))) emit(0, line, Tone::warning);
    }
    for (const auto& section : document.sections) write(section);
    if (!document.source.empty()) {
      blank();
      for (const auto& line : wrap("Rendered from " + document.source + ".", width(0))) emit(0, line, Tone::muted);
    }
    return std::move(m_out);
  }

 private:
  std::size_t width(std::size_t indent) const {
    return m_options.width > indent + k_least_wrap ? m_options.width - indent : k_least_wrap;
  }

  std::string paint(std::string_view text, Tone tone) const {
    std::string_view style = tone_style(tone);
    if (!m_options.color || style.empty() || text.empty()) return std::string(text);
    return fmt::format("{}{}\033[0m", style, text);
  }

  void emit(std::size_t indent, std::string_view text, Tone tone) {
    m_out += std::string(indent, ' ') + paint(text, tone) + "\n";
  }
  void blank() { m_out += "\n"; }

  // Label and value wrapped beside it, or under it when the label is long.
  void wrapped(std::size_t indent, std::string_view first, const Styled& value, std::size_t hang) {
    std::size_t column = indent + hang;
    auto lines = wrap(value.text, width(column));
    if (lines.empty()) lines.emplace_back();
    std::size_t used = display_width(first);
    std::size_t i = 0;
    if (used < hang) {
      m_out += std::string(indent, ' ') + pad(first, hang) + paint(lines[0], value.tone) + "\n";
      i = 1;
    } else {
      emit(indent, first, Tone::plain);
    }
    for (; i < lines.size(); ++i) emit(column, lines[i], value.tone);
  }

  // "Label: value" filled to the width, its continuation lines indented further.
  void labelled(std::size_t indent, std::string_view label, const Styled& value) {
    auto lines = wrap(std::string(label) + value.text, width(indent), width(indent + k_indent));
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) {
        emit(indent + k_indent, lines[i], value.tone);
      } else if (lines[0].starts_with(label)) {
        m_out +=
            std::string(indent, ' ') + std::string(label) + paint(lines[0].substr(label.size()), value.tone) + "\n";
      } else {
        emit(indent, lines[0], Tone::plain);
      }
    }
  }

  void write(const Section& section) {
    blank();
    for (const auto& line : wrap(section.title, width(0))) emit(0, line, Tone::strong);
    emit(0, std::string(std::min(display_width(section.title), width(0)), section.level == 2 ? '=' : '-'), Tone::plain);
    for (const auto& block : section.blocks) {
      blank();
      std::visit([this](const auto& b) { write(b); }, block);
    }
  }

  void write(const Paragraph& paragraph) {
    for (const auto& line : wrap(paragraph.text.text, width(k_indent))) emit(k_indent, line, paragraph.text.tone);
  }

  void write(const EntryList& list) {
    std::size_t label_width = 0;
    for (const auto& entry : list.entries) {
      std::size_t w = display_width(entry.label) + 1;
      if (w <= k_max_label) label_width = std::max(label_width, w);
    }
    for (const auto& entry : list.entries) wrapped(k_indent, entry.label + ":", entry.value, label_width + k_gap);
  }

  void write(const VoteBar& bar) {
    std::size_t total = bar.plan + bar.no_plan;
    if (total == 0) return;
    std::string label = fmt::format("{} {}, {} {}", bar.plan_label, bar.plan, bar.no_plan_label, bar.no_plan);
    std::size_t room =
        width(k_indent) > display_width(label) + k_gap ? width(k_indent) - display_width(label) - k_gap : 0;
    std::size_t cells = std::clamp<std::size_t>(room, k_least_bar_cells, k_bar_cells);
    std::size_t plan_cells = (cells * bar.plan + total / 2) / total;
    if (bar.plan > 0) plan_cells = std::max<std::size_t>(plan_cells, 1);
    if (bar.no_plan > 0) plan_cells = std::min(plan_cells, cells - 1);
    std::string cells_plan, cells_no_plan;
    for (std::size_t i = 0; i < plan_cells; ++i) cells_plan += "\u2588";
    for (std::size_t i = plan_cells; i < cells; ++i) cells_no_plan += "\u2591";
    m_out += fmt::format("{}{}{}  {}\n", std::string(k_indent, ' '), paint(cells_plan, Tone::plan),
                         paint(cells_no_plan, Tone::no_plan), label);
  }

  void write(const Table& table) {
    if (!table.caption.empty()) {
      emit(k_indent, table.caption, Tone::strong);
      blank();
    }
    bool grouped =
        std::any_of(table.groups.begin(), table.groups.end(), [](const TableGroup& g) { return !g.label.empty(); });
    std::size_t indent = grouped ? k_indent * 2 : k_indent;
    bool with_header = !grouped && std::count_if(table.columns.begin(), table.columns.end(),
                                                 [](const TableColumn& c) { return !c.wide; }) > 1;
    TableLayout layout = lay_out_table(table, width(indent), k_gap, k_least_wrap, with_header);
    if (layout.columns_fit && with_header) header(table, layout, indent);
    bool first_group = true;
    for (const auto& group : table.groups) {
      if (!first_group) blank();
      first_group = false;
      if (!group.label.empty()) emit(k_indent, group.label, Tone::strong);
      bool first_row = true;
      for (const auto& row : group.rows) {
        if (!first_row && (layout.spaced || !layout.columns_fit)) blank();
        first_row = false;
        layout.columns_fit ? aligned_row(table, layout, row, indent) : stacked_row(table, row, indent);
      }
    }
  }

  void header(const Table& table, const TableLayout& layout, std::size_t indent) {
    std::string names, rules;
    for (std::size_t i = 0; i < layout.short_columns.size(); ++i) {
      std::size_t column = layout.short_columns[i];
      bool last = i + 1 == layout.short_columns.size();
      std::string name =
          last ? table.columns[column].header : pad(table.columns[column].header, layout.widths[i] + k_gap);
      names += name;
      rules += std::string(display_width(table.columns[column].header), '-') +
               (last ? "" : std::string(layout.widths[i] + k_gap - display_width(table.columns[column].header), ' '));
    }
    emit(indent, names, Tone::strong);
    emit(indent, rules, Tone::muted);
  }

  void aligned_row(const Table& table, const TableLayout& layout, const std::vector<Styled>& row, std::size_t indent) {
    std::vector<std::vector<std::string>> cells;
    std::size_t height = 1;
    for (std::size_t i = 0; i < layout.short_columns.size(); ++i) {
      std::size_t column = layout.short_columns[i];
      cells.push_back(column < row.size() ? wrap(row[column].text, layout.widths[i]) : std::vector<std::string>{});
      height = std::max(height, cells.back().size());
    }
    for (std::size_t line = 0; line < height; ++line) {
      std::string text;
      std::size_t pending = 0;  // spaces owed before the next non-empty cell
      for (std::size_t i = 0; i < cells.size(); ++i) {
        std::size_t column = layout.short_columns[i];
        std::string cell = line < cells[i].size() ? cells[i][line] : "";
        if (!cell.empty()) {
          text += std::string(pending, ' ') + paint(cell, row[column].tone);
          pending = 0;
        }
        pending += layout.widths[i] + k_gap - display_width(cell);
      }
      emit(indent, text, Tone::plain);
    }
    // The first wide column is the row's main text; the others say what they are.
    bool first_wide = true;
    for (std::size_t column = 0; column < table.columns.size() && column < row.size(); ++column) {
      if (!table.columns[column].wide) continue;
      bool labelled_here = !first_wide;
      first_wide = false;
      if (row[column].text.empty()) continue;
      if (labelled_here) {
        labelled(indent + k_indent * 2, table.columns[column].header + ": ", row[column]);
      } else {
        for (const auto& line : wrap(row[column].text, width(indent + k_indent * 2))) {
          emit(indent + k_indent * 2, line, row[column].tone);
        }
      }
    }
  }

  // A row too wide for columns: its first cell, then "Header: value" lines.
  void stacked_row(const Table& table, const std::vector<Styled>& row, std::size_t indent) {
    for (std::size_t column = 0; column < table.columns.size() && column < row.size(); ++column) {
      if (column == 0) {
        for (const auto& line : wrap(row[0].text, width(indent))) emit(indent, line, row[0].tone);
        continue;
      }
      if (row[column].text.empty()) continue;
      labelled(indent + k_indent * 2, table.columns[column].header + ": ", row[column]);
    }
  }

  const WriteOptions& m_options;
  std::string m_out;
};

}  // namespace

std::string write_text(const Document& document, const WriteOptions& options) {
  return TextWriter(options).write(document);
}

}  // namespace cpconf
