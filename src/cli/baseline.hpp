#pragma once

#include "costgate/model/report.hpp"
#include "costgate/util/input_file.hpp"

#include <string>

namespace costgate::cli {

/// Takes the "before" of a run from a costgate JSON report of the base branch
/// (`--compare-to`): each resource's monthly_before becomes its monthly_after in the base
/// report (matched by project, source and address; 0 when the base lacks it), and base
/// resources missing from this run are added as deletions, so totals, breakdowns and
/// budgets see the change against the base even when the plans hold only the new state.
/// `project` selects the base report's resources of one project of a multi-project run.
/// Throws InputError naming the file and JSON path when the base is not such a report.
void apply_baseline(Report& report, const util::InputText& base, const std::string& project);

} // namespace costgate::cli
