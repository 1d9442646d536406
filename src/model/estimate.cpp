#include "costgate/model/estimate.hpp"

#include "costgate/model/error.hpp"

#include <stdexcept>
#include <tuple>

namespace costgate {

Money StateCost::monthly() const {
    Money total;
    for (const CostComponent& component : components)
        if (component.monthly_cost)
            total += *component.monthly_cost;
    return total;
}

void CostTotals::add(const ResourceEstimate& estimate) {
    ++resources;
    if (!estimate.priced) {
        ++unpriced;
        return;
    }
    ++priced;
    monthly_before += estimate.monthly_before.value_or(Money{});
    monthly_after += estimate.monthly_after.value_or(Money{});
    monthly_delta += estimate.monthly_delta.value_or(Money{});
}

bool report_order(const PricedResource& a, const PricedResource& b) {
    return std::tie(a.resource.address, a.resource.source, a.resource.file) <
           std::tie(b.resource.address, b.resource.source, b.resource.file);
}

void Estimate::add(PricedResource priced) {
    const Resource& resource = priced.resource;
    try {
        totals.add(priced.estimate);
        const auto centre = resource.tags.find(cost_centre_tag);
        by_cost_centre[centre == resource.tags.end() ? "(untagged)" : centre->second].add(
            priced.estimate);
        if (resource.source == Source::kubernetes)
            by_namespace[resource.k8s_namespace].add(priced.estimate);
    } catch (const std::overflow_error& error) {
        // The resource that tipped a sum over is the one a user can look at.
        throw InputError({resource.file, resource.line}, resource.address + ": " + error.what());
    }
    resources.push_back(std::move(priced));
}

} // namespace costgate
