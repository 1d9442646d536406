#pragma once

#include "costgate/model/estimate.hpp"
#include "costgate/model/resource.hpp"
#include "costgate/pricing/catalog.hpp"
#include "costgate/pricing/usage.hpp"

#include <string>
#include <vector>

namespace costgate::pricing {

struct EstimateOptions {
    /// Tag key the by_cost_centre breakdown groups on.
    std::string cost_centre_tag = "cost-centre";
    /// Kubernetes cluster profile (catalog `k8s/<profile>/...`) that prices workloads.
    std::string cluster_profile = "default";
};

/// Prices the before and after state of each resource and totals them, keeping each
/// resource with its estimate in the given order. `replace` counts the full before and the
/// full after.
Estimate estimate_costs(std::vector<Resource> resources, const Catalog& catalog, const Usage& usage,
                        const EstimateOptions& options);

} // namespace costgate::pricing
