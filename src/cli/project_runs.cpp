#include "project_runs.hpp"

#include "costgate/model/error.hpp"
#include "costgate/policy/evaluator.hpp"
#include "run_options.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

namespace costgate::cli {

namespace {

struct ProjectResult {
    Report report;
    std::exception_ptr error;
};

std::vector<ProjectResult> run_all(const Invocation& invocation, bool with_policy,
                                   const util::Date& today) {
    std::vector<ProjectResult> results(invocation.runs.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i = next++; i < results.size(); i = next++) {
            try {
                const RunOptions& options = invocation.runs[i].options;
                const policy::Policy policy = policy::load_policy_files(options.policies);
                results[i].report =
                    build_report(options, with_policy ? &policy : nullptr, today,
                                 invocation.runs.size() > 1 ? policy::RuleSelection::per_project
                                                            : policy::RuleSelection::all);
            } catch (...) {
                results[i].error = std::current_exception();
            }
        }
    };
    const std::size_t threads =
        std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), results.size());
    std::vector<std::jthread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    pool.clear();
    for (const ProjectResult& result : results)
        if (result.error)
            std::rethrow_exception(result.error);
    return results;
}

void merge_groups(std::map<std::string, CostTotals>& into,
                  const std::map<std::string, CostTotals>& from) {
    for (const auto& [name, totals] : from)
        into[name].add(totals);
}

} // namespace

Report run_invocation(const Invocation& invocation, bool with_policy, const util::Date& today) {
    std::vector<ProjectResult> results = run_all(invocation, with_policy, today);
    if (invocation.runs.size() == 1 && invocation.runs[0].name.empty())
        return std::move(results[0].report);

    Report total;
    const Report& first = results[0].report;
    total.tool_version = first.tool_version;
    total.currency = first.currency;
    total.catalog_version = first.catalog_version;
    total.catalog_as_of = first.catalog_as_of;
    total.estimate.cost_centre_tag = first.estimate.cost_centre_tag;
    total.policies_evaluated = first.policies_evaluated;
    for (std::size_t i = 0; i < results.size(); ++i) {
        Report& report = results[i].report;
        const std::string& name = invocation.runs[i].name;
        if (report.currency != total.currency)
            throw UsageError("projects " + invocation.runs[0].name + " and " + name +
                             " price in different currencies (" + total.currency + ", " +
                             report.currency + "): use one currency across the config's catalogs");
        ProjectSummary summary{name, report.inputs, report.estimate.totals,
                               count_findings(report.findings), report.result()};
        total.projects.push_back(std::move(summary));
        total.inputs.insert(total.inputs.end(), report.inputs.begin(), report.inputs.end());
        for (Resource& resource : report.resources) {
            resource.project = name;
            total.resources.push_back(std::move(resource));
        }
        for (ResourceEstimate& estimate : report.estimate.resources)
            total.estimate.resources.push_back(std::move(estimate));
        total.estimate.totals.add(report.estimate.totals);
        merge_groups(total.estimate.by_cost_centre, report.estimate.by_cost_centre);
        merge_groups(total.estimate.by_namespace, report.estimate.by_namespace);
        for (Finding& finding : report.findings) {
            finding.project = name;
            total.findings.push_back(std::move(finding));
        }
        for (RuleSummary& rule : report.rules)
            if (std::none_of(total.rules.begin(), total.rules.end(),
                             [&](const RuleSummary& known) { return known.id == rule.id; }))
                total.rules.push_back(std::move(rule));
    }
    if (with_policy) {
        const policy::Policy policy = policy::load_policy_files(invocation.total_policies);
        for (Finding& finding : policy::evaluate_policy(
                 policy, {total.resources, total.estimate, today}, policy::RuleSelection::total))
            total.findings.push_back(std::move(finding));
        for (RuleSummary& rule : policy::describe_rules(policy))
            if (std::none_of(total.rules.begin(), total.rules.end(),
                             [&](const RuleSummary& known) { return known.id == rule.id; }))
                total.rules.push_back(std::move(rule));
        std::sort(total.rules.begin(), total.rules.end(),
                  [](const RuleSummary& a, const RuleSummary& b) { return a.id < b.id; });
    }
    return total;
}

} // namespace costgate::cli
