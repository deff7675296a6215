#include "cpconf/present/render.hpp"

namespace cpconf {

namespace {

constexpr RenderFormat k_formats[] = {
    {"text", "txt", write_text},
    {"markdown", "md", write_markdown},
    {"html", "html", write_html},
};

}  // namespace

std::span<const RenderFormat> render_formats() { return k_formats; }

const RenderFormat* find_render_format(std::string_view name) {
  for (const auto& format : k_formats) {
    if (format.name == name) return &format;
  }
  return nullptr;
}

}  // namespace cpconf
