#include "pricers.hpp"

namespace costgate::pricing::aws {

StateCost price_nat_gateway(const Attributes&, const PricingContext& context) {
    StateCost cost;
    context.add(cost, "NAT gateway", "months", 1, "vpc", "nat_gateway");
    context.add_usage(cost, "Data processed", "GB", context.usage("monthly_data_processed_gb"),
                      "vpc", "nat_gateway_data_processed");
    return cost;
}

StateCost price_eip(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    // Since February 2024 AWS bills every public IPv4 address, attached or idle; a BYOIP
    // address from the customer's own pool is not billed.
    if (attributes.string("public_ipv4_pool").value_or("amazon") != "amazon") {
        cost.notes.push_back("address from a customer-owned pool: no public IPv4 charge");
        return cost;
    }
    context.add(cost, "Public IPv4 address", "months", 1, "vpc", "eip_idle_or_public_ipv4");
    return cost;
}

StateCost price_load_balancer(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const std::string type = attributes.string("load_balancer_type").value_or("application");
    const auto capacity_units = context.usage("monthly_capacity_units");
    if (type == "application") {
        context.add(cost, "Application load balancer", "months", 1, "elb", "alb");
        context.add_usage(cost, "Load balancer capacity units", "LCU-months", capacity_units, "elb",
                          "alb_lcu");
    } else if (type == "network") {
        context.add(cost, "Network load balancer", "months", 1, "elb", "nlb");
        context.add_usage(cost, "Load balancer capacity units", "LCU-months", capacity_units, "elb",
                          "nlb_lcu");
    } else {
        cost.add_unpriced("Load balancer (" + type + ")",
                          "no price for " + type + " load balancers in the catalog");
    }
    return cost;
}

StateCost price_classic_load_balancer(const Attributes&, const PricingContext& context) {
    StateCost cost;
    context.add(cost, "Classic load balancer", "months", 1, "elb", "clb");
    context.add_usage(cost, "Data processed", "GB", context.usage("monthly_data_processed_gb"),
                      "elb", "clb_data_processed");
    return cost;
}

} // namespace costgate::pricing::aws
