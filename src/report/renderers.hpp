#pragma once

#include "costgate/report/renderer.hpp"

namespace costgate::report {

/// The JSON report, schema_version 1 (docs/report.schema.json).
std::string render_json(const Report& report, const RenderOptions& options);

/// GitHub workflow commands (`::error file=...,line=...::message`) and a cost line.
std::string render_github(const Report& report, const RenderOptions& options);

/// GitLab Code Quality JSON: one issue per unexempted finding.
std::string render_gitlab(const Report& report, const RenderOptions& options);

/// JUnit XML: a suite per rule, a case per rule and resource, failures for fail findings.
std::string render_junit(const Report& report, const RenderOptions& options);

/// A pull or merge request comment: headline, top changes, findings, full breakdown,
/// under GitHub's 65,536-character comment limit.
std::string render_markdown(const Report& report, const RenderOptions& options);

/// SARIF 2.1.0 for code scanning: rules with descriptions and help, results with
/// locations and fingerprints, exemptions as suppressions.
std::string render_sarif(const Report& report, const RenderOptions& options);

/// The terminal table: resources with components, totals, breakdown, findings.
std::string render_table(const Report& report, const RenderOptions& options);

} // namespace costgate::report
