#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "cpconf/load/model.hpp"

// The written record of a conference as a document: sections of labelled entries, tables,
// paragraphs and vote bars. It is built once from a record (and redacted once), and
// every writer (text, Markdown, HTML) only lays it out, so wording and redaction never differ
// between formats.
namespace cpconf {

// How a piece of text stands out; each writer has its own means (colour, bold, a CSS class).
enum class Tone { plain, strong, muted, plan, no_plan, error, warning, info };

struct Styled {
  std::string text;
  Tone tone = Tone::plain;
};

// A labelled value ("Chair: Menna Cadwaladr").
struct Entry {
  std::string label;
  Styled value;
};

struct EntryList {
  std::vector<Entry> entries;
};

struct TableColumn {
  std::string header;
  // Long free text: the text writer puts it under the row rather than in a column.
  bool wide = false;
};

// Rows under an optional label (a grouping's members under the grouping's name).
struct TableGroup {
  std::string label;
  std::vector<std::vector<Styled>> rows;
};

struct Table {
  std::string caption;
  std::string group_header;  // what the groups' labels are ("Grouping"), where a column names them
  std::vector<TableColumn> columns;
  std::vector<TableGroup> groups;
  bool row_headers = true;  // the first cell of a row names it (<th scope="row">)
};

struct Paragraph {
  Styled text;
};

// The counted votes (or views) for one child, drawn as a bar.
struct VoteBar {
  std::size_t plan = 0;
  std::size_t no_plan = 0;
  std::string plan_label;     // "plan"
  std::string no_plan_label;  // "no plan"
  std::string description;    // the whole count in words, for readers that cannot see the bar
};

using Block = std::variant<EntryList, Table, Paragraph, VoteBar>;

struct Section {
  int level = 2;       // 2 for a section, 3 for a part of one
  std::string anchor;  // made from fixed words and numbers only, never from record text
  std::string title;
  std::vector<Block> blocks;
};

struct Document {
  std::string title;                 // "Initial child protection conference"
  std::string subtitle;              // the date, and the conference id
  std::vector<std::string> notices;  // shown before everything: redaction, an inquorate meeting
  std::vector<Section> sections;
  std::string source;  // the file the record came from
};

// Applies f to every piece of text that may hold something from the record. The fixed words
// of the layout (labels, column headers, captions) are left alone, so that a surname such as
// "Case" or "Chair" cannot garble them.
template <class F>
void for_each_text(Document& document, F&& f) {
  f(document.subtitle);
  f(document.source);
  for (auto& notice : document.notices) f(notice);
  for (auto& section : document.sections) {
    f(section.title);
    for (auto& block : section.blocks) {
      if (auto* list = std::get_if<EntryList>(&block)) {
        for (auto& entry : list->entries) f(entry.value.text);
      } else if (auto* table = std::get_if<Table>(&block)) {
        for (auto& group : table->groups) {
          f(group.label);
          for (auto& row : group.rows) {
            for (auto& cell : row) f(cell.text);
          }
        }
      } else if (auto* paragraph = std::get_if<Paragraph>(&block)) {
        f(paragraph->text.text);
      } else if (auto* bar = std::get_if<VoteBar>(&block)) {
        f(bar->description);
      }
    }
  }
}

}  // namespace cpconf
