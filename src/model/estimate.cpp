#include "costgate/model/estimate.hpp"

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

void CostTotals::add(const CostTotals& other) {
    monthly_before += other.monthly_before;
    monthly_after += other.monthly_after;
    monthly_delta += other.monthly_delta;
    resources += other.resources;
    priced += other.priced;
    unpriced += other.unpriced;
}

} // namespace costgate
