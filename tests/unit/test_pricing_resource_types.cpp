#include "costgate/model/error.hpp"
#include "costgate/pricing/resource_type.hpp"
#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::pricing;
using namespace costgate::testing;

namespace {

ResourceEstimate estimate_after(const std::string& type, const std::string& after,
                                const std::string& region = "us-east-1",
                                const std::string& usage = "") {
    Resource resource = terraform_resource(type + ".a", type, Action::create, "", after);
    resource.region = region;
    return usage.empty()
               ? estimate_one(resource)
               : estimate_one(resource, Usage::parse("u.yaml", "version: 1\nresource_usage:\n  " +
                                                                   type + ".a:\n" + usage));
}

} // namespace

TEST_CASE("the embedded descriptions say in one place what the code knows of a type",
          "[pricing][types]") {
    const ResourceType* instance = find_resource_type("aws_instance");
    REQUIRE(instance != nullptr);
    CHECK(instance->pricer != nullptr);
    CHECK(instance->size_attribute == "instance_type");
    CHECK(instance->services == std::vector<std::string>{"ec2", "ebs"});

    const ResourceType* group = find_resource_type("aws_autoscaling_group");
    REQUIRE(group != nullptr);
    CHECK(group->node_count_attributes ==
          std::vector<std::string>{"max_size", "desired_capacity", "min_size"});

    // A type the policy rules inspect but costgate does not price.
    const ResourceType* launch_template = find_resource_type("aws_launch_template");
    REQUIRE(launch_template != nullptr);
    CHECK_FALSE(launch_template->priced());

    // A data row's usage keys and services come from its components.
    const ResourceType* kms = find_resource_type("aws_kms_key");
    REQUIRE(kms != nullptr);
    CHECK(kms->pricer == nullptr);
    CHECK(kms->usage_keys == std::vector<std::string>{"monthly_requests"});
    CHECK(kms->services == std::vector<std::string>{"kms"});
    CHECK(pricer_usage_keys("aws_kms_key") == std::vector<std::string_view>{"monthly_requests"});

    CHECK(find_resource_type("aws_no_such_type") == nullptr);
    const std::vector<ResourceType>& all = resource_types();
    CHECK(std::is_sorted(all.begin(), all.end(),
                         [](const auto& a, const auto& b) { return a.type < b.type; }));
}

TEST_CASE("a description with a mistake is refused with its line", "[pricing][types]") {
    const auto parse = [](const std::string& body) {
        return parse_resource_types("types.yaml", "version: 1\ntypes:\n" + body);
    };
    CHECK(parse("  a_b: {pricer: aws_instance}\n").size() == 1);
    CHECK_THROWS_WITH(parse("  a_b: {pricer: nope}\n"),
                      Catch::Contains("types.yaml:3") &&
                          Catch::Contains("no pricer named \"nope\""));
    CHECK_THROWS_WITH(parse("  a_b:\n    pricer: aws_instance\n    components:\n"
                            "      - {name: X, unit: months, price: kms/secret}\n"),
                      Catch::Contains("a pricer or components, not both"));
    CHECK_THROWS_WITH(
        parse("  a_b:\n    components:\n      - {name: X, unit: months, price: kms}\n"),
        Catch::Contains("SERVICE/PRODUCT"));
    CHECK_THROWS_WITH(parse("  a_b:\n    components:\n"
                            "      - {name: X, unit: GB, price: a/b, usage: u, attribute: v}\n"),
                      Catch::Contains("one of usage, attribute or count"));
    CHECK_THROWS_WITH(parse("  a_b: {pricer: aws_instance, sise: instance_type}\n"),
                      Catch::Contains("types.yaml:3") && Catch::Contains("sise"));
    CHECK_THROWS_WITH(parse("  a_b:\n    referenced: {size: {through: volume_id}}\n"
                            "    components:\n      - {name: X, unit: GB, price: a/b, "
                            "attribute: size}\n"),
                      Catch::Contains("types.yaml:4") && Catch::Contains("type"));
}

TEST_CASE("a type priced from its data row: a quantity times one catalog price",
          "[pricing][types]") {
    SECTION("a fee per resource and a usage-based part") {
        // aws/kms/customer_managed_key/us-east-1 is 1 per key-month: 1 x 1 = 1.00;
        // 50,000 requests at aws/kms/api_requests_symmetric 0.03 per 10K: 5 x 0.03 = 0.15.
        const ResourceEstimate estimate =
            estimate_after("aws_kms_key", "{}", "us-east-1", "    monthly_requests: 50000\n");
        REQUIRE(estimate.priced);
        REQUIRE(estimate.components.size() == 2);
        CHECK(estimate.components[0].monthly_quantity == 1);
        CHECK(estimate.components[0].price_key == "aws/kms/customer_managed_key/us-east-1");
        CHECK(estimate.components[1].monthly_quantity == Approx(5));
        CHECK(estimate.components[1].usage_based);
        CHECK(estimate.monthly_after->to_cents_string() == "1.15");
    }
    SECTION("without the usage, the usage-based part shows its price and no cost") {
        const ResourceEstimate estimate = estimate_after("aws_kms_key", "{}");
        REQUIRE(estimate.priced);
        CHECK_FALSE(estimate.components[1].monthly_quantity.has_value());
        CHECK(estimate.monthly_after->to_cents_string() == "1.00");
    }
    SECTION("an attribute times hours, chosen by a mode with the provider's default") {
        // billing_mode defaults to PROVISIONED. aws/dynamodb/provisioned_rcu/us-east-1 0.00013
        // per RCU-hour: 10 x 730 x 0.00013 = 0.949; provisioned_wcu 0.00065: 5 x 730 x
        // 0.00065 = 2.3725; total 3.3215 -> 3.32 (storage is usage-based, not given).
        const ResourceEstimate estimate =
            estimate_after("aws_dynamodb_table", R"({"read_capacity": 10, "write_capacity": 5})");
        REQUIRE(estimate.priced);
        REQUIRE(estimate.components.size() == 3);
        CHECK(estimate.components[0].monthly_quantity == 7300);
        CHECK(estimate.components[1].monthly_quantity == 3650);
        CHECK(estimate.monthly_after->to_cents_string() == "3.32");
    }
    SECTION("on-demand tables are priced per request") {
        // 4,000,000 reads at aws/dynamodb/on_demand_read_request_units 0.125 per 1M = 0.50.
        const ResourceEstimate estimate =
            estimate_after("aws_dynamodb_table", R"({"billing_mode": "PAY_PER_REQUEST"})",
                           "us-east-1", "    monthly_read_request_units: 4000000\n");
        REQUIRE(estimate.priced);
        CHECK(estimate.components[0].price_key ==
              "aws/dynamodb/on_demand_read_request_units/us-east-1");
        CHECK(estimate.monthly_after->to_cents_string() == "0.50");
    }
    SECTION("a count of list elements: one endpoint interface per subnet") {
        // aws/vpc/vpc_endpoint_interface/eu-west-1 0.011 per hour: 2 x 730 x 0.011 = 16.06.
        const ResourceEstimate estimate = estimate_after(
            "aws_vpc_endpoint", R"({"vpc_endpoint_type": "Interface", "subnet_ids": ["a", "b"]})",
            "eu-west-1");
        REQUIRE(estimate.priced);
        CHECK(estimate.components[0].monthly_quantity == 1460);
        CHECK(estimate.monthly_after->to_cents_string() == "16.06");
    }
    SECTION("a configuration that costs nothing says so") {
        const ResourceEstimate estimate = estimate_after("aws_vpc_endpoint", "{}", "eu-west-1");
        CHECK(estimate.priced);
        CHECK(estimate.components.empty());
        CHECK(has_note(estimate, "vpc_endpoint_type Gateway: no charge"));
        CHECK(estimate.monthly_after->to_cents_string() == "0.00");
    }
    SECTION("a fixed region: Route 53 bills hosted zones globally") {
        // aws/route53/hosted_zone_first_25/global 0.5 a month: 1 x 0.5 = 0.50.
        const ResourceEstimate estimate = estimate_after("aws_route53_zone", "{}", "eu-west-2");
        REQUIRE(estimate.priced);
        CHECK(estimate.components[0].price_key == "aws/route53/hosted_zone_first_25/global");
        CHECK(estimate.monthly_after->to_cents_string() == "0.50");
    }
    SECTION("a boolean attribute selects the part: FIFO queues") {
        // 2,000,000 requests at aws/sqs/fifo_requests_tier1 0.5 per 1M: 2 x 0.5 = 1.00.
        const ResourceEstimate estimate = estimate_after(
            "aws_sqs_queue", R"({"fifo_queue": true})", "us-east-1", "    monthly_requests: 2e6\n");
        REQUIRE(estimate.priced);
        CHECK(estimate.components[0].price_key == "aws/sqs/fifo_requests_tier1/us-east-1");
        CHECK(estimate.monthly_after->to_cents_string() == "1.00");
        CHECK(has_note(estimate, "free tier"));
    }
    SECTION("an attribute a row reads of another type is bad input, not its default") {
        // Before, `"billing_mode": 3` was read as absent, so the PROVISIONED default priced it.
        CHECK_THROWS_WITH(estimate_after("aws_dynamodb_table", R"({"billing_mode": 3})"),
                          Catch::Contains("\"billing_mode\" must be a string or true or false, "
                                          "found 3"));
    }
    SECTION("a configuration no part covers is unpriced, never $0") {
        const ResourceEstimate estimate =
            estimate_after("aws_sns_topic", R"({"fifo_topic": true})");
        CHECK_FALSE(estimate.priced);
        CHECK_FALSE(estimate.monthly_after.has_value());
        CHECK(has_note(estimate, "no price for aws_sns_topic with fifo_topic true"));
    }
    SECTION("a count the plan does not hold leaves it unpriced") {
        const ResourceEstimate estimate = estimate_after(
            "aws_vpc_endpoint", R"({"vpc_endpoint_type": "Interface"})", "eu-west-1");
        CHECK_FALSE(estimate.priced);
        CHECK(has_note(estimate, "subnet_ids is not in the plan"));
    }
    SECTION("a region the facts do not cover names the missing key") {
        const ResourceEstimate estimate =
            estimate_after("aws_ecr_repository", "{}", "mars-north-1");
        CHECK_FALSE(estimate.priced);
        CHECK(has_note(estimate, "no price in the catalog for aws/ecr/storage/mars-north-1"));
    }
}

TEST_CASE("storage, database, edge and parameter types priced from their rows",
          "[pricing][types]") {
    SECTION("an Aurora cluster's storage, I/O and backup by engine") {
        // us-west-2: 100 GB x aws/rds/aurora_storage_standard 0.1 = 10.00; 50M I/O requests
        // x aws/rds/aurora_io_requests 0.2 per 1M = 10.00; 20 GB backup x
        // aws/rds/aurora_mysql_backup_storage 0.021 = 0.42; total 20.42.
        const ResourceEstimate estimate = estimate_after(
            "aws_rds_cluster", R"({"engine": "aurora-mysql", "storage_type": ""})", "us-west-2",
            "    storage_gb: 100\n    monthly_io_requests: 50000000\n    backup_storage_gb: 20\n");
        REQUIRE(estimate.priced);
        REQUIRE(estimate.components.size() == 3);
        CHECK(estimate.components[1].monthly_quantity == Approx(50));
        CHECK(estimate.components[2].price_key == "aws/rds/aurora_mysql_backup_storage/us-west-2");
        CHECK(estimate.monthly_after->to_cents_string() == "20.42");
    }
    SECTION("I/O-Optimized Aurora storage has no I/O charge") {
        // 100 GB x aws/rds/aurora_storage_io_optimized/us-west-2 0.225 = 22.50; backup
        // (aurora_postgresql_backup_storage) is usage-based and not given.
        const ResourceEstimate estimate = estimate_after(
            "aws_rds_cluster", R"({"engine": "aurora-postgresql", "storage_type": "aurora-iopt1"})",
            "us-west-2", "    storage_gb: 100\n");
        REQUIRE(estimate.priced);
        REQUIRE(estimate.components.size() == 2);
        CHECK(estimate.components[1].price_key ==
              "aws/rds/aurora_postgresql_backup_storage/us-west-2");
        CHECK(estimate.monthly_after->to_cents_string() == "22.50");
    }
    SECTION("an RDS Multi-AZ DB cluster is not priced as Aurora") {
        const ResourceEstimate estimate = estimate_after(
            "aws_rds_cluster", R"({"engine": "mysql", "storage_type": "io1"})", "us-west-2");
        CHECK_FALSE(estimate.priced);
        CHECK(has_note(estimate, "no price for aws_rds_cluster with storage_type io1"));
    }
    SECTION("OpenSearch data and master nodes by instance type") {
        // us-east-1: 3 x 730 x aws/opensearch/r6g.large.search 0.167 = 365.73; 3 masters
        // x 730 x m6g.large.search 0.128 = 280.32; total 646.05. EBS storage has no catalog
        // price: that part is named, and the total is a lower bound.
        const ResourceEstimate estimate = estimate_after("aws_opensearch_domain", R"({
            "cluster_config": [{"instance_type": "r6g.large.search", "instance_count": 3,
                                "dedicated_master_enabled": true,
                                "dedicated_master_type": "m6g.large.search",
                                "dedicated_master_count": 3}],
            "ebs_options": [{"ebs_enabled": true, "volume_type": "gp3", "volume_size": 100}]})");
        CHECK_FALSE(estimate.priced);
        CHECK(
            has_note(estimate, "no price in the catalog for aws/opensearch/storage_gp3/us-east-1"));
        CHECK(estimate.components[0].monthly_quantity == 2190);
        CHECK(estimate.monthly_after->to_cents_string() == "646.05");
    }
    SECTION("CloudTrail events from usage, at the one price of every region") {
        // us-east-2: 300,000 additional management events = 3 x 100k x
        // aws/cloudtrail/management_events_additional_copies/global 2.00 = 6.00; 2,000,000
        // data events = 20 x 100k x aws/cloudtrail/data_events/global 0.10 = 2.00; total 8.00.
        // No insight_selector: no insight events part.
        const ResourceEstimate estimate = estimate_after(
            "aws_cloudtrail", R"({"name": "audit", "insight_selector": []})", "us-east-2",
            "    monthly_additional_management_events: 300000\n"
            "    monthly_data_events: 2000000\n");
        REQUIRE(estimate.priced);
        REQUIRE(estimate.components.size() == 2);
        CHECK(estimate.components[0].monthly_quantity == Approx(3));
        CHECK(estimate.components[1].price_key == "aws/cloudtrail/data_events/global");
        CHECK(estimate.monthly_after->to_cents_string() == "8.00");

        // 1,000,000 insight events = 10 x 100k x aws/cloudtrail/insight_events/global 0.35.
        const ResourceEstimate insights = estimate_after(
            "aws_cloudtrail", R"({"insight_selector": [{"insight_type": "ApiCallRateInsight"}]})",
            "us-east-2", "    monthly_insight_events: 1000000\n");
        REQUIRE(insights.components.size() == 3);
        CHECK(insights.monthly_after->to_cents_string() == "3.50");
    }
    SECTION("EFS storage classes from usage; provisioned throughput names its missing key") {
        // eu-west-1: 200 GB x aws/efs/standard_storage 0.33 = 66.00; 1,000 GB x
        // infrequent_access_storage 0.025 = 25.00; total 91.00.
        const ResourceEstimate estimate =
            estimate_after("aws_efs_file_system", "{}", "eu-west-1",
                           "    storage_gb: 200\n    infrequent_access_storage_gb: 1000\n");
        REQUIRE(estimate.priced);
        CHECK(estimate.monthly_after->to_cents_string() == "91.00");
        const ResourceEstimate provisioned = estimate_after(
            "aws_efs_file_system",
            R"({"throughput_mode": "provisioned", "provisioned_throughput_in_mibps": 64})",
            "eu-west-1");
        CHECK_FALSE(provisioned.priced);
        CHECK(has_note(provisioned,
                       "no price in the catalog for aws/efs/provisioned_throughput/eu-west-1"));
    }
    SECTION("Vertex AI prediction nodes name their missing key; pools with GPUs are unpriced") {
        // The catalog has no gcp/vertex_ai_prediction prices: 2 nodes x 730 hours would be
        // priced by an overlay (tests/e2e/ai_vertex_endpoint); here the key is named.
        const ResourceEstimate pool = estimate_after(
            "google_vertex_ai_deployment_resource_pool",
            R"({"dedicated_resources": [{"machine_spec": [{"machine_type": "n1-standard-8"}],
                                         "min_replica_count": 2}]})",
            "us-central1");
        CHECK_FALSE(pool.priced);
        CHECK(has_note(
            pool,
            "no price in the catalog for gcp/vertex_ai_prediction/n1-standard-8/us-central1"));
        // Accelerators are billed per accelerator and node, which no part covers yet: never
        // the nodes alone.
        const ResourceEstimate gpu = estimate_after(
            "google_vertex_ai_deployment_resource_pool",
            R"({"dedicated_resources": [{"machine_spec": [{"machine_type": "n1-standard-8",
                "accelerator_type": "NVIDIA_TESLA_T4", "accelerator_count": 1}],
                "min_replica_count": 2}]})",
            "us-central1");
        CHECK_FALSE(gpu.priced);
        CHECK_FALSE(gpu.monthly_after);
        // An endpoint's deployed models are known only after apply.
        const ResourceEstimate endpoint =
            estimate_after("google_vertex_ai_endpoint", R"({"name": "chat"})", "us-central1");
        CHECK_FALSE(endpoint.priced);
        CHECK(has_note(endpoint,
                       "deployed_models.dedicated_resources.machine_spec.machine_type is not in "
                       "the plan"));
    }
    SECTION("a snapshot at its volume's size") {
        // 40 GB x aws/ebs/snapshot_standard/eu-west-1 0.05 = 2.00.
        const ResourceEstimate estimate =
            estimate_after("aws_ebs_snapshot", R"({"volume_size": 40})", "eu-west-1");
        REQUIRE(estimate.priced);
        CHECK(estimate.monthly_after->to_cents_string() == "2.00");
    }
    SECTION("CloudFront data out at one global rate") {
        // 1,000 GB x aws/cloudfront/data_transfer_out_us_mexico_canada_first_10TB/global
        // 0.085 = 85.00, whatever the provider's region.
        const ResourceEstimate estimate =
            estimate_after("aws_cloudfront_distribution", "{}", "eu-west-1",
                           "    monthly_data_transfer_to_internet_gb: 1000\n");
        REQUIRE(estimate.priced);
        CHECK(estimate.components[0].price_key ==
              "aws/cloudfront/data_transfer_out_us_mexico_canada_first_10TB/global");
        CHECK(estimate.monthly_after->to_cents_string() == "85.00");
    }
    SECTION("standard parameters are free; advanced ones name their missing price") {
        const ResourceEstimate standard = estimate_after("aws_ssm_parameter", "{}");
        CHECK(standard.priced);
        CHECK(has_note(standard, "tier Standard: no charge"));
        const ResourceEstimate advanced =
            estimate_after("aws_ssm_parameter", R"({"tier": "Advanced"})");
        CHECK_FALSE(advanced.priced);
        CHECK(
            has_note(advanced, "no price in the catalog for aws/ssm/advanced_parameter/us-east-1"));
    }
    SECTION("flow logs name the vended-log price of their destination") {
        const ResourceEstimate estimate =
            estimate_after("aws_flow_log", R"({"log_destination_type": "s3"})", "us-west-2");
        CHECK_FALSE(estimate.priced);
        CHECK(has_note(estimate,
                       "no price in the catalog for aws/cloudwatch/vended_logs_to_s3/us-west-2"));
    }
    SECTION("a bucket's class picks its storage and retrieval prices") {
        // us multi-region: 500 GB x gcp/cloud_storage/standard 0.026 = 13.00.
        const ResourceEstimate standard =
            estimate_after("google_storage_bucket", R"({"storage_class": "MULTI_REGIONAL"})", "us",
                           "    storage_gb: 500\n");
        REQUIRE(standard.priced);
        CHECK(standard.components[0].price_key == "gcp/cloud_storage/standard/us");
        CHECK(standard.monthly_after->to_cents_string() == "13.00");
        // europe-west2: 1,000 GB x coldline 0.007 = 7.00; 100 GB retrieved x
        // retrieval_coldline 0.02 = 2.00; total 9.00.
        const ResourceEstimate coldline = estimate_after(
            "google_storage_bucket", R"({"storage_class": "COLDLINE"})", "europe-west2",
            "    storage_gb: 1000\n    monthly_data_retrieval_gb: 100\n");
        REQUIRE(coldline.priced);
        CHECK(coldline.monthly_after->to_cents_string() == "9.00");
    }
}

TEST_CASE("a global address: internal ranges are free, external ones name their missing price",
          "[pricing][types]") {
    const ResourceEstimate internal =
        estimate_after("google_compute_global_address", R"({"address_type": "INTERNAL"})", "");
    CHECK(internal.priced);
    CHECK(has_note(internal, "address_type INTERNAL: no charge"));
    const ResourceEstimate external = estimate_after("google_compute_global_address", "{}", "");
    CHECK_FALSE(external.priced);
    CHECK(has_note(external, "no price in the catalog for gcp/external_ip/ip_global/global"));
}
