#include "ebs_storage.hpp"
#include "launch_template.hpp"
#include "pricers.hpp"

namespace costgate::pricing::aws {

namespace {

// EKS managed node groups without a launch template get t3.medium nodes with 20 GB disks.
constexpr const char* k_default_node_type = "t3.medium";
constexpr double k_default_node_disk_gb = 20;

} // namespace

StateCost price_eks_cluster(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const auto support = attributes.blocks("upgrade_policy");
    const std::string support_type =
        support.empty() ? "STANDARD" : support.front().string("support_type").value_or("EXTENDED");
    context.add(cost, "EKS cluster (standard support)", "months", 1, "eks",
                "eks_cluster_standard_support");
    if (support_type == "EXTENDED")
        cost.notes.push_back(
            "a version past standard support costs the extended-support rate instead");
    return cost;
}

StateCost price_eks_node_group(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const bool spot = attributes.string("capacity_type").value_or("ON_DEMAND") == "SPOT";
    const auto scaling = attributes.blocks("scaling_config");
    const auto desired = scaling.empty() ? std::nullopt : scaling.front().number("desired_size");
    if (!desired) {
        mark_unknown(cost, "scaling_config.desired_size");
        return cost;
    }
    std::vector<std::string> types = attributes.strings("instance_types");
    const bool templated = !attributes.blocks("launch_template").empty();
    if (types.empty() && templated) {
        // EKS takes spot from the node group's capacity_type, not from the template.
        const auto launch = launch_spec(attributes, context);
        if (!launch || launch->instance_type.empty()) {
            cost.add_unpriced("Nodes (launch template)",
                              "the launch template (with its instance_type) is not in the plan");
            return cost;
        }
        types.push_back(launch->instance_type);
    }
    if (types.empty()) {
        types.emplace_back(k_default_node_type);
        cost.notes.emplace_back("no instance_types: EKS's default t3.medium assumed");
    }
    if (types.size() > 1)
        cost.notes.push_back("several instance_types: priced as " + types.front());
    context.add(cost,
                "Nodes (Linux/UNIX, " + std::string(spot ? "spot" : "on-demand") + ", " +
                    types.front() + ")",
                "hours", *desired * k_hours_per_month, "ec2", types.front());
    if (spot)
        cost.notes.emplace_back(k_spot_at_on_demand_note);
    const double disk = attributes.number("disk_size").value_or(k_default_node_disk_gb);
    add_ebs_components(cost, {"gp2", disk * *desired, std::nullopt, std::nullopt},
                       "Node disks: ", context);
    return cost;
}

} // namespace costgate::pricing::aws
