#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::testing;

namespace {

ResourceEstimate estimate_in(const std::string& type, const std::string& after,
                             const std::string& region) {
    Resource resource = terraform_resource(type + ".a", type, Action::create, "", after);
    resource.region = region;
    return estimate_one(resource);
}

} // namespace

TEST_CASE("an ElastiCache cluster pays its nodes by engine and node type", "[pricing][aws]") {
    SECTION("Redis nodes") {
        // 2 nodes x 730 h x aws/elasticache/cache.t3.micro|Redis/us-east-1 0.017 = 24.82.
        const ResourceEstimate estimate = estimate_in(
            "aws_elasticache_cluster",
            R"({"engine": "redis", "node_type": "cache.t3.micro", "num_cache_nodes": 2})",
            "us-east-1");
        REQUIRE(estimate.priced);
        CHECK(estimate.components.at(0).price_key ==
              "aws/elasticache/cache.t3.micro|Redis/us-east-1");
        CHECK(estimate.components.at(0).monthly_quantity == 1460);
        CHECK(estimate.monthly_after->to_cents_string() == "24.82");
    }
    SECTION("Memcached nodes in another region") {
        // 3 nodes x 730 h x aws/elasticache/cache.m5.large|Memcached/eu-west-1 0.172 = 376.68.
        const ResourceEstimate estimate = estimate_in(
            "aws_elasticache_cluster",
            R"({"engine": "memcached", "node_type": "cache.m5.large", "num_cache_nodes": 3})",
            "eu-west-1");
        REQUIRE(estimate.priced);
        CHECK(estimate.monthly_after->to_cents_string() == "376.68");
    }
    SECTION("a member of a replication group is priced in the group, not twice") {
        const ResourceEstimate estimate = estimate_in(
            "aws_elasticache_cluster", R"({"replication_group_id": "rg"})", "us-east-1");
        CHECK(estimate.components.empty());
        CHECK(has_note(estimate, "member of a replication group: priced there"));
    }
    SECTION("an engine without prices is unpriced with its name, never $0") {
        const ResourceEstimate estimate = estimate_in(
            "aws_elasticache_cluster",
            R"({"engine": "nosuch", "node_type": "cache.t3.micro", "num_cache_nodes": 1})",
            "us-east-1");
        CHECK_FALSE(estimate.priced);
        CHECK(has_note(estimate, "no ElastiCache prices for engine \"nosuch\""));
    }
}

TEST_CASE("an ElastiCache replication group pays every node of every shard", "[pricing][aws]") {
    SECTION("cluster mode: shards x (1 primary + replicas)") {
        // 2 shards x (1 + 1) = 4 nodes x 730 h x aws/elasticache/cache.r6g.large|Valkey/us-east-1
        // 0.1648 = 481.216 -> 481.22.
        const ResourceEstimate estimate = estimate_in(
            "aws_elasticache_replication_group",
            R"({"engine": "valkey", "node_type": "cache.r6g.large", "num_node_groups": 2,
                "replicas_per_node_group": 1})",
            "us-east-1");
        REQUIRE(estimate.priced);
        CHECK(estimate.components.at(0).monthly_quantity == 2920);
        CHECK(estimate.monthly_after->to_cents_string() == "481.22");
    }
    SECTION("without cluster mode: num_cache_clusters nodes, Redis when no engine is named") {
        // 3 nodes x 730 h x aws/elasticache/cache.t3.micro|Redis/eu-west-1 0.018 = 39.42.
        const ResourceEstimate estimate =
            estimate_in("aws_elasticache_replication_group",
                        R"({"node_type": "cache.t3.micro", "num_cache_clusters": 3})", "eu-west-1");
        REQUIRE(estimate.priced);
        CHECK(estimate.components.at(0).price_key ==
              "aws/elasticache/cache.t3.micro|Redis/eu-west-1");
        CHECK(estimate.monthly_after->to_cents_string() == "39.42");
    }
}
