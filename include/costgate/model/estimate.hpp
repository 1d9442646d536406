#pragma once

#include "costgate/model/money.hpp"
#include "costgate/model/resource.hpp"

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

/// The cost of one state (before or after) of one resource.
struct StateCost {
    std::vector<CostComponent> components;
    /// False when any price-relevant value is unknown or missing from the catalog.
    bool priced = true;
    std::vector<std::string> notes;
    /// When an autoscaler scales the workload: the monthly cost at its maximum (the
    /// components are at its minimum).
    std::optional<Money> monthly_max;

    /// Sum of the components with a known monthly cost.
    Money monthly() const;
};

/// The estimate for one resource: monthly before, after and delta.
struct ResourceEstimate {
    bool priced = true;
    /// The resource type is known to cost nothing.
    bool free = false;
    /// Absent when the resource is unpriced (never a silent zero).
    std::optional<Money> monthly_before;
    std::optional<Money> monthly_after;
    std::optional<Money> monthly_delta;
    /// When an HPA scales the workload: the monthly cost after the change at its maximum
    /// replicas (monthly_after is at its minimum).
    std::optional<Money> monthly_after_max;
    /// Components of the after state, or of the before state for deletes.
    std::vector<CostComponent> components;
    std::vector<std::string> notes;
};

/// Monthly totals for a group of resources (the whole run, a cost centre, a namespace).
/// Unpriced resources are counted but add nothing to the sums.
struct CostTotals {
    Money monthly_before;
    Money monthly_after;
    Money monthly_delta;
    int resources = 0;
    int priced = 0;
    int unpriced = 0;

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

    /// Appends `priced` and adds it to the totals, its cost centre and its namespace: the
    /// one place totals and breakdowns are formed (the estimator, --compare-to and the
    /// merge of projects all call it).
    void add(PricedResource priced);
};

} // namespace costgate
