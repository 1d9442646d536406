#include "pricers.hpp"

namespace costgate::pricing::aws {

StateCost price_eip(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    // Since February 2024 AWS bills every public IPv4 address, attached or idle, at one
    // rate (public_ipv4_in_use and public_ipv4_idle agree in every region of the catalog);
    // a BYOIP address from the customer's own pool is not billed.
    if (attributes.string("public_ipv4_pool").value_or("amazon") != "amazon") {
        cost.notes.push_back("address from a customer-owned pool: no public IPv4 charge");
        return cost;
    }
    context.add(cost, "Public IPv4 address", "months", 1, "vpc", "public_ipv4_in_use");
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

} // namespace costgate::pricing::aws
