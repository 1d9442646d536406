#pragma once

#include "costgate/model/report.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace costgate::report {

/// How a renderer may decorate its output.
struct RenderOptions {
    /// ANSI colours (the CLI sets this only on a TTY without NO_COLOR).
    bool colour = false;
};

/// Writes a report in one output format to `out` (the caller checks the stream's state).
/// One function per format lives in src/report/<format>.cpp; src/report/registry.cpp maps
/// names to them. A stream rather than a string so that the JSON report of a large plan
/// goes out as it is written instead of being held whole.
using RenderFunction = void (*)(const Report& report, const RenderOptions& options,
                                std::ostream& out);

/// The renderer for a format name, or nullptr.
RenderFunction find_renderer(std::string_view format);

/// Every format name, sorted (for --help and error messages).
std::vector<std::string> renderer_names();

} // namespace costgate::report
