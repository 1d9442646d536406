#pragma once

#include "costgate/model/money.hpp"
#include "costgate/model/resource.hpp"
#include "costgate/model/unit_cost.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace costgate {

/// One priced line of a resource: what is billed, how much of it per month, at what
/// unit price, and which catalog row that price came from.
struct CostComponent {
    std::string name;
    /// Billing unit of monthly_quantity: `hours`, `GB-months`, `IOPS-months`, ...
    std::string unit;
    /// Absent for a usage-based component whose usage was not given.
    std::optional<double> monthly_quantity;
    double unit_price = 0.0;
    /// Absent exactly when monthly_quantity is absent.
    std::optional<Money> monthly_cost;
    bool usage_based = false;
    /// Catalog key: `provider/service/product/region`.
    std::string price_key;
    std::string price_source;
    std::string price_as_of;
};

/// A part of a resource's bill that could not be priced, and why: a catalog row that is
/// missing, a value known only after apply, a feature the catalog has no price for.
struct UnpricedComponent {
    /// What is left out: the component that would have been billed (`Storage (gp3)`), or
    /// the attribute whose value is missing (`instance_type`).
    std::string name;
    /// Why, as a sentence; it is also one of the resource's notes.
    std::string reason;
    /// The catalog key that was looked up and is missing; empty for other reasons.
    std::string price_key;

    bool operator==(const UnpricedComponent&) const = default;
};

/// The cost of one state (before or after) of one resource.
struct StateCost {
    /// The priced components.
    std::vector<CostComponent> components;
    /// The parts that could not be priced; the state is fully priced when there are none.
    std::vector<UnpricedComponent> unpriced;
    std::vector<std::string> notes;
    /// When an autoscaler scales the workload: the monthly cost at its maximum (the
    /// components are at its minimum).
    std::optional<Money> monthly_max;

    /// True when no part of the state lacks a price.
    bool priced() const { return unpriced.empty(); }
    /// Records a part that could not be priced, with `reason` also as a note.
    void add_unpriced(std::string name, std::string reason, std::string price_key = {});
    /// Sum of the components with a known monthly cost.
    Money monthly() const;
};

/// Which monthly figures leave out unpriced parts, and so which way the whole may differ
/// from the figure. Unpriced parts after the change make monthly_after a lower bound and
/// may raise the delta; unpriced parts before it make monthly_before a lower bound and
/// may lower the delta. In an unchanged resource they are the same parts and cancel out
/// of the delta.
struct Unknowns {
    bool before = false;
    bool after = false;
    /// The true delta may be higher than the figure.
    bool delta_up = false;
    /// The true delta may be lower than the figure.
    bool delta_down = false;

    /// True when every figure is whole.
    bool none() const { return !before && !after && !delta_up && !delta_down; }
    /// Adds another resource's unknowns (a sum leaves out what any part leaves out).
    void add(const Unknowns& other);
};

/// The estimate for one resource: monthly before, after and delta.
struct ResourceEstimate {
    /// Every part of the resource is priced, before and after the change.
    bool priced = true;
    /// The resource type is known to cost nothing.
    bool free = false;
    /// The resource belongs to a provider whose objects never appear on a cloud bill
    /// (random, datadog, ...): it adds nothing to the cloud bill and is not unpriced.
    bool outside_cloud_bill = false;
    /// Not fully priced, but some components are: the monthly amounts are what those
    /// cost, and `unknowns` says which way the whole may differ.
    bool partial = false;
    /// The parts that could not be priced (empty exactly when `priced`).
    std::vector<UnpricedComponent> unpriced;
    /// Which monthly amounts leave out unpriced parts.
    Unknowns unknowns;
    /// Absent when no part of the resource is priced (never a silent zero); for a partly
    /// priced resource, the cost of its priced components.
    std::optional<Money> monthly_before;
    std::optional<Money> monthly_after;
    std::optional<Money> monthly_delta;
    /// When an HPA scales the workload: the monthly cost after the change at its maximum
    /// replicas (monthly_after is at its minimum).
    std::optional<Money> monthly_after_max;
    /// Components of the after state, or of the before state for deletes.
    std::vector<CostComponent> components;
    std::vector<std::string> notes;
    /// When the usage file gives the resource a business volume: its cost per 1,000 units.
    std::optional<UnitCost> unit_cost;
};

/// The reasons a resource's parts lack a price, each once, joined by `; ` (empty when it
/// is fully priced): what findings and reports say of a resource that is not.
std::string unpriced_reasons(const ResourceEstimate& estimate);

/// Monthly totals for a group of resources (the whole run, a cost centre, a namespace).
/// Partly priced resources add their priced components; unpriced parts add nothing, and
/// `unknowns` says which sums leave them out.
struct CostTotals {
    Money monthly_before;
    Money monthly_after;
    Money monthly_delta;
    int resources = 0;
    /// Fully priced (free ones included).
    int priced = 0;
    /// Not fully priced: partly priced ones included.
    int unpriced = 0;
    /// Of the unpriced, those whose priced components are in the sums.
    int partial = 0;
    Unknowns unknowns;

    /// Every resource is fully priced, so the sums are whole.
    bool complete() const { return unpriced == 0; }
    void add(const ResourceEstimate& estimate);
};

/// A resource with its estimate: what pricing hands on to policies and reports.
struct PricedResource {
    Resource resource;
    ResourceEstimate estimate;
};

/// The report's order of resources: by address, then source and file (so that the same
/// address from two inputs keeps a stable place).
bool report_order(const PricedResource& a, const PricedResource& b);

/// The estimate for a whole run.
struct Estimate {
    /// In report_order once the run is complete.
    std::vector<PricedResource> resources;
    CostTotals totals;
    /// The tag key the by_cost_centre breakdown groups on.
    std::string cost_centre_tag;
    /// Keyed by the cost-centre tag value; `(untagged)` for resources without it.
    std::map<std::string, CostTotals> by_cost_centre;
    /// Kubernetes objects only, keyed by namespace.
    std::map<std::string, CostTotals> by_namespace;
    /// When the usage file gives the project (the run) a business volume: the totals' cost
    /// per 1,000 units. Set once the totals are final; add() leaves it alone.
    std::optional<UnitCost> unit_cost;

    /// Appends `priced` and adds it to the totals, its cost centre and its namespace: the
    /// one place totals and breakdowns are formed (the estimator, --compare-to and the
    /// merge of projects all call it).
    void add(PricedResource priced);
};

/// The span of as-of dates of the prices an estimate used (its resources' components), and
/// the price key of the oldest; all empty when no price was used.
struct PricesUsed {
    std::string oldest;
    std::string newest;
    std::string oldest_key;
};

/// The as-of dates of the prices `estimate` used: what the reports' headers show and the
/// catalog-age check judges, rather than the catalog's newest date.
PricesUsed prices_used(const Estimate& estimate);

} // namespace costgate
