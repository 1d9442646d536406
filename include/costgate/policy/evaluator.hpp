#pragma once

#include "costgate/finding.hpp"
#include "costgate/policy/date.hpp"
#include "costgate/policy/policy.hpp"
#include "costgate/policy/rule.hpp"
#include "costgate/report.hpp"

#include <vector>

namespace costgate {

/// Runs every rule, applies exemptions valid on `input.today` (expired ones stop applying
/// and produce a warning) and returns the findings sorted by rule, resource and message.
std::vector<Finding> evaluate_policy(const Policy& policy, const EvaluationInput& input);

/// The policy's rules and costgate's built-in ones (`expired-exemption`), sorted by id.
std::vector<RuleSummary> describe_rules(const Policy& policy);

} // namespace costgate
