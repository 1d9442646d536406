#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::testing;

namespace {

ResourceEstimate cluster(const std::string& after) {
    Resource resource = terraform_resource("google_container_cluster.c", "google_container_cluster",
                                           Action::create, "", after);
    resource.region = "us-central1";
    return estimate_one(resource);
}

} // namespace

TEST_CASE("a GKE cluster pays its management fee and its default pool's nodes and disks",
          "[pricing][gcp]") {
    SECTION("a zonal cluster: its nodes in one zone") {
        // 1 x gcp/gke/cluster_management_fee/us-central1 73 = 73.00; 2 nodes x 730 h x
        // gcp/compute_engine/e2-standard-4/us-central1 0.13402284 = 195.6733464; 2 x 50 GB x
        // gcp/persistent_disk/pd-ssd/us-central1 0.17 = 17.00; 285.6733464 -> 285.67.
        const ResourceEstimate estimate = cluster(
            R"({"location": "us-central1-a", "initial_node_count": 2, "node_config": [{
                "machine_type": "e2-standard-4", "disk_size_gb": 50, "disk_type": "pd-ssd"}]})");
        REQUIRE(estimate.priced);
        REQUIRE(estimate.components.size() == 3);
        CHECK(estimate.components[0].price_key == "gcp/gke/cluster_management_fee/us-central1");
        CHECK(estimate.components[1].monthly_quantity == 1460);
        CHECK(estimate.components[2].monthly_quantity == 100);
        CHECK(estimate.monthly_after->to_cents_string() == "285.67");
        CHECK(has_note(estimate, "free tier credit"));
    }
    SECTION("a regional cluster: GKE's defaults in each of three zones") {
        // 73.00; 1 node per zone x 3 zones x 730 h x e2-medium 0.03350571 = 73.3775049;
        // 3 x 100 GB x pd-balanced 0.10 = 30.00; 176.3775049 -> 176.38.
        const ResourceEstimate estimate =
            cluster(R"({"location": "us-central1", "initial_node_count": 1})");
        REQUIRE(estimate.priced);
        CHECK(estimate.components.at(1).monthly_quantity == 2190);
        CHECK(estimate.monthly_after->to_cents_string() == "176.38");
    }
    SECTION("without its default pool only the fee") {
        const ResourceEstimate estimate = cluster(
            R"({"location": "us-central1", "initial_node_count": 1, "remove_default_node_pool": true})");
        REQUIRE(estimate.priced);
        CHECK(estimate.components.size() == 1);
        CHECK(estimate.monthly_after->to_cents_string() == "73.00");
    }
    SECTION("Autopilot: the Autopilot fee; pods are priced from their requests") {
        // 1 x gcp/gke/autopilot_cluster_fee/us-central1 73 = 73.00.
        const ResourceEstimate estimate =
            cluster(R"({"location": "us-central1", "enable_autopilot": true})");
        REQUIRE(estimate.priced);
        CHECK(estimate.components.at(0).price_key == "gcp/gke/autopilot_cluster_fee/us-central1");
        CHECK(estimate.monthly_after->to_cents_string() == "73.00");
        CHECK(has_note(estimate, "billed per pod request"));
    }
}
