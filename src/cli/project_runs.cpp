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

} // namespace

Report run_invocation(const Invocation& invocation, bool with_policy, const util::Date& today) {
    std::vector<ProjectResult> results = run_all(invocation, with_policy, today);
    if (invocation.runs.size() == 1 && invocation.runs[0].name.empty())
        return std::move(results[0].report);

    std::vector<ProjectReport> projects;
    for (std::size_t i = 0; i < results.size(); ++i)
        projects.push_back({invocation.runs[i].name, std::move(results[i].report)});
    Report total = merge_project_reports(std::move(projects));
    if (with_policy) {
        const policy::Policy policy = policy::load_policy_files(invocation.total_policies);
        for (Finding& finding :
             policy::evaluate_policy(policy, {total.estimate, today}, policy::RuleSelection::total))
            total.findings.push_back(std::move(finding));
        for (RuleSummary& rule : policy::describe_rules(policy))
            add_rule_once(total.rules, std::move(rule));
        std::sort(total.rules.begin(), total.rules.end(),
                  [](const RuleSummary& a, const RuleSummary& b) { return a.id < b.id; });
    }
    return total;
}

} // namespace costgate::cli
