#pragma once

#include "costgate/report/renderer.hpp"

namespace costgate {

/// The JSON report, schema_version 1 (docs/report.schema.json).
std::string render_json(const Report& report, const RenderOptions& options);

/// The terminal table: resources with components, totals, breakdown, findings.
std::string render_table(const Report& report, const RenderOptions& options);

} // namespace costgate
