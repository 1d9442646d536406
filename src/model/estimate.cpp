#include "costgate/model/estimate.hpp"

#include "costgate/model/error.hpp"

#include <algorithm>
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

void StateCost::add_unpriced(std::string name, std::string reason, std::string price_key) {
    notes.push_back(reason);
    unpriced.push_back({std::move(name), std::move(reason), std::move(price_key)});
}

std::string unpriced_reasons(const ResourceEstimate& estimate) {
    std::vector<std::string> reasons;
    for (const UnpricedComponent& part : estimate.unpriced)
        if (std::find(reasons.begin(), reasons.end(), part.reason) == reasons.end())
            reasons.push_back(part.reason);
    std::string joined;
    for (const std::string& reason : reasons)
        joined += (joined.empty() ? "" : "; ") + reason;
    return joined;
}

void Unknowns::add(const Unknowns& other) {
    before = before || other.before;
    after = after || other.after;
    delta_up = delta_up || other.delta_up;
    delta_down = delta_down || other.delta_down;
}

void CostTotals::add(const ResourceEstimate& estimate) {
    ++resources;
    if (estimate.priced) {
        ++priced;
    } else {
        ++unpriced;
        partial += estimate.partial;
        unknowns.add(estimate.unknowns);
    }
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

PricesUsed prices_used(const Estimate& estimate) {
    PricesUsed used;
    for (const PricedResource& priced : estimate.resources)
        for (const CostComponent& component : priced.estimate.components) {
            const std::string& as_of = component.price_as_of;
            if (as_of.empty())
                continue;
            // Ties go to the smaller key, so the named row does not depend on input order.
            if (used.oldest.empty() || as_of < used.oldest ||
                (as_of == used.oldest && component.price_key < used.oldest_key)) {
                used.oldest = as_of;
                used.oldest_key = component.price_key;
            }
            if (as_of > used.newest)
                used.newest = as_of;
        }
    return used;
}

} // namespace costgate
