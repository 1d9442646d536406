#include "pricers.hpp"

namespace costgate::pricing::gcp {

namespace {

// Memorystore for Redis prices a GB of capacity by the band the instance's size falls in:
// M1 1-4 GB, M2 5-10 GB, M3 11-35 GB, M4 36-100 GB, M5 over 100 GB (Google's pricing page).
std::string capacity_band(double memory_size_gb) {
    if (memory_size_gb <= 4)
        return "M1";
    if (memory_size_gb <= 10)
        return "M2";
    if (memory_size_gb <= 35)
        return "M3";
    if (memory_size_gb <= 100)
        return "M4";
    return "M5";
}

} // namespace

StateCost price_redis_instance(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const auto memory = attributes.number("memory_size_gb");
    if (!memory) {
        mark_unknown(cost, "memory_size_gb");
        return cost;
    }
    // BASIC is the provider's default tier.
    const std::string tier = attributes.string("tier").value_or("BASIC");
    const std::string band = capacity_band(*memory);
    context.add(cost, "Redis capacity (" + tier + ", " + band + ")", "GB-hours",
                *memory * k_hours_per_month, "memorystore_redis", tier + "_" + band);
    return cost;
}

StateCost price_redis_cluster(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const auto shards = attributes.number("shard_count");
    if (!shards) {
        mark_unknown(cost, "shard_count");
        return cost;
    }
    // Each shard has a primary and replica_count replicas; REDIS_HIGHMEM_MEDIUM is the
    // provider's default node type.
    const double nodes = *shards * (1 + attributes.number("replica_count").value_or(0));
    const std::string node_type = attributes.string("node_type").value_or("REDIS_HIGHMEM_MEDIUM");
    context.add(cost, "Cluster nodes (" + node_type + ")", "node-hours", nodes * k_hours_per_month,
                "memorystore_redis_cluster", node_type);
    return cost;
}

} // namespace costgate::pricing::gcp
