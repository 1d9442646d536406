#include "pricers.hpp"

namespace costgate::pricing::azure {

StateCost price_public_ip(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const std::string sku = attributes.string("sku").value_or("Standard");
    const std::string allocation = attributes.string("allocation_method").value_or("Static");
    if (sku != "Standard" || allocation != "Static") {
        cost.add_unpriced("Public IPv4 address (" + sku + ", " + allocation + ")",
                          "no price for " + sku + " " + allocation + " public IPs in the catalog");
        return cost;
    }
    context.add(cost, "Public IPv4 address (Standard, static)", "months", 1, "public_ip",
                "static_regional");
    return cost;
}

} // namespace costgate::pricing::azure
