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

TEST_CASE("a Memorystore for Redis instance is priced per GB at its tier's capacity band rate",
          "[pricing][gcp]") {
    const ResourceEstimate standard = estimate_first({created(
        "google_redis_instance.cache", R"({"tier": "STANDARD_HA", "memory_size_gb": 16})")});
    REQUIRE(standard.priced);
    // 16 GB falls in M3 (11-35 GB): gcp/memorystore_redis/STANDARD_HA_M3/us-central1 is
    // 33.58 per GB-month / 730 = 0.046 per GB-hour; 16 GB x 730 hours x 0.046 = 537.28.
    CHECK(standard.components.at(0).price_key ==
          "gcp/memorystore_redis/STANDARD_HA_M3/us-central1");
    CHECK(standard.monthly_after->to_cents_string() == "537.28");

    // No tier is BASIC; 101 GB is M5: 101 x 730 x (11.68 / 730 = 0.016) = 1179.68.
    const ResourceEstimate basic =
        estimate_first({created("google_redis_instance.big", R"({"memory_size_gb": 101})")});
    CHECK(basic.components.at(0).price_key == "gcp/memorystore_redis/BASIC_M5/us-central1");
    CHECK(basic.monthly_after->to_cents_string() == "1179.68");

    // Bands end at 4, 10, 35 and 100 GB: 4 GB is M1 (0.049), 10 GB M2 (19.71 / 730 = 0.027).
    CHECK(estimate_first({created("google_redis_instance.a", R"({"memory_size_gb": 4})")})
              .monthly_after->to_cents_string() == "143.08"); // 4 x 730 x 0.049
    CHECK(estimate_first({created("google_redis_instance.b", R"({"memory_size_gb": 10})")})
              .monthly_after->to_cents_string() == "197.10"); // 10 x 730 x 0.027

    SECTION("elsewhere it is unpriced with the missing key named") {
        const ResourceEstimate elsewhere = estimate_first(
            {created("google_redis_instance.eu", R"({"memory_size_gb": 4})", "europe-west2")});
        CHECK_FALSE(elsewhere.priced);
        CHECK(has_note(elsewhere,
                       "no price in the catalog for gcp/memorystore_redis/BASIC_M1/europe-west2"));
    }
}

TEST_CASE("a Compute Engine snapshot is priced at the snapshot rate of its source disk's size",
          "[pricing][gcp]") {
    const ResourceEstimate estimate =
        estimate_first({referring(created("google_compute_snapshot.data", R"({})", "europe-west2",
                                          R"({"disk_size_gb": true, "source_disk": true})"),
                                  "source_disk", {"google_compute_disk.data"}),
                        created("google_compute_disk.data",
                                R"({"size": 100, "type": "pd-balanced"})", "europe-west2")});
    REQUIRE(estimate.priced);
    // gcp/persistent_disk/pd-snapshot/europe-west2: 100 GB-months x 0.057 = 5.70.
    CHECK(estimate.monthly_after->to_cents_string() == "5.70");
}

TEST_CASE("Google usage-priced types take their quantities from the usage file", "[pricing][gcp]") {
    const pricing::Usage usage = pricing::Usage::parse("u.yaml", R"(version: 1
resource_usage:
  google_cloud_run_v2_service.api:
    monthly_requests: 10000000
    monthly_vcpu_seconds: 500000
    monthly_memory_gib_seconds: 250000
  google_cloud_run_v2_service.worker:
    monthly_vcpu_seconds: 1000000
    monthly_memory_gib_seconds: 1000000
  google_cloudfunctions_function.hook:
    monthly_invocations: 3000000
    monthly_gb_seconds: 80000
    monthly_ghz_seconds: 120000
    monthly_outbound_data_gb: 10
  google_logging_project_bucket_config.audit:
    monthly_logging_data_gb: 200
  google_dns_record_set.www:
    monthly_queries: 5000000
  google_compute_region_target_http_proxy.internal:
    monthly_data_processed_gb: 500
  google_bigquery_table.events:
    storage_gb: 500
    long_term_storage_gb: 2000
  google_compute_image.golden:
    storage_gb: 20
  google_monitoring_metric_descriptor.depth:
    monthly_monitoring_data_mib: 300
)");
    const auto cost = [&usage](const std::string& address, const std::string& after,
                               const std::string& region) {
        const ResourceEstimate estimate = estimate_first({created(address, after, region)}, usage);
        INFO(address);
        REQUIRE(estimate.priced);
        return estimate.monthly_after->to_cents_string();
    };
    // CPU throttled (the default): 500,000 x 0.0000336 + 250,000 x 0.0000035 + 10M x 4e-7 =
    // 16.80 + 0.875 + 4.00 = 21.675 (europe-west3, tier 2).
    CHECK(cost("google_cloud_run_v2_service.api", R"({})", "europe-west3") == "21.68");
    // CPU always allocated: 1,000,000 x 0.0000216 + 1,000,000 x 0.0000024 = 24.00.
    CHECK(cost("google_cloud_run_v2_service.worker",
               R"({"template": [{"containers": [{"resources": [{"cpu_idle": false}]}]}]})",
               "europe-west3") == "24.00");
    // 3M x 4e-7 + 80,000 x 2.5e-6 + 120,000 x 1e-5 + 10 x 0.12 = 1.2 + 0.2 + 1.2 + 1.2 = 3.80.
    CHECK(cost("google_cloudfunctions_function.hook", R"({})", "us-central1") == "3.80");
    // Logging is priced wherever the bucket is: 200 GB x 0.5 (global) = 100.00.
    CHECK(cost("google_logging_project_bucket_config.audit", R"({})", "europe-west2") == "100.00");
    // 5M queries = 5 x 1M x 0.4 (global) = 2.00.
    CHECK(cost("google_dns_record_set.www", R"({})", "europe-west2") == "2.00");
    // 730 hours x 0.025 + 500 GB x 0.008 = 18.25 + 4.00 = 22.25.
    CHECK(cost("google_compute_region_target_http_proxy.internal", R"({})", "us-central1") ==
          "22.25");
    // 500 GB x 0.023 + 2,000 GB x 0.016 = 11.50 + 32.00 = 43.50.
    CHECK(cost("google_bigquery_table.events", R"({})", "us-central1") == "43.50");
    // 20 GB-months x 0.05 = 1.00.
    CHECK(cost("google_compute_image.golden", R"({})", "us-central1") == "1.00");
    // 300 MiB x 0.258 (first tier, europe-west2) = 77.40.
    CHECK(cost("google_monitoring_metric_descriptor.depth", R"({})", "europe-west2") == "77.40");
}

TEST_CASE("a Memorystore Redis cluster is recognised and unpriced with its node key named",
          "[pricing][gcp]") {
    const ResourceEstimate cluster = estimate_first({created(
        "google_redis_cluster.sessions",
        R"({"shard_count": 3, "replica_count": 1, "node_type": "REDIS_STANDARD_SMALL"})")});
    CHECK_FALSE(cluster.priced);
    CHECK(cluster.unpriced.at(0).name == "Cluster nodes (REDIS_STANDARD_SMALL)");
    CHECK(has_note(cluster, "no price in the catalog for "
                            "gcp/memorystore_redis_cluster/REDIS_STANDARD_SMALL/us-central1"));
}
