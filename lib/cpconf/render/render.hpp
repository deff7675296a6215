#pragma once

#include <span>
#include <string>
#include <string_view>

#include "cpconf/render/document.hpp"

namespace cpconf {

struct WriteOptions {
  bool color = false;      // ANSI colour (text only)
  std::size_t width = 80;  // columns (text only)
};

// One output format of `cpconf render`: its name, the extension of the files it writes,
// and its writer.
struct RenderFormat {
  std::string_view name;
  std::string_view note;  // for --help: when it is the default
  std::string_view extension;
  std::string (*write)(const Document& document, const WriteOptions& options);
};

std::span<const RenderFormat> render_formats();
const RenderFormat* find_render_format(std::string_view name);

// For the terminal: aligned, wrapped to the width, coloured on request.
std::string write_text(const Document& document, const WriteOptions& options);
// CommonMark with GitHub's tables; every value escaped so that it shows as written.
std::string write_markdown(const Document& document, const WriteOptions& options);
// One self-contained, accessible, printable HTML file: inline CSS, no script, no fetch.
std::string write_html(const Document& document, const WriteOptions& options);

}  // namespace cpconf
