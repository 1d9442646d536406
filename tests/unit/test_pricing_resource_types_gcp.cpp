// Google Cloud resource types priced from issue #17 on: each expected figure is worked by
// hand from the embedded catalog's rows (quantity x unit price, in the comment).
#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::testing;

namespace {

/// The estimate of `resources.front()`, estimated with the rest of `resources` in the run.
ResourceEstimate estimate_first(const std::vector<Resource>& resources,
                                const pricing::Usage& usage = pricing::Usage()) {
    static const pricing::Catalog catalog = pricing::Catalog::embedded();
    return pricing::estimate_costs(resources, catalog, usage, {}).resources.at(0).estimate;
}

/// A resource created in `region` with the given after state.
Resource created(const std::string& address, const std::string& after,
                 const std::string& region = "us-central1",
                 const std::string& after_unknown = "{}") {
    Resource resource = terraform_resource(address, address.substr(0, address.find('.')),
                                           Action::create, "", after, after_unknown);
    resource.region = region;
    return resource;
}

Resource referring(Resource resource, const std::string& attribute,
                   std::vector<std::string> addresses) {
    resource.references[attribute] = std::move(addresses);
    return resource;
}

const std::string k_template = R"({"machine_type": "e2-standard-2",
    "disk": [{"boot": true, "disk_type": "pd-balanced", "disk_size_gb": 20},
             {"type": "SCRATCH", "disk_type": "local-ssd", "disk_size_gb": 375}]})";

} // namespace

TEST_CASE("a managed instance group runs target_size instances of the template it refers to",
          "[pricing][gcp]") {
    const Resource group = created("google_compute_instance_group_manager.web",
                                   R"({"target_size": 3, "zone": "us-central1-a",
                    "version": [{"name": "primary"}]})",
                                   "us-central1", R"({"version": [{"instance_template": true}]})");
    const Resource instance_template =
        created("google_compute_instance_template.web", k_template, "");

    const ResourceEstimate linked = estimate_first(
        {referring(group, "version", {"google_compute_instance_template.web"}), instance_template});
    REQUIRE(linked.priced);
    REQUIRE(linked.components.size() == 3);
    // gcp/compute_engine/e2-standard-2/us-central1: 3 x 730 hours x 0.06701142 = 146.755.
    CHECK(linked.components[0].name == "Instances (on-demand, e2-standard-2)");
    CHECK(linked.components[0].monthly_cost->to_cents_string() == "146.76");
    // gcp/persistent_disk/pd-balanced/us-central1: 3 x 20 GB x 0.1 = 6.00.
    CHECK(linked.components[1].name == "disk[0] (pd-balanced)");
    CHECK(linked.components[1].monthly_cost->to_cents_string() == "6.00");
    // gcp/persistent_disk/local-ssd/us-central1: 3 x 375 GB x 0.08 = 90.00.
    CHECK(linked.components[2].price_key == "gcp/persistent_disk/local-ssd/us-central1");
    CHECK(linked.components[2].monthly_cost->to_cents_string() == "90.00");
    CHECK(linked.monthly_after->to_cents_string() == "242.76");

    SECTION("without the reference it stays unpriced, naming the template") {
        const ResourceEstimate alone = estimate_first({group, instance_template});
        CHECK_FALSE(alone.priced);
        CHECK(alone.unpriced.at(0).reason.find("instance template") != std::string::npos);
    }
}

TEST_CASE("a regional managed instance group finds an existing template by its self link and "
          "prices spot templates at the spot rate",
          "[pricing][gcp]") {
    const std::string self_link =
        "https://www.googleapis.com/compute/v1/projects/p/global/instanceTemplates/batch";
    const ResourceEstimate estimate =
        estimate_first({created("google_compute_region_instance_group_manager.batch",
                                R"({"target_size": 2, "region": "us-central1",
                     "version": [{"instance_template": ")" +
                                    self_link + R"("}]})"),
                        created("google_compute_instance_template.batch",
                                R"({"machine_type": "e2-standard-2", "self_link": ")" + self_link +
                                    R"(", "scheduling": [{"provisioning_model": "SPOT"}],
                     "disk": [{"boot": true, "disk_type": "pd-balanced", "disk_size_gb": 10}]})",
                                "")});
    REQUIRE(estimate.priced);
    // gcp/compute_engine_spot/e2-standard-2/us-central1: 2 x 730 x 0.040212 = 58.71.
    CHECK(estimate.components.at(0).name == "Instances (spot, e2-standard-2)");
    CHECK(estimate.components.at(0).monthly_cost->to_cents_string() == "58.71");
    // The boot disks keep the on-demand price: 2 x 10 GB x 0.1 = 2.00.
    CHECK(estimate.monthly_after->to_cents_string() == "60.71");
}

TEST_CASE("an autoscaled managed instance group is priced at its autoscaler's min_replicas",
          "[pricing][gcp]") {
    const Resource group = created(
        "google_compute_instance_group_manager.web", R"({"version": [{"name": "primary"}]})",
        "us-central1", R"({"target_size": true, "version": [{"instance_template": true}]})");
    const Resource instance_template =
        created("google_compute_instance_template.web", k_template, "");
    const Resource autoscaler =
        created("google_compute_autoscaler.web",
                R"({"autoscaling_policy": [{"min_replicas": 2, "max_replicas": 10}]})",
                "us-central1", R"({"target": true})");
    const Resource linked_group =
        referring(group, "version", {"google_compute_instance_template.web"});

    const ResourceEstimate scaled = estimate_first(
        {linked_group, instance_template,
         referring(autoscaler, "target", {"google_compute_instance_group_manager.web"})});
    REQUIRE(scaled.priced);
    // 2 x (730 x 0.06701142 + 20 GB x 0.1 + 375 GB x 0.08) = 2 x 80.918 = 161.84.
    CHECK(scaled.monthly_after->to_cents_string() == "161.84");
    CHECK(has_note(scaled, "priced at its autoscaler's min_replicas (2)"));
    CHECK(has_note(scaled, "max_replicas (10)"));

    SECTION("without target_size or an autoscaler it is unpriced, never $0") {
        const ResourceEstimate unknown = estimate_first({linked_group, instance_template});
        CHECK_FALSE(unknown.priced);
        CHECK(unknown.unpriced.at(0).reason.find("target_size is not set") != std::string::npos);
    }
}
