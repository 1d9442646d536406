#include "costgate/pricing/unit_volumes.hpp"

namespace costgate::pricing {

void add_unit_costs(Estimate& estimate, const UnitVolumes& volumes) {
    for (PricedResource& priced : estimate.resources)
        if (auto volume = volumes.of_resource(priced.resource.address)) {
            ResourceEstimate& amounts = priced.estimate;
            amounts.unit_cost = unit_cost(std::move(*volume), amounts.monthly_before,
                                          amounts.monthly_after, amounts.unknowns);
        }
    if (const auto& project = volumes.project()) {
        const CostTotals& totals = estimate.totals;
        estimate.unit_cost =
            unit_cost(*project, totals.monthly_before, totals.monthly_after, totals.unknowns);
    }
}

} // namespace costgate::pricing
