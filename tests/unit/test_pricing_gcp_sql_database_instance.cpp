#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::pricing;
using namespace costgate::testing;

namespace {

ResourceEstimate instance(const std::string& after, const std::string& usage = "") {
    Resource resource =
        terraform_resource("google_sql_database_instance.db", "google_sql_database_instance",
                           Action::create, "", after);
    resource.region = "us-central1";
    return usage.empty()
               ? estimate_one(resource)
               : estimate_one(resource,
                              Usage::parse("u.yaml", "version: 1\nresource_usage:\n"
                                                     "  google_sql_database_instance.db:\n" +
                                                         usage));
}

} // namespace

TEST_CASE("a Cloud SQL instance pays its vCPUs, memory and storage by availability",
          "[pricing][gcp]") {
    SECTION("a zonal custom tier") {
        // db-custom-2-7680: 2 vCPUs x 730 h x gcp/cloud_sql/vcpu-zonal/us-central1 0.0413 =
        // 60.298; 7680 MiB = 7.5 GB x 730 h x memory-zonal 0.007 = 38.325; 20 GB x
        // storage-ssd-zonal 0.17 = 3.40; 50 GB backups x backup 0.08 = 4.00; 106.023 -> 106.02.
        const ResourceEstimate estimate = instance(
            R"({"database_version": "POSTGRES_15",
                "settings": [{"tier": "db-custom-2-7680", "disk_size": 20}]})",
            "    backup_storage_gb: 50\n");
        REQUIRE(estimate.priced);
        REQUIRE(estimate.components.size() == 4);
        CHECK(estimate.components[0].monthly_quantity == 1460);
        CHECK(estimate.components[1].monthly_quantity == Approx(5475));
        CHECK(estimate.monthly_after->to_cents_string() == "106.02");
    }
    SECTION("a regional predefined tier") {
        // db-n1-standard-4: 4 vCPUs x 730 h x vcpu-regional 0.0826 = 241.192; 4 x 3.75 = 15 GB
        // x 730 h x memory-regional 0.014 = 153.30; 100 GB x storage-ssd-regional 0.34 =
        // 34.00; 428.492 -> 428.49 (backups are usage-based, not given).
        const ResourceEstimate estimate = instance(
            R"({"database_version": "MYSQL_8_0", "settings": [{"tier": "db-n1-standard-4",
                "availability_type": "REGIONAL", "disk_size": 100}]})");
        REQUIRE(estimate.priced);
        CHECK(estimate.components.at(0).price_key == "gcp/cloud_sql/vcpu-regional/us-central1");
        CHECK(estimate.monthly_after->to_cents_string() == "428.49");
    }
    SECTION("a shared-core tier by the hour") {
        // 730 h x gcp/cloud_sql/shared-core-db-f1-micro-zonal/us-central1 0.0105 = 7.665;
        // Cloud SQL's default 10 GB x storage-ssd-zonal 0.17 = 1.70; 9.365 -> 9.37.
        const ResourceEstimate estimate = instance(R"({"settings": [{"tier": "db-f1-micro"}]})");
        REQUIRE(estimate.priced);
        CHECK(estimate.monthly_after->to_cents_string() == "9.37");
        CHECK(has_note(estimate, "assumed Cloud SQL's default 10 GB"));
    }
    SECTION("a stopped instance pays its storage only") {
        // 20 GB x storage-ssd-zonal 0.17 = 3.40.
        const ResourceEstimate estimate = instance(
            R"({"settings": [{"tier": "db-custom-2-7680", "disk_size": 20,
                "activation_policy": "NEVER"}]})");
        REQUIRE(estimate.priced);
        CHECK(estimate.monthly_after->to_cents_string() == "3.40");
        CHECK(has_note(estimate, "activation_policy NEVER"));
    }
    SECTION("a tier outside the catalog is unpriced with its name, never $0") {
        const ResourceEstimate estimate =
            instance(R"({"settings": [{"tier": "db-perf-optimized-N-2", "disk_size": 20}]})");
        CHECK_FALSE(estimate.priced);
        CHECK(has_note(estimate, "tier db-perf-optimized-N-2"));
    }
}
