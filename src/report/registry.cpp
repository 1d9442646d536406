#include "renderers.hpp"

#include <array>
#include <utility>

namespace costgate {

namespace {

// One line per output format, sorted by name.
constexpr std::array<std::pair<std::string_view, RenderFunction>, 2> k_renderers = {{
    {"json", &render_json},
    {"table", &render_table},
}};

} // namespace

RenderFunction find_renderer(std::string_view format) {
    for (const auto& [name, render] : k_renderers)
        if (name == format)
            return render;
    return nullptr;
}

std::vector<std::string> renderer_names() {
    std::vector<std::string> names;
    for (const auto& entry : k_renderers)
        names.emplace_back(entry.first);
    return names;
}

} // namespace costgate
