#include "costgate/policy/evaluator.hpp"

#include <algorithm>
#include <tuple>

namespace costgate {

namespace {

const Exemption* find_exemption(const std::vector<Exemption>& exemptions, const Finding& finding,
                                const Date& today) {
    for (const Exemption& exemption : exemptions)
        if (exemption.rule == finding.rule && exemption.expires >= today &&
            glob_match(exemption.resource, finding.resource.value_or("")))
            return &exemption;
    return nullptr;
}

Finding expired_warning(const Exemption& exemption) {
    Finding warning;
    warning.rule = "expired-exemption";
    warning.severity = Severity::warn;
    warning.message = "The exemption of " + exemption.resource + " from rule " + exemption.rule +
                      " expired on " + exemption.expires.to_string() + " and no longer applies (" +
                      exemption.reason + ")";
    warning.file = exemption.file;
    warning.line = exemption.line;
    return warning;
}

} // namespace

std::vector<Finding> evaluate_policy(const Policy& policy, const EvaluationInput& input,
                                     const Date& today) {
    std::vector<Finding> findings;
    for (const auto& rule : policy.rules)
        rule->evaluate(input, findings);
    for (Finding& finding : findings)
        if (const Exemption* exemption = find_exemption(policy.exemptions, finding, today))
            finding.exempted_by =
                exemption->reason + " (expires " + exemption->expires.to_string() + ")";
    for (const Exemption& exemption : policy.exemptions)
        if (exemption.expires < today)
            findings.push_back(expired_warning(exemption));
    std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        return std::tie(a.rule, a.resource, a.message) < std::tie(b.rule, b.resource, b.message);
    });
    return findings;
}

} // namespace costgate
