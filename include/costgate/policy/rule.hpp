#pragma once

#include "costgate/estimate.hpp"
#include "costgate/finding.hpp"
#include "costgate/policy/match.hpp"
#include "costgate/resource.hpp"

#include <string>
#include <vector>

namespace costgate {

/// What rules are evaluated against.
struct EvaluationInput {
    const std::vector<Resource>& resources;
    /// `estimate.resources[i]` belongs to `resources[i]`.
    const Estimate& estimate;
};

/// A policy rule of some kind. Each kind lives in src/policy/rules/<kind>.cpp and is
/// registered in src/policy/rule_kinds.cpp.
class Rule {
  public:
    virtual ~Rule() = default;

    /// Appends this rule's findings (severity, message, resource, location filled in).
    virtual void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const = 0;

    std::string id;
    /// The rule kind's name (`required_tags`, `budget`, ...).
    std::string kind;
    /// What the rule is for, in the policy author's words (may be empty).
    std::string description;
    Severity severity = Severity::fail;
    Match match;
    /// Where the rule is declared.
    std::string file;
    int line = 0;

  protected:
    /// A finding of this rule's id and severity about `resource` (or run-wide).
    Finding finding(const Resource* resource, std::string message) const;
};

} // namespace costgate
