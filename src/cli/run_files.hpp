#pragma once

#include "costgate/report/renderer.hpp"
#include "invocation.hpp"

#include <string>
#include <vector>

namespace costgate::cli {

/// Reads a plan, Terraform root or Kubernetes path that one run names twice (the same file,
/// however it is spelt: `plan.json ./plan.json`, overlapping globs) once, with a warning.
void read_repeated_inputs_once(Invocation& invocation);

/// Refuses an invocation that would price one input twice: the same plan, Terraform root or
/// Kubernetes path (the same file, however it is spelt) given to two projects, or standard
/// input given twice. Throws UsageError naming both spellings.
void check_inputs_given_once(const Invocation& invocation);

/// Refuses outputs that would destroy an input or each other: `outputs` (--out and the
/// --report files) must not be a file any run reads, lie in a --k8s folder as a manifest
/// (the next run would read it), or be named twice. Throws UsageError.
void check_output_targets(const Invocation& invocation, const std::vector<std::string>& outputs);

/// Writes `report` as `render` formats it to `path`, or to standard output for "" and "-",
/// as it is rendered (the file is opened, and emptied, first). A write that fails (a full
/// disk, a closed standard output) throws UsageError naming where it went.
void write_report(const std::string& path, report::RenderFunction render, const Report& report,
                  const report::RenderOptions& options);

/// Appends `report` as `render` formats it to `path`, checked as write_report.
void append_report(const std::string& path, report::RenderFunction render, const Report& report,
                   const report::RenderOptions& options);

} // namespace costgate::cli
