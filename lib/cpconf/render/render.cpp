#include "cpconf/render/render.hpp"

#include "cpconf/named.hpp"

namespace cpconf {

namespace {

constexpr RenderFormat k_formats[] = {
    {"text", "default", "txt", write_text},
    {"markdown", "", "md", write_markdown},
    {"html", "", "html", write_html},
};

}  // namespace

std::span<const RenderFormat> render_formats() { return k_formats; }

const RenderFormat* find_render_format(std::string_view name) { return find_named(render_formats(), name); }

}  // namespace cpconf
