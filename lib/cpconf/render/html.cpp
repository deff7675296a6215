#include <algorithm>

#include <fmt/format.h>

#include "cpconf/render/html_style.hpp"
#include "cpconf/render/render.hpp"
#include "cpconf/text/html_escape.hpp"

namespace cpconf {

namespace {

std::string_view tone_class(Tone tone) {
  switch (tone) {
    case Tone::plain: return "";
    case Tone::strong: return "strong";
    case Tone::muted: return "muted";
    case Tone::plan: return "plan";
    case Tone::no_plan: return "no-plan";
    case Tone::error: return "error";
    case Tone::warning: return "warning";
    case Tone::info: return "info";
  }
  return "";
}

std::string span(const Styled& s) {
  std::string text = html_escape(s.text);
  if (s.tone == Tone::plain || text.empty()) return text;
  if (s.tone == Tone::strong) return "<strong>" + text + "</strong>";
  return fmt::format("<span class=\"{}\">{}</span>", tone_class(s.tone), text);
}

// The vote drawn as one bar split in proportion, each side labelled when there is room.
std::string vote_svg(const VoteBar& bar, const std::string& caption_id) {
  constexpr double k_width = 480, k_height = 40, k_top = 4, k_bar = 32;
  constexpr double k_char = 8.5, k_padding = 16;  // rough text width at 15 px, for fitting labels
  std::size_t total = bar.plan + bar.no_plan;
  double split = total == 0 ? 0 : k_width * static_cast<double>(bar.plan) / static_cast<double>(total);
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" "
      "role=\"img\" aria-labelledby=\"{2}\">\n<title>{3}</title>\n",
      k_width, k_height, caption_id, html_escape(bar.description));
  auto side = [&](double x, double w, std::size_t count, const std::string& label, std::string_view css) {
    if (count == 0) return;
    std::string words = fmt::format("{} {}", label, count);
    out += fmt::format(
        "<rect class=\"{}\" x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\"><title>{}</title></rect>\n", css, x,
        k_top, w, k_bar, html_escape(words));
    std::string shown = static_cast<double>(words.size()) * k_char + k_padding <= w ? words
                        : static_cast<double>(std::to_string(count).size()) * k_char + k_padding <= w
                            ? std::to_string(count)
                            : "";
    if (!shown.empty()) {
      out += fmt::format("<text class=\"{}-label\" x=\"{:.1f}\" y=\"{}\">{}</text>\n", css, x + 8, k_top + 21,
                         html_escape(shown));
    }
  };
  side(0, split, bar.plan, bar.plan_label, "bar-plan");
  side(split, k_width - split, bar.no_plan, bar.no_plan_label, "bar-no-plan");
  return out + "</svg>";
}

class HtmlWriter {
 public:
  std::string write(const Document& document) {
    std::string title = document.subtitle.empty() ? document.title : document.title + " - " + document.subtitle;
    m_out += fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "base-uri 'none'; form-action 'none'\">\n<meta name=\"referrer\" content=\"no-referrer\">\n"
        "<meta name=\"color-scheme\" content=\"light\">\n<meta name=\"generator\" content=\"cpconf\">\n"
        "<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n",
        html_escape(title), k_render_css);
    m_out += "<header class=\"masthead\">\n<p class=\"marking\">Confidential</p>\n";
    m_out += fmt::format("<h1>{}</h1>\n", html_escape(document.title));
    if (!document.subtitle.empty())
      m_out += fmt::format("<p class=\"subtitle\">{}</p>\n", html_escape(document.subtitle));
    m_out += "</header>\n";
    for (const auto& notice : document.notices) {
      m_out += fmt::format("<p class=\"notice\" role=\"note\">{}</p>\n", html_escape(notice));
    }
    contents(document);
    m_out += "<main id=\"main\">\n";
    int open = 0;  // sections open, by level
    for (const auto& section : document.sections) {
      while (open >= section.level - 1 && open > 0) {
        m_out += "</section>\n";
        --open;
      }
      m_out += fmt::format("<section aria-labelledby=\"{0}\">\n<h{1} id=\"{0}\">{2}</h{1}>\n", section.anchor,
                           section.level, html_escape(section.title));
      open = section.level - 1;
      for (const auto& block : section.blocks) std::visit([this](const auto& b) { write(b); }, block);
    }
    for (; open > 0; --open) m_out += "</section>\n";
    m_out += "</main>\n";
    if (!document.source.empty()) {
      m_out += fmt::format("<footer>\n<p>Rendered from {}.</p>\n</footer>\n", html_escape(document.source));
    }
    m_out += "</body>\n</html>\n";
    return std::move(m_out);
  }

 private:
  void contents(const Document& document) {
    m_out += "<nav aria-label=\"Contents\">\n<p class=\"nav-title\">Contents</p>\n<ol>\n";
    for (const auto& section : document.sections) {
      if (section.level != 2) continue;
      m_out += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", section.anchor, html_escape(section.title));
    }
    m_out += "</ol>\n</nav>\n";
  }

  void write(const Paragraph& paragraph) { m_out += "<p>" + span(paragraph.text) + "</p>\n"; }

  void write(const EntryList& list) {
    m_out += "<dl class=\"entries\">\n";
    for (const auto& entry : list.entries) {
      m_out += fmt::format("<div><dt>{}</dt><dd>{}</dd></div>\n", html_escape(entry.label), span(entry.value));
    }
    m_out += "</dl>\n";
  }

  void write(const VoteBar& bar) {
    std::string id = fmt::format("vote-{}", ++m_bars);
    m_out += fmt::format("<figure class=\"vote\">\n{}\n<figcaption id=\"{}\">{}</figcaption>\n</figure>\n",
                         vote_svg(bar, id), id, html_escape(bar.description));
  }

  void write(const Table& table) {
    m_out += "<table>\n";
    if (!table.caption.empty()) m_out += fmt::format("<caption>{}</caption>\n", html_escape(table.caption));
    m_out += "<thead><tr>";
    for (const auto& column : table.columns)
      m_out += fmt::format("<th scope=\"col\">{}</th>", html_escape(column.header));
    m_out += "</tr></thead>\n";
    for (const auto& group : table.groups) {
      m_out += "<tbody>\n";
      if (!group.label.empty()) {
        m_out += fmt::format("<tr><th scope=\"rowgroup\" colspan=\"{}\" class=\"group\">{}</th></tr>\n",
                             table.columns.size(), html_escape(group.label));
      }
      for (const auto& row : group.rows) {
        m_out += "<tr>";
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
          std::string cell = i < row.size() ? span(row[i]) : "";
          bool header = i == 0 && table.row_headers;
          // Free text may break anywhere; names and dates only between words.
          std::string_view css = table.columns[i].wide ? " class=\"text\"" : "";
          m_out += header ? fmt::format("<th scope=\"row\">{}</th>", cell) : fmt::format("<td{}>{}</td>", css, cell);
        }
        m_out += "</tr>\n";
      }
      m_out += "</tbody>\n";
    }
    m_out += "</table>\n";
  }

  std::string m_out;
  int m_bars = 0;
};

}  // namespace

std::string write_html(const Document& document, const WriteOptions&) { return HtmlWriter().write(document); }

}  // namespace cpconf
