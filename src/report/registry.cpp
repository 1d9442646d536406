#include "renderers.hpp"

#include <array>
#include <utility>

namespace costgate::report {

namespace {

// One line per output format, sorted by name.
constexpr std::array<std::pair<std::string_view, RenderFunction>, 7> k_renderers = {{
    {"github", &render_github},
    {"gitlab", &render_gitlab},
    {"json", &render_json},
    {"junit", &render_junit},
    {"markdown", &render_markdown},
    {"sarif", &render_sarif},
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

} // namespace costgate::report
