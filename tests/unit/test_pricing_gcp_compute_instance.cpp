#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::pricing;
using namespace costgate::testing;

namespace {

ResourceEstimate instance(const std::string& after) {
    Resource resource = terraform_resource("google_compute_instance.vm", "google_compute_instance",
                                           Action::create, "", after);
    resource.region = "us-central1";
    return estimate_one(resource);
}

} // namespace

TEST_CASE("a spot or preemptible VM is priced at its machine type's spot rate", "[pricing][gcp]") {
    for (const char* scheduling :
         {R"({"preemptible": true})", R"({"provisioning_model": "SPOT"})"}) {
        INFO(scheduling);
        const auto spot = instance(
            R"({"machine_type": "e2-standard-2", "scheduling": [)" + std::string(scheduling) +
            R"(], "boot_disk": [{"initialize_params": [{"size": 10, "type": "pd-balanced"}]}],
                                   "scratch_disk": [{"interface": "NVME"}]})");
        REQUIRE(spot.priced);
        REQUIRE(spot.components.size() == 3);
        // gcp/compute_engine_spot/e2-standard-2/us-central1: 730 hours x 0.040212 = 29.35.
        CHECK(spot.components[0].name == "Instance (spot, e2-standard-2)");
        CHECK(spot.components[0].price_key == "gcp/compute_engine_spot/e2-standard-2/us-central1");
        CHECK(spot.components[0].monthly_cost->to_cents_string() == "29.35");
        // The boot disk keeps its price: 10 GB x 0.1 (pd-balanced) = 1.00.
        CHECK(spot.components[1].price_key == "gcp/persistent_disk/pd-balanced/us-central1");
        // The local SSD has a spot price: 375 GB x 0.0428 = 16.05.
        CHECK(spot.components[2].price_key == "gcp/persistent_disk_spot/local-ssd/us-central1");
        CHECK(spot.monthly_after->to_cents_string() == "46.40");
    }
}

TEST_CASE("an on-demand VM is priced at its machine type's on-demand rate", "[pricing][gcp]") {
    const auto on_demand =
        instance(R"({"machine_type": "e2-standard-2", "scheduling": [{"preemptible": false}],
                                        "boot_disk": [{"initialize_params": [{"size": 10, "type": "pd-balanced"}]}]})");
    REQUIRE(on_demand.priced);
    // 730 hours x 0.06701142 = 48.92; 10 GB x 0.1 = 1.00.
    CHECK(on_demand.components.at(0).price_key == "gcp/compute_engine/e2-standard-2/us-central1");
    CHECK(on_demand.monthly_after->to_cents_string() == "49.92");
}

TEST_CASE("a spot custom type the catalog lacks is unpriced with its key", "[pricing][gcp]") {
    const auto custom =
        instance(R"({"machine_type": "n2-custom-2-4096", "scheduling": [{"preemptible": true}]})");
    CHECK_FALSE(custom.priced);
    CHECK(has_note(
        custom,
        "no price in the catalog for gcp/compute_engine_spot/n2-custom-2-4096/us-central1"));
}
