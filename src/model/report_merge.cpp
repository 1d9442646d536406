#include "costgate/model/error.hpp"
#include "costgate/model/report.hpp"

#include <algorithm>

namespace costgate {

void add_rule_once(std::vector<RuleSummary>& rules, RuleSummary rule) {
    if (std::none_of(rules.begin(), rules.end(),
                     [&](const RuleSummary& known) { return known.id == rule.id; }))
        rules.push_back(std::move(rule));
}

Report merge_project_reports(std::vector<ProjectReport> projects) {
    Report total;
    if (projects.empty())
        return total;
    const Report& first = projects.front().report;
    total.tool_version = first.tool_version;
    total.currency = first.currency;
    total.catalog_version = first.catalog_version;
    total.catalog_as_of = first.catalog_as_of;
    total.estimate.cost_centre_tag = first.estimate.cost_centre_tag;
    total.policies_evaluated = first.policies_evaluated;
    for (ProjectReport& project : projects) {
        Report& report = project.report;
        if (report.currency != total.currency)
            throw UsageError("projects " + projects.front().name + " and " + project.name +
                             " price in different currencies (" + total.currency + ", " +
                             report.currency + "): use one currency across the config's catalogs");
        // The total of several projects has no volume of its own: each keeps its unit cost.
        total.projects.push_back({project.name, report.inputs, report.estimate.totals,
                                  report.estimate.unit_cost, count_findings(report.findings),
                                  report.result()});
        total.inputs.insert(total.inputs.end(), report.inputs.begin(), report.inputs.end());
        for (PricedResource& priced : report.estimate.resources) {
            priced.resource.project = project.name;
            total.estimate.add(std::move(priced));
        }
        for (Finding& finding : report.findings) {
            finding.project = project.name;
            total.findings.push_back(std::move(finding));
        }
        for (RuleSummary& rule : report.rules)
            add_rule_once(total.rules, std::move(rule));
    }
    return total;
}

} // namespace costgate
