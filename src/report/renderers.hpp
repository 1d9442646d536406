#pragma once

#include "costgate/report/renderer.hpp"

namespace costgate::report {

/// The JSON report, schema_version 1 (docs/report.schema.json).
void render_json(const Report& report, const RenderOptions& options, std::ostream& out);

/// GitHub workflow commands (`::error file=...,line=...::message`) and a cost line.
void render_github(const Report& report, const RenderOptions& options, std::ostream& out);

/// GitLab Code Quality JSON: one issue per unexempted finding.
void render_gitlab(const Report& report, const RenderOptions& options, std::ostream& out);

/// JUnit XML: a suite per rule, a case per rule and resource, failures for fail findings.
void render_junit(const Report& report, const RenderOptions& options, std::ostream& out);

/// A pull or merge request comment: headline, top changes, findings, full breakdown,
/// under GitHub's 65,536-character comment limit.
void render_markdown(const Report& report, const RenderOptions& options, std::ostream& out);

/// SARIF 2.1.0 for code scanning: rules with descriptions and help, results with
/// locations and fingerprints, exemptions as suppressions.
void render_sarif(const Report& report, const RenderOptions& options, std::ostream& out);

/// The terminal table: resources with components, totals, breakdown, findings.
void render_table(const Report& report, const RenderOptions& options, std::ostream& out);

} // namespace costgate::report
