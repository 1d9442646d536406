#pragma once

#include "costgate/model/report.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace costgate::report {

/// How a renderer may decorate its output.
struct RenderOptions {
    /// ANSI colours (the CLI sets this only on a TTY without NO_COLOR).
    bool colour = false;
};

/// Turns a report into one output format. One function per format lives in
/// src/report/<format>.cpp; src/report/registry.cpp maps names to them.
using RenderFunction = std::string (*)(const Report& report, const RenderOptions& options);

/// The renderer for a format name, or nullptr.
RenderFunction find_renderer(std::string_view format);

/// Every format name, sorted (for --help and error messages).
std::vector<std::string> renderer_names();

} // namespace costgate::report
