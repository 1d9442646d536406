#include "renderers.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace costgate {

namespace {

using Json = nlohmann::ordered_json;

Json money(const std::optional<Money>& amount) {
    return amount ? Json(amount->to_cents_double()) : Json(nullptr);
}

// Whole quantities print as integers (730, not 730.0).
Json quantity(const std::optional<double>& value) {
    if (!value)
        return nullptr;
    if (std::trunc(*value) == *value && std::fabs(*value) < 1e15)
        return static_cast<std::int64_t>(*value);
    return *value;
}

Json component_json(const CostComponent& component) {
    return Json{{"name", component.name},
                {"unit", component.unit},
                {"monthly_quantity", quantity(component.monthly_quantity)},
                {"unit_price", component.unit_price},
                {"monthly_cost", money(component.monthly_cost)},
                {"usage_based", component.usage_based},
                {"price_key", component.price_key},
                {"price_source", component.price_source},
                {"price_as_of", component.price_as_of}};
}

Json resource_json(const Resource& resource, const ResourceEstimate& estimate) {
    Json components = Json::array();
    for (const CostComponent& component : estimate.components)
        components.push_back(component_json(component));
    Json tags = Json::object();
    for (const auto& [key, value] : resource.tags)
        tags[key] = value;
    return Json{{"address", resource.address},
                {"type", resource.type},
                {"source", to_string(resource.source)},
                {"file", resource.file},
                {"action", to_string(resource.action)},
                {"region", resource.region.empty() ? Json(nullptr) : Json(resource.region)},
                {"monthly_before", money(estimate.monthly_before)},
                {"monthly_after", money(estimate.monthly_after)},
                {"monthly_delta", money(estimate.monthly_delta)},
                {"priced", estimate.priced},
                {"free", estimate.free},
                {"tags", tags},
                {"notes", estimate.notes},
                {"components", components}};
}

Json totals_json(const CostTotals& totals) {
    return Json{{"monthly_before", totals.monthly_before.to_cents_double()},
                {"monthly_after", totals.monthly_after.to_cents_double()},
                {"monthly_delta", totals.monthly_delta.to_cents_double()},
                {"resources", totals.resources},
                {"priced", totals.priced},
                {"unpriced", totals.unpriced}};
}

Json breakdown_json(const std::map<std::string, CostTotals>& groups) {
    Json result = Json::object();
    for (const auto& [name, totals] : groups)
        result[name] = totals_json(totals);
    return result;
}

Json finding_json(const Finding& finding) {
    return Json{{"rule", finding.rule},
                {"severity", to_string(finding.severity)},
                {"resource", finding.resource ? Json(*finding.resource) : Json(nullptr)},
                {"message", finding.message},
                {"file", finding.file},
                {"line", finding.line},
                {"exempted_by", finding.exempted_by ? Json(*finding.exempted_by) : Json(nullptr)}};
}

// Multi-project runs only: each project's inputs, totals and outcome.
Json projects_json(const std::vector<ProjectSummary>& projects) {
    Json result = Json::array();
    for (const ProjectSummary& project : projects) {
        Json summary = totals_json(project.totals);
        summary["findings"] = {{"fail", project.fail}, {"warn", project.warn}, {"info", project.info}};
        result.push_back({{"name", project.name},
                          {"result", to_string(project.result)},
                          {"inputs", project.inputs},
                          {"summary", summary}});
    }
    return result;
}

} // namespace

std::string render_json(const Report& report, const RenderOptions&) {
    const Estimate& estimate = report.estimate;
    Json counts{{"fail", 0}, {"warn", 0}, {"info", 0}};
    Json findings = Json::array();
    for (const Finding& finding : report.findings) {
        if (!finding.exempted_by) {
            Json& count = counts[std::string(to_string(finding.severity))];
            count = count.get<int>() + 1;
        }
        findings.push_back(finding_json(finding));
        if (!finding.project.empty())
            findings.back()["project"] = finding.project;
    }
    Json resources = Json::array();
    for (std::size_t i = 0; i < report.resources.size(); ++i) {
        resources.push_back(resource_json(report.resources[i], estimate.resources[i]));
        if (estimate.resources[i].monthly_after_max)
            resources.back()["monthly_after_max"] = estimate.resources[i].monthly_after_max->to_cents_double();
        if (!report.resources[i].project.empty())
            resources.back()["project"] = report.resources[i].project;
    }

    Json summary = totals_json(estimate.totals);
    summary["findings"] = counts;
    Json document{
        {"schema_version", 1},
        {"tool", {{"name", "costgate"}, {"version", report.tool_version}}},
        {"currency", report.currency},
        {"result", to_string(report.result())},
        {"catalog", {{"version", report.catalog_version}, {"as_of", report.catalog_as_of}}},
        {"inputs", report.inputs},
        {"summary", summary},
        {"resources", resources},
        {"breakdown",
         {{"cost_centre_tag", estimate.cost_centre_tag},
          {"by_cost_centre", breakdown_json(estimate.by_cost_centre)},
          {"by_namespace", breakdown_json(estimate.by_namespace)}}},
        {"findings", findings}};
    if (!report.projects.empty())
        document["projects"] = projects_json(report.projects);
    return document.dump(2) + "\n";
}

} // namespace costgate
