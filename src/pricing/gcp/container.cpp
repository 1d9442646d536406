#include "machine_type.hpp"
#include "pricers.hpp"

#include <regex>

namespace costgate::pricing::gcp {

namespace {

// GKE's defaults for node pools that do not say: e2-medium nodes with 100 GB pd-balanced
// boot disks, and three zones for a regional cluster.
constexpr const char* k_default_machine_type = "e2-medium";
constexpr double k_default_disk_gb = 100;
constexpr const char* k_default_disk_type = "pd-balanced";
constexpr double k_regional_zones = 3;

bool is_zone(const std::string& location) {
    // Zone names are short; std::regex recurses per character.
    if (location.size() > 64)
        return false;
    static const std::regex k_zone(R"(^[a-z]+-[a-z]+[0-9]+-[a-z]$)");
    return std::regex_match(location, k_zone);
}

// Nodes per zone times the zones a pool spans.
std::optional<double> node_count(const Attributes& pool, const std::string& location,
                                 StateCost& cost) {
    auto per_zone = pool.number("node_count");
    if (!per_zone) {
        per_zone = pool.number("initial_node_count");
        const auto autoscaling = pool.blocks("autoscaling");
        if (!per_zone && !autoscaling.empty())
            per_zone = autoscaling.front().number("min_node_count");
        if (!autoscaling.empty())
            cost.notes.emplace_back("autoscaling pool priced at its initial size");
    }
    if (!per_zone)
        return std::nullopt;
    const std::vector<std::string> node_locations = pool.strings("node_locations");
    double zones = 1;
    if (!node_locations.empty())
        zones = static_cast<double>(node_locations.size());
    else if (!is_zone(location))
        zones = k_regional_zones;
    return *per_zone * zones;
}

void add_pool(StateCost& cost, const Attributes& pool, const std::string& location,
              const PricingContext& context) {
    const auto nodes = node_count(pool, location, cost);
    if (!nodes) {
        mark_unknown(cost, "node_count");
        return;
    }
    const auto config = pool.blocks("node_config");
    const Attributes* node_config = config.empty() ? nullptr : &config.front();
    const std::string machine_type =
        node_config ? node_config->string("machine_type").value_or(k_default_machine_type)
                    : k_default_machine_type;
    if (node_config && (node_config->boolean("spot").value_or(false) ||
                        node_config->boolean("preemptible").value_or(false))) {
        cost.add_unpriced("Nodes (spot/preemptible, " + machine_type + ")",
                          "spot/preemptible nodes: only on-demand prices are in the catalog");
        return;
    }
    add_machines(cost, machine_type, *nodes, "Nodes", context);
    const double disk_gb = node_config
                               ? node_config->number("disk_size_gb").value_or(k_default_disk_gb)
                               : k_default_disk_gb;
    const std::string disk_type =
        node_config ? node_config->string("disk_type").value_or(k_default_disk_type)
                    : k_default_disk_type;
    add_disks(cost, disk_type, disk_gb, *nodes, "Node boot disks", context);
}

} // namespace

StateCost price_container_cluster(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const bool autopilot = attributes.boolean("enable_autopilot").value_or(false);
    context.add(cost, autopilot ? "Autopilot cluster management fee" : "Cluster management fee",
                "months", 1, "gke", autopilot ? "autopilot_cluster_fee" : "cluster_management_fee");
    cost.notes.emplace_back(
        "GKE's free tier credit ($74.40 a month per billing account) is not deducted");
    if (autopilot) {
        cost.notes.emplace_back(
            "Autopilot workloads are billed per pod request (see the Kubernetes input)");
        return cost;
    }
    if (attributes.boolean("remove_default_node_pool").value_or(false))
        return cost;
    const std::string location = attributes.string("location").value_or("");
    add_pool(cost, attributes, location, context);
    return cost;
}

StateCost price_container_node_pool(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    add_pool(cost, attributes, attributes.string("location").value_or(""), context);
    return cost;
}

} // namespace costgate::pricing::gcp
