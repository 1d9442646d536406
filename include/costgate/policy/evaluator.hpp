#pragma once

#include "costgate/finding.hpp"
#include "costgate/policy/date.hpp"
#include "costgate/policy/policy.hpp"
#include "costgate/policy/rule.hpp"

#include <vector>

namespace costgate {

/// Runs every rule, applies exemptions valid on `today` (expired ones stop applying and
/// produce a warning) and returns the findings sorted by rule, resource and message.
std::vector<Finding> evaluate_policy(const Policy& policy, const EvaluationInput& input,
                                     const Date& today);

} // namespace costgate
