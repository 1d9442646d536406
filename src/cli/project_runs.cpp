#include "project_runs.hpp"

#include "costgate/model/error.hpp"
#include "costgate/policy/evaluator.hpp"
#include "run_log.hpp"
#include "run_options.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <set>
#include <spdlog/spdlog.h>
#include <thread>

namespace costgate::cli {

namespace {

// " (project NAME, costgate.yml:LINE:COLUMN)" for an error in a project of costgate.yml, so
// the message says which project and where its inputs are configured.
std::string in_project(const ProjectRun& run) {
    if (run.name.empty())
        return "";
    return " (project " + run.name + (run.origin.empty() ? "" : ", " + run.origin) + ")";
}

policy::Policy load_policies(const std::vector<std::string>& paths, const std::string& project) {
    if (paths.empty())
        return policy::load_policy_files(paths);
    const run_log::StageTimer timer(run_log::prefix(project), "load policies");
    policy::Policy policy = policy::load_policy_files(paths);
    std::string files;
    for (const std::string& path : paths)
        files += (files.empty() ? "" : ", ") + path;
    spdlog::debug("{}policies {}: {} rules, {} exemptions", run_log::prefix(project), files,
                  policy.rules.size(), policy.exemptions.size());
    return policy;
}

// Each project reports an expired exemption of a shared policy: where it covered a finding
// (warn), only there; where it covered none anywhere (info), once for the whole run.
void merge_expired_exemptions(std::vector<Finding>& findings) {
    const auto expired = [](const Finding& f, Severity severity) {
        return f.rule == "expired-exemption" && f.severity == severity;
    };
    std::set<std::pair<std::string, int>> warned;
    for (const Finding& finding : findings)
        if (expired(finding, Severity::warn))
            warned.emplace(finding.file, finding.line);
    std::set<std::pair<std::string, int>> informed;
    std::vector<Finding> kept;
    for (Finding& finding : findings) {
        if (expired(finding, Severity::info)) {
            const std::pair<std::string, int> where{finding.file, finding.line};
            if (warned.count(where) || !informed.insert(where).second)
                continue;
            finding.project.clear();
        }
        kept.push_back(std::move(finding));
    }
    findings = std::move(kept);
}

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
            const ProjectRun& run = invocation.runs[i];
            try {
                const RunOptions& options = run.options;
                const policy::Policy policy = load_policies(options.policies, run.name);
                results[i].report =
                    build_report(options, with_policy ? &policy : nullptr, today,
                                 invocation.runs.size() > 1 ? policy::RuleSelection::per_project
                                                            : policy::RuleSelection::all);
            } catch (const InputError& error) {
                results[i].error = std::make_exception_ptr(
                    InputError(SourceLocation(), error.what() + in_project(run)));
            } catch (const UsageError& error) {
                results[i].error =
                    std::make_exception_ptr(UsageError(error.what() + in_project(run)));
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
    merge_expired_exemptions(total.findings);
    if (with_policy) {
        const policy::Policy policy = load_policies(invocation.total_policies, "total");
        for (Finding& finding : policy::evaluate_policy(
                 policy, {total.estimate, today, total.currency}, policy::RuleSelection::total))
            total.findings.push_back(std::move(finding));
        for (RuleSummary& rule : policy::describe_rules(policy))
            add_rule_once(total.rules, std::move(rule));
        std::sort(total.rules.begin(), total.rules.end(),
                  [](const RuleSummary& a, const RuleSummary& b) { return a.id < b.id; });
    }
    return total;
}

} // namespace costgate::cli
