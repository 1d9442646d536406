#pragma once

#include "costgate/model/finding.hpp"
#include "costgate/model/report.hpp"
#include "costgate/policy/policy.hpp"
#include "costgate/policy/rule.hpp"
#include "costgate/util/date.hpp"

#include <vector>

namespace costgate::policy {

/// Which rules an evaluation runs: all of them (a single run), those judged per project,
/// or those judged on the total of a multi-project run.
enum class RuleSelection { all, per_project, total };

/// Runs the selected rules, applies exemptions valid on `input.today` and returns the
/// findings sorted by rule, resource and message. Expired exemptions stop applying and
/// each gives an `expired-exemption` finding (except on the total, where each project
/// already has): `warn` when it covers a finding of this run, else `info`.
std::vector<Finding> evaluate_policy(const Policy& policy, const EvaluationInput& input,
                                     RuleSelection selection = RuleSelection::all);

/// The policy's exemptions that expired before `today`, in policy order (for
/// `policy validate`).
std::vector<const Exemption*> expired_exemptions(const Policy& policy, const util::Date& today);

/// The policy's rules and costgate's built-in ones (`expired-exemption`), sorted by id.
std::vector<RuleSummary> describe_rules(const Policy& policy);

} // namespace costgate::policy
