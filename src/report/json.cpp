#include "json_writer.hpp"
#include "renderers.hpp"

#include <cmath>

namespace costgate::report {

namespace {

void money(JsonWriter& out, const std::optional<Money>& amount) {
    if (amount)
        out.number(amount->to_cents_double());
    else
        out.null();
}

// Whole quantities print as integers (730, not 730.0).
void quantity(JsonWriter& out, const std::optional<double>& value) {
    if (!value)
        out.null();
    else if (std::trunc(*value) == *value && std::fabs(*value) < 1e15)
        out.integer(static_cast<std::int64_t>(*value));
    else
        out.number(*value);
}

void string_or_null(JsonWriter& out, const std::optional<std::string>& text) {
    if (text)
        out.string(*text);
    else
        out.null();
}

void strings(JsonWriter& out, const std::vector<std::string>& texts) {
    out.begin_array();
    for (const std::string& text : texts)
        out.string(text);
    out.end_array();
}

void component_json(JsonWriter& out, const CostComponent& component) {
    out.begin_object();
    out.key("name").string(component.name);
    out.key("unit").string(component.unit);
    quantity(out.key("monthly_quantity"), component.monthly_quantity);
    out.key("unit_price").number(component.unit_price);
    money(out.key("monthly_cost"), component.monthly_cost);
    out.key("usage_based").boolean(component.usage_based);
    out.key("price_key").string(component.price_key);
    out.key("price_source").string(component.price_source);
    out.key("price_as_of").string(component.price_as_of);
    out.end_object();
}

void unpriced_json(JsonWriter& out, const UnpricedComponent& part) {
    out.begin_object();
    out.key("name").string(part.name);
    out.key("reason").string(part.reason);
    if (part.price_key.empty())
        out.key("price_key").null();
    else
        out.key("price_key").string(part.price_key);
    out.end_object();
}

// A cost per 1,000 units, exact to the millionth (`0.61725`), or null.
void exact_money(JsonWriter& out, const std::optional<Money>& amount) {
    if (amount)
        out.number(amount->to_double());
    else
        out.null();
}

// Only where the usage file gives a volume, so reports without one keep their shape.
void unit_cost_json(JsonWriter& out, const std::optional<UnitCost>& cost) {
    if (!cost)
        return;
    out.key("unit_cost").begin_object();
    out.key("unit").string(cost->volume.unit);
    out.key("monthly_units").integer(cost->volume.monthly_units);
    exact_money(out.key("per_thousand_before"), cost->before);
    exact_money(out.key("per_thousand_after"), cost->after);
    exact_money(out.key("per_thousand_delta"), cost->delta);
    out.key("before_at_least").boolean(cost->before_at_least);
    out.key("after_at_least").boolean(cost->after_at_least);
    out.end_object();
}

void resource_json(JsonWriter& out, const Resource& resource, const ResourceEstimate& estimate) {
    out.begin_object();
    out.key("address").string(resource.address);
    out.key("type").string(resource.type);
    out.key("source").string(to_string(resource.source));
    out.key("file").string(resource.file);
    out.key("action").string(to_string(resource.action));
    if (resource.region.empty())
        out.key("region").null();
    else
        out.key("region").string(resource.region);
    money(out.key("monthly_before"), estimate.monthly_before);
    money(out.key("monthly_after"), estimate.monthly_after);
    money(out.key("monthly_delta"), estimate.monthly_delta);
    out.key("priced").boolean(estimate.priced);
    out.key("free").boolean(estimate.free);
    // Only when true: reports without such resources keep their shape.
    if (estimate.outside_cloud_bill)
        out.key("outside_cloud_bill").boolean(true);
    // Only on resources that are not fully priced, which keeps priced ones as they were.
    if (!estimate.priced) {
        out.key("partial").boolean(estimate.partial);
        out.key("unpriced_components").begin_array();
        for (const UnpricedComponent& part : estimate.unpriced)
            unpriced_json(out, part);
        out.end_array();
    }
    out.key("tags").begin_object();
    for (const auto& [key, value] : resource.tags)
        out.key(key).string(value);
    out.end_object();
    strings(out.key("notes"), estimate.notes);
    out.key("components").begin_array();
    for (const CostComponent& component : estimate.components)
        component_json(out, component);
    out.end_array();
    if (estimate.monthly_after_max)
        out.key("monthly_after_max").number(estimate.monthly_after_max->to_cents_double());
    unit_cost_json(out, estimate.unit_cost);
    if (!resource.project.empty())
        out.key("project").string(resource.project);
    out.end_object();
}

void counts_json(JsonWriter& out, const FindingCounts& counts) {
    out.begin_object();
    out.key("fail").integer(counts.fail);
    out.key("warn").integer(counts.warn);
    out.key("info").integer(counts.info);
    out.end_object();
}

void totals_members(JsonWriter& out, const CostTotals& totals) {
    out.key("monthly_before").number(totals.monthly_before.to_cents_double());
    out.key("monthly_after").number(totals.monthly_after.to_cents_double());
    out.key("monthly_delta").number(totals.monthly_delta.to_cents_double());
    out.key("resources").integer(totals.resources);
    out.key("priced").integer(totals.priced);
    out.key("unpriced").integer(totals.unpriced);
}

// The totals followed by the finding counts and, with a project volume, the unit cost.
void summary_json(JsonWriter& out, const CostTotals& totals, const FindingCounts& counts,
                  const std::optional<UnitCost>& cost) {
    out.begin_object();
    totals_members(out, totals);
    out.key("partial").integer(totals.partial);
    out.key("complete").boolean(totals.complete());
    counts_json(out.key("findings"), counts);
    unit_cost_json(out, cost);
    out.end_object();
}

void breakdown_json(JsonWriter& out, const std::map<std::string, CostTotals>& groups) {
    out.begin_object();
    for (const auto& [name, totals] : groups) {
        out.key(name).begin_object();
        totals_members(out, totals);
        out.end_object();
    }
    out.end_object();
}

void finding_json(JsonWriter& out, const Finding& finding) {
    out.begin_object();
    out.key("rule").string(finding.rule);
    out.key("severity").string(to_string(finding.severity));
    string_or_null(out.key("resource"), finding.resource);
    out.key("message").string(finding.message);
    out.key("file").string(finding.file);
    out.key("line").integer(finding.line);
    string_or_null(out.key("exempted_by"), finding.exempted_by);
    if (!finding.project.empty())
        out.key("project").string(finding.project);
    out.end_object();
}

// Multi-project runs only: each project's inputs, totals and outcome.
void projects_json(JsonWriter& out, const std::vector<ProjectSummary>& projects) {
    out.begin_array();
    for (const ProjectSummary& project : projects) {
        out.begin_object();
        out.key("name").string(project.name);
        out.key("result").string(to_string(project.result));
        strings(out.key("inputs"), project.inputs);
        summary_json(out.key("summary"), project.totals, project.findings, project.unit_cost);
        out.end_object();
    }
    out.end_array();
}

} // namespace

void render_json(const Report& report, const RenderOptions&, std::ostream& sink) {
    const Estimate& estimate = report.estimate;
    JsonWriter out(sink);
    out.begin_object();
    out.key("schema_version").integer(1);
    out.key("tool").begin_object();
    out.key("name").string("costgate");
    out.key("version").string(report.tool_version);
    out.end_object();
    out.key("currency").string(report.currency);
    out.key("result").string(to_string(report.result()));
    out.key("catalog").begin_object();
    out.key("version").string(report.catalog_version);
    out.key("as_of").string(report.catalog_as_of);
    out.end_object();
    strings(out.key("inputs"), report.inputs);
    summary_json(out.key("summary"), estimate.totals, count_findings(report.findings),
                 estimate.unit_cost);
    out.key("resources").begin_array();
    for (const PricedResource& priced : estimate.resources)
        resource_json(out, priced.resource, priced.estimate);
    out.end_array();
    out.key("breakdown").begin_object();
    out.key("cost_centre_tag").string(estimate.cost_centre_tag);
    breakdown_json(out.key("by_cost_centre"), estimate.by_cost_centre);
    breakdown_json(out.key("by_namespace"), estimate.by_namespace);
    out.end_object();
    out.key("findings").begin_array();
    for (const Finding& finding : report.findings)
        finding_json(out, finding);
    out.end_array();
    if (!report.projects.empty())
        projects_json(out.key("projects"), report.projects);
    out.end_object();
    out.finish();
    sink << '\n';
}

} // namespace costgate::report
