#include "launch_template.hpp"
#include "pricers.hpp"

namespace costgate::pricing::aws {

StateCost price_autoscaling_group(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    if (!attributes.blocks("mixed_instances_policy").empty()) {
        cost.add_unpriced("Instances (mixed instances policy)",
                          "mixed instances policies are not priced yet");
        return cost;
    }
    auto count = attributes.number("desired_capacity");
    if (!count) {
        count = attributes.number("min_size");
        if (count)
            cost.notes.push_back("no desired_capacity: priced at min_size");
    }
    if (!count) {
        mark_unknown(cost, "desired_capacity");
        return cost;
    }
    const auto launch = launch_spec(attributes, context);
    if (!launch || launch->instance_type.empty()) {
        cost.add_unpriced(
            "Instances (launch template)",
            "the launch template or configuration (with its instance_type) is not in the plan");
        return cost;
    }
    context.add(cost,
                "Instances (Linux/UNIX, " + std::string(launch->spot ? "spot" : "on-demand") +
                    ", " + launch->instance_type + ")",
                "hours", *count * k_hours_per_month, "ec2", launch->instance_type);
    if (launch->spot)
        cost.notes.emplace_back(k_spot_at_on_demand_note);
    cost.notes.push_back("the instances' volumes from the launch template are not priced yet");
    return cost;
}

} // namespace costgate::pricing::aws
