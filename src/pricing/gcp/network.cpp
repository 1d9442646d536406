#include "pricers.hpp"

namespace costgate::pricing::gcp {

StateCost price_router_nat(const Attributes&, const PricingContext& context) {
    StateCost cost;
    context.add(cost, "NAT gateway", "hours", k_hours_per_month, "cloud_nat", "nat_gateway");
    context.add_usage(cost, "Data processed", "GB", context.usage("monthly_data_processed_gb"),
                      "cloud_nat", "nat_data_processed");
    return cost;
}

StateCost price_compute_address(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    if (attributes.string("address_type").value_or("EXTERNAL") != "EXTERNAL") {
        cost.notes.emplace_back("internal address: no charge");
        return cost;
    }
    // A static address costs less while a VM uses it than while it is only reserved;
    // the plan cannot tell which, so it is priced as in use and the other rate noted.
    context.add(cost, "Static external IPv4 address (in use)", "hours", k_hours_per_month,
                "external_ip", "ip_vm");
    cost.notes.emplace_back("a reserved address no VM uses costs the higher ip_unused rate");
    return cost;
}

} // namespace costgate::pricing::gcp
