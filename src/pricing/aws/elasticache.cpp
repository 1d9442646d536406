#include "pricers.hpp"

namespace costgate::pricing::aws {

namespace {

std::optional<std::string> catalog_engine(const std::string& engine) {
    if (engine == "redis")
        return "Redis";
    if (engine == "valkey")
        return "Valkey";
    if (engine == "memcached")
        return "Memcached";
    return std::nullopt;
}

void add_nodes(StateCost& cost, const std::string& node_type, const std::string& engine,
               double nodes, const PricingContext& context) {
    const auto catalog_name = catalog_engine(engine);
    if (!catalog_name) {
        cost.add_unpriced("Cache nodes (" + engine + ", " + node_type + ")",
                          "no ElastiCache prices for engine \"" + engine + "\" in the catalog");
        return;
    }
    context.add(cost, "Cache nodes (" + *catalog_name + ", on-demand, " + node_type + ")",
                "node-hours", nodes * k_hours_per_month, "elasticache",
                node_type + "|" + *catalog_name);
}

} // namespace

StateCost price_elasticache_cluster(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    // A cluster that joins a replication group is billed through the group.
    if (attributes.string("replication_group_id")) {
        cost.notes.push_back("member of a replication group: priced there");
        return cost;
    }
    const auto node_type = attributes.string("node_type");
    const auto engine = attributes.string("engine");
    const auto nodes = attributes.number("num_cache_nodes");
    if (!node_type || !engine || !nodes) {
        mark_unknown(cost, !node_type ? "node_type" : !engine ? "engine" : "num_cache_nodes");
        return cost;
    }
    add_nodes(cost, *node_type, *engine, *nodes, context);
    return cost;
}

StateCost price_elasticache_replication_group(const Attributes& attributes,
                                              const PricingContext& context) {
    StateCost cost;
    const auto node_type = attributes.string("node_type");
    if (!node_type) {
        mark_unknown(cost, "node_type");
        return cost;
    }
    // Cluster mode: shards × (1 primary + replicas); otherwise num_cache_clusters nodes.
    std::optional<double> nodes;
    if (const auto shards = attributes.number("num_node_groups"); shards && *shards > 0)
        nodes = *shards * (1 + attributes.number("replicas_per_node_group").value_or(0));
    else
        nodes = attributes.number("num_cache_clusters");
    if (!nodes) {
        mark_unknown(cost, "num_cache_clusters");
        return cost;
    }
    add_nodes(cost, *node_type, attributes.string("engine").value_or("redis"), *nodes, context);
    return cost;
}

} // namespace costgate::pricing::aws
