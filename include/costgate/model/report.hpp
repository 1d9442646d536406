#pragma once

#include "costgate/model/estimate.hpp"
#include "costgate/model/finding.hpp"
#include "costgate/model/resource.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace costgate {

/// Overall outcome. `fail` makes the exit code 1.
enum class Result { pass, warn, fail };

/// `pass`, `warn`, `fail`.
std::string_view to_string(Result result);

/// A policy rule as reports describe it (SARIF rule metadata, JUnit suites, help text).
struct RuleSummary {
    std::string id;
    std::string kind;
    std::string description;
    Severity severity = Severity::fail;
    /// Where the rule is declared; empty for costgate's built-in rules.
    std::string file;
    int line = 0;
};

/// Findings that are not exempted, by severity.
struct FindingCounts {
    int fail = 0;
    int warn = 0;
    int info = 0;
};

/// Counts the findings that are not exempted, by severity.
FindingCounts count_findings(const std::vector<Finding>& findings);

/// One project of a multi-project run: its inputs, totals and outcome.
struct ProjectSummary {
    std::string name;
    std::vector<std::string> inputs;
    CostTotals totals;
    /// The project's cost per 1,000 units, when its usage file gives it a volume.
    std::optional<UnitCost> unit_cost;
    FindingCounts findings;
    Result result = Result::pass;
};

/// What every renderer reads.
struct Report {
    std::string tool_version;
    std::string currency = "USD";
    std::string catalog_version;
    std::string catalog_as_of;
    /// The input files as given (`-` for stdin), sorted.
    std::vector<std::string> inputs;
    /// The priced resources (in report_order), totals and breakdowns.
    Estimate estimate;
    /// Sorted by rule, resource, message.
    std::vector<Finding> findings;
    /// Every rule evaluated, sorted by id, including built-in ones (such as
    /// `expired-exemption`) that findings may name.
    std::vector<RuleSummary> rules;
    /// The projects of a multi-project run, in config order; empty for single runs.
    /// Resources and findings name their project.
    std::vector<ProjectSummary> projects;
    /// Whether policies were evaluated (`check`) or not (`estimate`).
    bool policies_evaluated = false;

    /// fail if any unexempted fail finding, else warn if any unexempted warn, else pass.
    Result result() const;
    /// Exit code for this report: 1 on fail, else 0.
    int exit_code() const;
};

/// Appends `rule` to `rules` unless a rule of its id is there already.
void add_rule_once(std::vector<RuleSummary>& rules, RuleSummary rule);

/// One project's report in a multi-project run.
struct ProjectReport {
    std::string name;
    Report report;
};

/// Combines the reports of a multi-project run, in config order, into one: resources and
/// findings name their project, each project gets a summary, totals and breakdowns are
/// formed again from the resources, and each rule is described once. Throws UsageError
/// when two projects price in different currencies.
Report merge_project_reports(std::vector<ProjectReport> projects);

} // namespace costgate
