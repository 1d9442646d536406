#include "costgate/policy/evaluator.hpp"

#include "costgate/util/glob.hpp"

#include <algorithm>
#include <tuple>

namespace costgate::policy {

namespace {

constexpr const char* k_expired_exemption = "expired-exemption";

bool covers(const Exemption& exemption, const Finding& finding) {
    return exemption.rule == finding.rule &&
           util::glob_match(exemption.resource, finding.resource.value_or(""));
}

const Exemption* find_exemption(const std::vector<Exemption>& exemptions, const Finding& finding,
                                const util::Date& today) {
    for (const Exemption& exemption : exemptions)
        if (exemption.expires >= today && covers(exemption, finding))
            return &exemption;
    return nullptr;
}

// An expired exemption warns only where it matters: when a finding it would have covered
// is back in this run. One that covers nothing here (the resource was fixed, or is in
// another project) is information, so it cannot keep every run at "warn" for good.
Finding expired_exemption(const Exemption& exemption, bool covered_a_finding) {
    Finding finding;
    finding.rule = k_expired_exemption;
    finding.severity = covered_a_finding ? Severity::warn : Severity::info;
    finding.message = "The exemption of " + exemption.resource + " from rule " + exemption.rule +
                      " expired on " + exemption.expires.to_string() +
                      (covered_a_finding ? " and no longer applies ("
                                         : "; it covers no finding of this run, so remove it (") +
                      exemption.reason + ")";
    finding.file = exemption.file;
    finding.line = exemption.line;
    return finding;
}

} // namespace

std::vector<Finding> evaluate_policy(const Policy& policy, const EvaluationInput& input,
                                     RuleSelection selection) {
    std::vector<Finding> findings;
    EvaluationInput with_rules = input;
    with_rules.rules = &policy.rules;
    for (const auto& rule : policy.rules)
        if (selection == RuleSelection::all ||
            rule->judges_total == (selection == RuleSelection::total))
            rule->evaluate(with_rules, findings);
    const util::Date& today = input.today;
    for (Finding& finding : findings)
        if (const Exemption* exemption = find_exemption(policy.exemptions, finding, today))
            finding.exempted_by =
                exemption->reason + " (expires " + exemption->expires.to_string() + ")";
    const std::size_t rule_findings = findings.size();
    for (const Exemption& exemption : policy.exemptions)
        if (exemption.expires < today && selection != RuleSelection::total)
            findings.push_back(expired_exemption(
                exemption, std::any_of(findings.begin(), findings.begin() + rule_findings,
                                       [&](const Finding& f) { return covers(exemption, f); })));
    std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        return std::tie(a.rule, a.resource, a.message) < std::tie(b.rule, b.resource, b.message);
    });
    return findings;
}

std::vector<const Exemption*> expired_exemptions(const Policy& policy, const util::Date& today) {
    std::vector<const Exemption*> expired;
    for (const Exemption& exemption : policy.exemptions)
        if (exemption.expires < today)
            expired.push_back(&exemption);
    return expired;
}

std::vector<RuleSummary> describe_rules(const Policy& policy) {
    std::vector<RuleSummary> rules;
    for (const auto& rule : policy.rules)
        rules.push_back(
            {rule->id, rule->kind, rule->description, rule->severity, rule->file, rule->line});
    rules.push_back({k_expired_exemption, "built-in",
                     "An exemption whose expiry date has passed no longer applies; renew or "
                     "remove it. It warns when a finding it covered is back, and informs "
                     "otherwise.",
                     Severity::warn, "", 0});
    std::sort(rules.begin(), rules.end(),
              [](const RuleSummary& a, const RuleSummary& b) { return a.id < b.id; });
    return rules;
}

} // namespace costgate::policy
