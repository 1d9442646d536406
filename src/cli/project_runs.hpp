#pragma once

#include "costgate/model/report.hpp"
#include "costgate/util/date.hpp"
#include "invocation.hpp"

namespace costgate::cli {

/// Builds the report of every run of `invocation`, in parallel (one thread per core), and
/// combines them in config order: a single run's report as is; several projects' into one
/// report whose resources and findings name their project, with a summary per project
/// and `scope: total` budgets judged on the sum. With `with_policy` false, no policies are
/// evaluated (`estimate`). The first error, in project order, is rethrown.
Report run_invocation(const Invocation& invocation, bool with_policy, const util::Date& today);

} // namespace costgate::cli
