#include "costgate/policy/evaluator.hpp"

#include "costgate/util/glob.hpp"

#include <algorithm>
#include <tuple>

namespace costgate::policy {

namespace {

constexpr const char* k_expired_exemption = "expired-exemption";

const Exemption* find_exemption(const std::vector<Exemption>& exemptions, const Finding& finding,
                                const util::Date& today) {
    for (const Exemption& exemption : exemptions)
        if (exemption.rule == finding.rule && exemption.expires >= today &&
            util::glob_match(exemption.resource, finding.resource.value_or("")))
            return &exemption;
    return nullptr;
}

Finding expired_warning(const Exemption& exemption) {
    Finding warning;
    warning.rule = k_expired_exemption;
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
                                     RuleSelection selection) {
    std::vector<Finding> findings;
    for (const auto& rule : policy.rules)
        if (selection == RuleSelection::all ||
            rule->judges_total == (selection == RuleSelection::total))
            rule->evaluate(input, findings);
    const util::Date& today = input.today;
    for (Finding& finding : findings)
        if (const Exemption* exemption = find_exemption(policy.exemptions, finding, today))
            finding.exempted_by =
                exemption->reason + " (expires " + exemption->expires.to_string() + ")";
    for (const Exemption& exemption : policy.exemptions)
        if (exemption.expires < today && selection != RuleSelection::total)
            findings.push_back(expired_warning(exemption));
    std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        return std::tie(a.rule, a.resource, a.message) < std::tie(b.rule, b.resource, b.message);
    });
    return findings;
}

std::vector<RuleSummary> describe_rules(const Policy& policy) {
    std::vector<RuleSummary> rules;
    for (const auto& rule : policy.rules)
        rules.push_back(
            {rule->id, rule->kind, rule->description, rule->severity, rule->file, rule->line});
    rules.push_back({k_expired_exemption, "built-in",
                     "An exemption whose expiry date has passed no longer applies; renew or "
                     "remove it.",
                     Severity::warn, "", 0});
    std::sort(rules.begin(), rules.end(),
              [](const RuleSummary& a, const RuleSummary& b) { return a.id < b.id; });
    return rules;
}

} // namespace costgate::policy
