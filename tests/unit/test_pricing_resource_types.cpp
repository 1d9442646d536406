#include "costgate/ingest/terraform_plan.hpp"
#include "costgate/model/error.hpp"
#include "costgate/pricing/resource_type.hpp"
#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::pricing;
using namespace costgate::testing;

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

TEST_CASE("the attributes descriptions follow to another resource are those ingest keeps",
          "[pricing][types]") {
    for (const ResourceType& type : resource_types())
        for (const auto& [path, from] : type.referenced) {
            INFO(type.type << " " << path);
            CHECK(std::ranges::find(ingest::k_reference_attributes, from.through) !=
                  ingest::k_reference_attributes.end());
        }
    for (const ResourceType& type : resource_types())
        for (const std::string& attribute : type.region_from) {
            INFO(type.type << " region_from " << attribute);
            CHECK(std::ranges::find(ingest::k_reference_attributes, attribute) !=
                  ingest::k_reference_attributes.end());
        }
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
            estimate_created("aws_kms_key", "{}", "us-east-1", "    monthly_requests: 50000\n");
        REQUIRE(estimate.priced);
        REQUIRE(estimate.components.size() == 2);
        CHECK(estimate.components[0].monthly_quantity == 1);
        CHECK(estimate.components[0].price_key == "aws/kms/customer_managed_key/us-east-1");
        CHECK(estimate.components[1].monthly_quantity == Approx(5));
        CHECK(estimate.components[1].usage_based);
        CHECK(estimate.monthly_after->to_cents_string() == "1.15");
    }
    SECTION("without the usage, the usage-based part shows its price and no cost") {
        const ResourceEstimate estimate = estimate_created("aws_kms_key", "{}");
        REQUIRE(estimate.priced);
        CHECK_FALSE(estimate.components[1].monthly_quantity.has_value());
        CHECK(estimate.monthly_after->to_cents_string() == "1.00");
    }
    SECTION("an attribute times hours, chosen by a mode with the provider's default") {
        // billing_mode defaults to PROVISIONED. aws/dynamodb/provisioned_rcu/us-east-1 0.00013
        // per RCU-hour: 10 x 730 x 0.00013 = 0.949; provisioned_wcu 0.00065: 5 x 730 x
        // 0.00065 = 2.3725; total 3.3215 -> 3.32 (storage is usage-based, not given).
        const ResourceEstimate estimate =
            estimate_created("aws_dynamodb_table", R"({"read_capacity": 10, "write_capacity": 5})");
        REQUIRE(estimate.priced);
        REQUIRE(estimate.components.size() == 3);
        CHECK(estimate.components[0].monthly_quantity == 7300);
        CHECK(estimate.components[1].monthly_quantity == 3650);
        CHECK(estimate.monthly_after->to_cents_string() == "3.32");
    }
    SECTION("on-demand tables are priced per request") {
        // 4,000,000 reads at aws/dynamodb/on_demand_read_request_units 0.125 per 1M = 0.50.
        const ResourceEstimate estimate =
            estimate_created("aws_dynamodb_table", R"({"billing_mode": "PAY_PER_REQUEST"})",
                             "us-east-1", "    monthly_read_request_units: 4000000\n");
        REQUIRE(estimate.priced);
        CHECK(estimate.components[0].price_key ==
              "aws/dynamodb/on_demand_read_request_units/us-east-1");
        CHECK(estimate.monthly_after->to_cents_string() == "0.50");
    }
    SECTION("a count of list elements: one endpoint interface per subnet") {
        // aws/vpc/vpc_endpoint_interface/eu-west-1 0.011 per hour: 2 x 730 x 0.011 = 16.06.
        const ResourceEstimate estimate = estimate_created(
            "aws_vpc_endpoint", R"({"vpc_endpoint_type": "Interface", "subnet_ids": ["a", "b"]})",
            "eu-west-1");
        REQUIRE(estimate.priced);
        CHECK(estimate.components[0].monthly_quantity == 1460);
        CHECK(estimate.monthly_after->to_cents_string() == "16.06");
    }
    SECTION("a configuration that costs nothing says so") {
        const ResourceEstimate estimate = estimate_created("aws_vpc_endpoint", "{}", "eu-west-1");
        CHECK(estimate.priced);
        CHECK(estimate.components.empty());
        CHECK(has_note(estimate, "vpc_endpoint_type Gateway: no charge"));
        CHECK(estimate.monthly_after->to_cents_string() == "0.00");
    }
    SECTION("a fixed region: Route 53 bills hosted zones globally") {
        // aws/route53/hosted_zone_first_25/global 0.5 a month: 1 x 0.5 = 0.50.
        const ResourceEstimate estimate = estimate_created("aws_route53_zone", "{}", "eu-west-2");
        REQUIRE(estimate.priced);
        CHECK(estimate.components[0].price_key == "aws/route53/hosted_zone_first_25/global");
        CHECK(estimate.monthly_after->to_cents_string() == "0.50");
    }
    SECTION("a boolean attribute selects the part: FIFO queues") {
        // 2,000,000 requests at aws/sqs/fifo_requests_tier1 0.5 per 1M: 2 x 0.5 = 1.00.
        const ResourceEstimate estimate = estimate_created(
            "aws_sqs_queue", R"({"fifo_queue": true})", "us-east-1", "    monthly_requests: 2e6\n");
        REQUIRE(estimate.priced);
        CHECK(estimate.components[0].price_key == "aws/sqs/fifo_requests_tier1/us-east-1");
        CHECK(estimate.monthly_after->to_cents_string() == "1.00");
        CHECK(has_note(estimate, "free tier"));
    }
    SECTION("an attribute a row reads of another type is bad input, not its default") {
        // Before, a billing_mode of the wrong type was read as absent, so the PROVISIONED
        // default priced it.
        CHECK_THROWS_WITH(estimate_created("aws_dynamodb_table", R"({"billing_mode": [3]})"),
                          Catch::Contains("\"billing_mode\" must be a string, a number or true "
                                          "or false, found [3]"));
    }
    SECTION("a configuration no part covers is unpriced, never $0") {
        const ResourceEstimate estimate =
            estimate_created("aws_sns_topic", R"({"fifo_topic": true})");
        CHECK_FALSE(estimate.priced);
        CHECK_FALSE(estimate.monthly_after.has_value());
        CHECK(has_note(estimate, "no price for aws_sns_topic with fifo_topic true"));
    }
    SECTION("a count the plan does not hold leaves it unpriced") {
        const ResourceEstimate estimate = estimate_created(
            "aws_vpc_endpoint", R"({"vpc_endpoint_type": "Interface"})", "eu-west-1");
        CHECK_FALSE(estimate.priced);
        CHECK(has_note(estimate, "subnet_ids is not in the plan"));
    }
    SECTION("a region the facts do not cover names the missing key") {
        const ResourceEstimate estimate =
            estimate_created("aws_ecr_repository", "{}", "mars-north-1");
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
        const ResourceEstimate estimate = estimate_created(
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
        const ResourceEstimate estimate = estimate_created(
            "aws_rds_cluster", R"({"engine": "aurora-postgresql", "storage_type": "aurora-iopt1"})",
            "us-west-2", "    storage_gb: 100\n");
        REQUIRE(estimate.priced);
        REQUIRE(estimate.components.size() == 2);
        CHECK(estimate.components[1].price_key ==
              "aws/rds/aurora_postgresql_backup_storage/us-west-2");
        CHECK(estimate.monthly_after->to_cents_string() == "22.50");
    }
    SECTION("an RDS Multi-AZ DB cluster is not priced as Aurora") {
        const ResourceEstimate estimate = estimate_created(
            "aws_rds_cluster", R"({"engine": "mysql", "storage_type": "io1"})", "us-west-2");
        CHECK_FALSE(estimate.priced);
        CHECK(has_note(estimate, "no price for aws_rds_cluster with storage_type io1"));
    }
    SECTION("OpenSearch data and master nodes by instance type") {
        // us-east-1: 3 x 730 x aws/opensearch/r6g.large.search 0.167 = 365.73; 3 masters
        // x 730 x m6g.large.search 0.128 = 280.32; total 646.05. EBS storage has no catalog
        // price: that part is named, and the total is a lower bound.
        const ResourceEstimate estimate = estimate_created("aws_opensearch_domain", R"({
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
        const ResourceEstimate estimate = estimate_created(
            "aws_cloudtrail", R"({"name": "audit", "insight_selector": []})", "us-east-2",
            "    monthly_additional_management_events: 300000\n"
            "    monthly_data_events: 2000000\n");
        REQUIRE(estimate.priced);
        REQUIRE(estimate.components.size() == 2);
        CHECK(estimate.components[0].monthly_quantity == Approx(3));
        CHECK(estimate.components[1].price_key == "aws/cloudtrail/data_events/global");
        CHECK(estimate.monthly_after->to_cents_string() == "8.00");

        // 1,000,000 insight events = 10 x 100k x aws/cloudtrail/insight_events/global 0.35.
        const ResourceEstimate insights = estimate_created(
            "aws_cloudtrail", R"({"insight_selector": [{"insight_type": "ApiCallRateInsight"}]})",
            "us-east-2", "    monthly_insight_events: 1000000\n");
        REQUIRE(insights.components.size() == 3);
        CHECK(insights.monthly_after->to_cents_string() == "3.50");
    }
    SECTION("EFS storage classes from usage; provisioned throughput names its missing key") {
        // eu-west-1: 200 GB x aws/efs/standard_storage 0.33 = 66.00; 1,000 GB x
        // infrequent_access_storage 0.025 = 25.00; total 91.00.
        const ResourceEstimate estimate =
            estimate_created("aws_efs_file_system", "{}", "eu-west-1",
                             "    storage_gb: 200\n    infrequent_access_storage_gb: 1000\n");
        REQUIRE(estimate.priced);
        CHECK(estimate.monthly_after->to_cents_string() == "91.00");
        const ResourceEstimate provisioned = estimate_created(
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
        const ResourceEstimate pool = estimate_created(
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
        const ResourceEstimate gpu = estimate_created(
            "google_vertex_ai_deployment_resource_pool",
            R"({"dedicated_resources": [{"machine_spec": [{"machine_type": "n1-standard-8",
                "accelerator_type": "NVIDIA_TESLA_T4", "accelerator_count": 1}],
                "min_replica_count": 2}]})",
            "us-central1");
        CHECK_FALSE(gpu.priced);
        CHECK_FALSE(gpu.monthly_after);
        // An endpoint's deployed models are known only after apply.
        const ResourceEstimate endpoint =
            estimate_created("google_vertex_ai_endpoint", R"({"name": "chat"})", "us-central1");
        CHECK_FALSE(endpoint.priced);
        CHECK(has_note(endpoint,
                       "deployed_models.dedicated_resources.machine_spec.machine_type is not in "
                       "the plan"));
    }
    SECTION("a snapshot at its volume's size") {
        // 40 GB x aws/ebs/snapshot_standard/eu-west-1 0.05 = 2.00.
        const ResourceEstimate estimate =
            estimate_created("aws_ebs_snapshot", R"({"volume_size": 40})", "eu-west-1");
        REQUIRE(estimate.priced);
        CHECK(estimate.monthly_after->to_cents_string() == "2.00");
    }
    SECTION("CloudFront data out at one global rate") {
        // 1,000 GB x aws/cloudfront/data_transfer_out_us_mexico_canada_first_10TB/global
        // 0.085 = 85.00, whatever the provider's region.
        const ResourceEstimate estimate =
            estimate_created("aws_cloudfront_distribution", "{}", "eu-west-1",
                             "    monthly_data_transfer_to_internet_gb: 1000\n");
        REQUIRE(estimate.priced);
        CHECK(estimate.components[0].price_key ==
              "aws/cloudfront/data_transfer_out_us_mexico_canada_first_10TB/global");
        CHECK(estimate.monthly_after->to_cents_string() == "85.00");
    }
    SECTION("standard parameters are free; advanced ones name their missing price") {
        const ResourceEstimate standard = estimate_created("aws_ssm_parameter", "{}");
        CHECK(standard.priced);
        CHECK(has_note(standard, "tier Standard: no charge"));
        const ResourceEstimate advanced =
            estimate_created("aws_ssm_parameter", R"({"tier": "Advanced"})");
        CHECK_FALSE(advanced.priced);
        CHECK(
            has_note(advanced, "no price in the catalog for aws/ssm/advanced_parameter/us-east-1"));
    }
    SECTION("flow logs name the vended-log price of their destination") {
        const ResourceEstimate estimate =
            estimate_created("aws_flow_log", R"({"log_destination_type": "s3"})", "us-west-2");
        CHECK_FALSE(estimate.priced);
        CHECK(has_note(estimate,
                       "no price in the catalog for aws/cloudwatch/vended_logs_to_s3/us-west-2"));
    }
    SECTION("a bucket's class picks its storage and retrieval prices") {
        // us multi-region: 500 GB x gcp/cloud_storage/standard 0.026 = 13.00.
        const ResourceEstimate standard =
            estimate_created("google_storage_bucket", R"({"storage_class": "MULTI_REGIONAL"})",
                             "us", "    storage_gb: 500\n");
        REQUIRE(standard.priced);
        CHECK(standard.components[0].price_key == "gcp/cloud_storage/standard/us");
        CHECK(standard.monthly_after->to_cents_string() == "13.00");
        // europe-west2: 1,000 GB x coldline 0.007 = 7.00; 100 GB retrieved x
        // retrieval_coldline 0.02 = 2.00; total 9.00.
        const ResourceEstimate coldline = estimate_created(
            "google_storage_bucket", R"({"storage_class": "COLDLINE"})", "europe-west2",
            "    storage_gb: 1000\n    monthly_data_retrieval_gb: 100\n");
        REQUIRE(coldline.priced);
        CHECK(coldline.monthly_after->to_cents_string() == "9.00");
    }
}

TEST_CASE("a global address: internal ranges are free, external ones name their missing price",
          "[pricing][types]") {
    const ResourceEstimate internal =
        estimate_created("google_compute_global_address", R"({"address_type": "INTERNAL"})", "");
    CHECK(internal.priced);
    CHECK(has_note(internal, "address_type INTERNAL: no charge"));
    const ResourceEstimate external = estimate_created("google_compute_global_address", "{}", "");
    CHECK_FALSE(external.priced);
    CHECK(has_note(external, "no price in the catalog for gcp/external_ip/ip_global/global"));
}

TEST_CASE("Azure services priced from their rows, keyed by the SKU the plan names",
          "[pricing][types]") {
    SECTION("an application gateway by tier; a tier without a price names its key") {
        // azure/application_gateway/WAF_v2/eastus 0.36 per hour: 730 x 0.36 = 262.80.
        const ResourceEstimate waf = estimate_created("azurerm_application_gateway",
                                                      R"({"sku": [{"tier": "WAF_v2"}]})", "eastus");
        REQUIRE(waf.priced);
        CHECK(waf.components[0].price_key == "azure/application_gateway/WAF_v2/eastus");
        CHECK(waf.monthly_after->to_cents_string() == "262.80");
        const ResourceEstimate standard = estimate_created(
            "azurerm_application_gateway", R"({"sku": [{"tier": "Standard_v2"}]})", "eastus");
        CHECK_FALSE(standard.priced);
        CHECK(has_note(standard,
                       "no price in the catalog for azure/application_gateway/Standard_v2/eastus"));
    }
    SECTION("a firewall by tier and kind") {
        // azure/firewall/Standard|AZFW_Hub/eastus 1.25 per hour: 730 x 1.25 = 912.50.
        const ResourceEstimate estimate = estimate_created(
            "azurerm_firewall", R"({"sku_tier": "Standard", "sku_name": "AZFW_Hub"})", "eastus");
        REQUIRE(estimate.priced);
        CHECK(estimate.monthly_after->to_cents_string() == "912.50");
    }
    SECTION("a registry per day of a 730-hour month") {
        // azure/container_registry/Basic/westeurope 0.1666666667 per day (5.00 / 30 days):
        // 730 / 24 = 30.4167 days x 0.1666666667 = 5.0694 -> 5.07.
        const ResourceEstimate estimate =
            estimate_created("azurerm_container_registry", R"({"sku": "Basic"})", "westeurope");
        REQUIRE(estimate.priced);
        CHECK(estimate.components[0].monthly_quantity == Approx(30.416667));
        CHECK(estimate.monthly_after->to_cents_string() == "5.07");
    }
    SECTION("a Standard load balancer bills data processed; a Basic one is free") {
        // 200 GB x azure/load_balancer/data_processed/westus 0.005 = 1.00.
        const ResourceEstimate standard =
            estimate_created("azurerm_lb", R"({"sku": "Standard"})", "westus",
                             "    monthly_data_processed_gb: 200\n");
        REQUIRE(standard.priced);
        CHECK(standard.monthly_after->to_cents_string() == "1.00");
        const ResourceEstimate basic = estimate_created("azurerm_lb", "{}", "westus");
        CHECK(basic.priced);
        CHECK(has_note(basic, "sku Basic: no charge"));
        // A rule: 730 x azure/load_balancer/rule/westeurope 0.01 = 7.30.
        const ResourceEstimate rule = estimate_created("azurerm_lb_rule", "{}", "westeurope");
        REQUIRE(rule.priced);
        CHECK(rule.monthly_after->to_cents_string() == "7.30");
    }
    SECTION("flexible servers: compute by SKU, storage from the plan, a standby when HA") {
        // westus: 730 x azure/mysql_flexible/B_Standard_B1ms 0.022 = 16.06; storage 20 GB x
        // azure/mysql_flexible/storage 0.138 = 2.76; total 18.82.
        const ResourceEstimate mysql = estimate_created(
            "azurerm_mysql_flexible_server",
            R"({"sku_name": "B_Standard_B1ms", "storage": [{"size_gb": 20}]})", "westus");
        REQUIRE(mysql.priced);
        CHECK(mysql.monthly_after->to_cents_string() == "18.82");
        // eastus: 730 x azure/postgresql_flexible/B_Standard_B1ms 0.017 = 12.41, twice with a
        // zone-redundant standby = 24.82; storage_mb 32768 = 32 GB x storage 0.12 = 3.84;
        // total 28.66.
        const ResourceEstimate postgres = estimate_created("azurerm_postgresql_flexible_server",
                                                           R"({"sku_name": "B_Standard_B1ms",
            "storage_mb": 32768, "high_availability": [{"mode": "ZoneRedundant"}]})",
                                                           "eastus");
        REQUIRE(postgres.priced);
        REQUIRE(postgres.components.size() == 4);
        CHECK(postgres.components[2].monthly_quantity == 32);
        CHECK(postgres.monthly_after->to_cents_string() == "28.66");
    }
    SECTION("a SQL database by SKU; a VPN gateway by SKU; ExpressRoute is unpriced") {
        // 730 x azure/sql_database/P6/eastus 5 = 3,650.00.
        const ResourceEstimate sql =
            estimate_created("azurerm_mssql_database", R"({"sku_name": "P6"})", "eastus");
        REQUIRE(sql.priced);
        CHECK(sql.monthly_after->to_cents_string() == "3650.00");
        // 730 x azure/vpn_gateway/VpnGw2/eastus 0.49 = 357.70.
        const ResourceEstimate vpn = estimate_created(
            "azurerm_virtual_network_gateway", R"({"type": "Vpn", "sku": "VpnGw2"})", "eastus");
        REQUIRE(vpn.priced);
        CHECK(vpn.monthly_after->to_cents_string() == "357.70");
        const ResourceEstimate express =
            estimate_created("azurerm_virtual_network_gateway",
                             R"({"type": "ExpressRoute", "sku": "Standard"})", "eastus");
        CHECK_FALSE(express.priced);
        CHECK(has_note(express, "no price for azurerm_virtual_network_gateway with type "
                                "ExpressRoute"));
    }
    SECTION("endpoints, zones and workspaces") {
        // 730 x azure/private_endpoint/endpoint/westus 0.01 = 7.30.
        const ResourceEstimate endpoint =
            estimate_created("azurerm_private_endpoint", "{}", "westus");
        REQUIRE(endpoint.priced);
        CHECK(endpoint.monthly_after->to_cents_string() == "7.30");
        // 1 x azure/dns/private_hosted_zone/germanywestcentral 0.54 = 0.54.
        const ResourceEstimate zone =
            estimate_created("azurerm_private_dns_zone", "{}", "germanywestcentral");
        REQUIRE(zone.priced);
        CHECK(zone.monthly_after->to_cents_string() == "0.54");
        // 10 GB x azure/log_analytics/log_data_ingestion/westeurope 2.99 = 29.90.
        const ResourceEstimate logs =
            estimate_created("azurerm_log_analytics_workspace", "{}", "westeurope",
                             "    monthly_data_ingested_gb: 10\n");
        REQUIRE(logs.priced);
        CHECK(logs.monthly_after->to_cents_string() == "29.90");
        const ResourceEstimate reserved = estimate_created(
            "azurerm_log_analytics_workspace", R"({"sku": "CapacityReservation"})", "westeurope");
        CHECK_FALSE(reserved.priced);
    }
}

TEST_CASE("a forwarding rule at its region's per-rule rate", "[pricing][types]") {
    // gcp/load_balancing/forwarding_rule/us-central1 7.3 a month: 1 x 7.3 = 7.30.
    const ResourceEstimate priced =
        estimate_created("google_compute_forwarding_rule", "{}", "us-central1");
    REQUIRE(priced.priced);
    CHECK(priced.monthly_after->to_cents_string() == "7.30");
    const ResourceEstimate elsewhere =
        estimate_created("google_compute_forwarding_rule", "{}", "europe-west2");
    CHECK_FALSE(elsewhere.priced);
    CHECK(has_note(elsewhere,
                   "no price in the catalog for gcp/load_balancing/forwarding_rule/europe-west2"));
}

TEST_CASE("streams, queues, APIs and warehouses priced from their rows", "[pricing][types]") {
    SECTION("a provisioned stream by shards; an on-demand stream by the hour and data") {
        // 4 shards x 730 x aws/kinesis/provisioned_shard/us-east-1 0.015 = 43.80.
        const ResourceEstimate provisioned =
            estimate_created("aws_kinesis_stream", R"({"shard_count": 4})");
        REQUIRE(provisioned.priced);
        CHECK(provisioned.monthly_after->to_cents_string() == "43.80");
        // us-east-2: 730 x on_demand_stream 0.04 = 29.20; 100 GB x on_demand_data_ingested
        // 0.08 = 8.00; total 37.20.
        const ResourceEstimate on_demand = estimate_created(
            "aws_kinesis_stream", R"({"stream_mode_details": [{"stream_mode": "ON_DEMAND"}]})",
            "us-east-2", "    monthly_data_ingested_gb: 100\n");
        REQUIRE(on_demand.priced);
        CHECK(on_demand.monthly_after->to_cents_string() == "37.20");
    }
    SECTION("state machines: Standard transitions, Express requests") {
        // 2,000,000 transitions = 2,000 x aws/step_functions/standard_state_transitions 0.025
        // per 1K = 50.00.
        const ResourceEstimate standard = estimate_created(
            "aws_sfn_state_machine", "{}", "us-east-1", "    monthly_transitions: 2e6\n");
        REQUIRE(standard.priced);
        CHECK(standard.monthly_after->to_cents_string() == "50.00");
        // 5,000,000 requests x express_requests 1 per 1M = 5.00.
        const ResourceEstimate express =
            estimate_created("aws_sfn_state_machine", R"({"type": "EXPRESS"})", "us-east-1",
                             "    monthly_requests: 5e6\n");
        REQUIRE(express.priced);
        CHECK(express.monthly_after->to_cents_string() == "5.00");
    }
    SECTION("REST, HTTP and WebSocket APIs") {
        // 10M x aws/api_gateway/rest_api_requests_first_333M 3.5 per 1M = 35.00.
        const ResourceEstimate rest = estimate_created("aws_api_gateway_rest_api", "{}",
                                                       "us-east-1", "    monthly_requests: 1e7\n");
        REQUIRE(rest.priced);
        CHECK(rest.monthly_after->to_cents_string() == "35.00");
        // 2M messages x websocket_messages_first_1B 1 = 2.00; 4M minutes x
        // websocket_connection_minutes 0.25 = 1.00; total 3.00.
        const ResourceEstimate websocket = estimate_created(
            "aws_apigatewayv2_api", R"({"protocol_type": "WEBSOCKET"})", "us-east-1",
            "    monthly_messages: 2e6\n    monthly_connection_minutes: 4e6\n");
        REQUIRE(websocket.priced);
        CHECK(websocket.monthly_after->to_cents_string() == "3.00");
    }
    SECTION("DocumentDB, Redshift and MSK by instance or node type") {
        // 730 x aws/documentdb/db.t3.medium/us-east-1 0.078 = 56.94.
        const ResourceEstimate docdb =
            estimate_created("aws_docdb_cluster_instance", R"({"instance_class": "db.t3.medium"})");
        REQUIRE(docdb.priced);
        CHECK(docdb.monthly_after->to_cents_string() == "56.94");
        // 2 x 730 x aws/redshift/ra3.4xlarge 3.26 = 4,759.60; 1,000 GB x managed_storage
        // 0.024 = 24.00; total 4,783.60.
        const ResourceEstimate redshift = estimate_created(
            "aws_redshift_cluster", R"({"node_type": "ra3.4xlarge", "number_of_nodes": 2})",
            "us-east-1", "    managed_storage_gb: 1000\n");
        REQUIRE(redshift.priced);
        CHECK(redshift.monthly_after->to_cents_string() == "4783.60");
        // 3 x 730 x aws/msk/kafka.t3.small 0.04560273973 = 99.87.
        const ResourceEstimate msk = estimate_created(
            "aws_msk_cluster",
            R"({"number_of_broker_nodes": 3, "broker_node_group_info": [{"instance_type": "kafka.t3.small"}]})");
        REQUIRE(msk.priced);
        CHECK(msk.components[0].monthly_quantity == 2190);
        CHECK(msk.monthly_after->to_cents_string() == "99.87");
    }
    SECTION("Event Hubs by throughput units; Service Bus by tier") {
        // 2 x 730 x azure/event_hubs/Standard/eastus 0.03 = 43.80.
        const ResourceEstimate hubs = estimate_created(
            "azurerm_eventhub_namespace", R"({"sku": "Standard", "capacity": 2})", "eastus");
        REQUIRE(hubs.priced);
        CHECK(hubs.monthly_after->to_cents_string() == "43.80");
        // 730 x azure/service_bus/Standard/westeurope 0.01343835616 = 9.81.
        const ResourceEstimate standard = estimate_created("azurerm_servicebus_namespace",
                                                           R"({"sku": "Standard"})", "westeurope");
        REQUIRE(standard.priced);
        CHECK(standard.monthly_after->to_cents_string() == "9.81");
        const ResourceEstimate basic =
            estimate_created("azurerm_servicebus_namespace", R"({"sku": "Basic"})", "westeurope");
        CHECK_FALSE(basic.priced);
        CHECK(has_note(basic, "no price for azurerm_servicebus_namespace with sku Basic"));
    }
}

TEST_CASE("GCP registries, queries, zones, keys, topics and secrets priced from their rows",
          "[pricing][types]") {
    // 150 GB x gcp/artifact_registry/storage/europe-north1 0.1 = 15.00.
    const ResourceEstimate registry = estimate_created("google_artifact_registry_repository", "{}",
                                                       "europe-north1", "    storage_gb: 150\n");
    REQUIRE(registry.priced);
    CHECK(registry.monthly_after->to_cents_string() == "15.00");
    // 10 TB x gcp/bigquery/on_demand_queries/us-central1 6.25 = 62.50.
    const ResourceEstimate bigquery = estimate_created(
        "google_bigquery_dataset", "{}", "us-central1", "    monthly_queries_tb: 10\n");
    REQUIRE(bigquery.priced);
    CHECK(bigquery.monthly_after->to_cents_string() == "62.50");
    // 1 x gcp/cloud_dns/managed_zone/us-central1 0.2 = 0.20.
    CHECK(estimate_created("google_dns_managed_zone", "{}", "us-central1")
              .monthly_after->to_cents_string() == "0.20");
    // 1 x gcp/cloud_kms/software_key_version 0.06 = 0.06; 100,000 operations = 10 x
    // software_operations 0.03 per 10K = 0.30; total 0.36.
    const ResourceEstimate key = estimate_created("google_kms_crypto_key", "{}", "us-central1",
                                                  "    monthly_key_operations: 100000\n");
    REQUIRE(key.priced);
    CHECK(key.monthly_after->to_cents_string() == "0.36");
    const ResourceEstimate hsm =
        estimate_created("google_kms_crypto_key",
                         R"({"version_template": [{"protection_level": "HSM"}]})", "us-central1");
    CHECK_FALSE(hsm.priced);
    // 2 TiB x gcp/pubsub/message_ingestion/us-central1 40 = 80.00.
    const ResourceEstimate topic = estimate_created("google_pubsub_topic", "{}", "us-central1",
                                                    "    monthly_message_data_tib: 2\n");
    REQUIRE(topic.priced);
    CHECK(topic.monthly_after->to_cents_string() == "80.00");
    // 1 x gcp/secret_manager/active_secret_version/us-central1 0.06 = 0.06.
    const ResourceEstimate version =
        estimate_created("google_secret_manager_secret_version", "{}", "us-central1");
    REQUIRE(version.priced);
    CHECK(version.monthly_after->to_cents_string() == "0.06");
    const ResourceEstimate disabled = estimate_created("google_secret_manager_secret_version",
                                                       R"({"enabled": false})", "us-central1");
    CHECK(has_note(disabled, "enabled false: no charge"));
    // 1 x gcp/load_balancing/forwarding_rule/us-central1 7.3 = 7.30.
    CHECK(estimate_created("google_compute_global_forwarding_rule", "{}", "us-central1")
              .monthly_after->to_cents_string() == "7.30");
}

TEST_CASE("CAs, trails, dashboards, buses, hosts, brokers, servers, WAFs and App Service plans",
          "[pricing][types]") {
    // 1 x aws/acm_pca/GENERAL_PURPOSE/us-east-1 400 = 400.00; SHORT_LIVED_CERTIFICATE 50.
    CHECK(estimate_created("aws_acmpca_certificate_authority", "{}")
              .monthly_after->to_cents_string() == "400.00");
    CHECK(estimate_created("aws_acmpca_certificate_authority",
                           R"({"usage_mode": "SHORT_LIVED_CERTIFICATE"})")
              .monthly_after->to_cents_string() == "50.00");
    // 1,000,000 data events = 10 x aws/cloudtrail/data_events/global 0.1 per 100K = 1.00.
    CHECK(estimate_created("aws_cloudtrail", "{}", "us-east-1", "    monthly_data_events: 1e6\n")
              .monthly_after->to_cents_string() == "1.00");
    // 1 x aws/cloudwatch/dashboard 3 = 3.00; 5M x aws/eventbridge/custom_events 1 per 1M = 5.00.
    CHECK(estimate_created("aws_cloudwatch_dashboard", "{}").monthly_after->to_cents_string() ==
          "3.00");
    CHECK(estimate_created("aws_cloudwatch_event_bus", "{}", "us-east-1",
                           "    monthly_custom_events: 5e6\n")
              .monthly_after->to_cents_string() == "5.00");
    // 730 x aws/ec2_dedicated_host/c5/us-east-1 3.366 = 2,457.18.
    CHECK(estimate_created("aws_ec2_host", R"({"instance_family": "c5"})")
              .monthly_after->to_cents_string() == "2457.18");
    // 1,000 GB x aws/firehose/data_ingested_first_500TB/eu-west-2 0.035 = 35.00.
    CHECK(estimate_created("aws_kinesis_firehose_delivery_stream", "{}", "eu-west-2",
                           "    monthly_data_ingested_gb: 1000\n")
              .monthly_after->to_cents_string() == "35.00");
    // 730 x aws/mq/ActiveMQ|mq.t2.micro|SINGLE_INSTANCE 0.03 = 21.90.
    const ResourceEstimate broker = estimate_created(
        "aws_mq_broker", R"({"engine_type": "ActiveMQ", "host_instance_type": "mq.t2.micro",
                             "deployment_mode": "SINGLE_INSTANCE"})");
    REQUIRE(broker.priced);
    CHECK(broker.monthly_after->to_cents_string() == "21.90");
    // 730 x aws/neptune/db.r4.large/eu-west-2 0.408 = 297.84.
    CHECK(estimate_created("aws_neptune_cluster_instance", R"({"instance_class": "db.r4.large"})",
                           "eu-west-2")
              .monthly_after->to_cents_string() == "297.84");
    // 2 protocols x 730 x aws/transfer_family/protocol 0.3 = 438.00.
    const ResourceEstimate transfer =
        estimate_created("aws_transfer_server", R"({"protocols": ["SFTP", "FTPS"]})");
    REQUIRE(transfer.priced);
    CHECK(transfer.monthly_after->to_cents_string() == "438.00");
    // aws/waf/web_acl 5 + 3 rules x waf/rule 1 = 3 + 10M requests x waf/requests 0.6 = 6.00;
    // total 14.00.
    const ResourceEstimate waf = estimate_created("aws_wafv2_web_acl", R"({"rule": [{}, {}, {}]})",
                                                  "us-east-1", "    monthly_requests: 1e7\n");
    REQUIRE(waf.priced);
    CHECK(waf.monthly_after->to_cents_string() == "14.00");
    // 2 workers x 730 x azure/app_service/Linux|P1v3/eastus 0.155 = 226.30.
    const ResourceEstimate plan = estimate_created(
        "azurerm_service_plan", R"({"os_type": "Linux", "sku_name": "P1v3", "worker_count": 2})",
        "eastus");
    REQUIRE(plan.priced);
    CHECK(plan.components[0].price_key == "azure/app_service/Linux|P1v3/eastus");
    CHECK(plan.monthly_after->to_cents_string() == "226.30");
}

TEST_CASE("caches, recorders, catalogs, clusters, firewalls and Azure platform services",
          "[pricing][types]") {
    // 730 x aws/api_gateway/cache_0.5/us-east-1 0.02 = 14.60; a stage without a cache is free.
    CHECK(estimate_created("aws_api_gateway_stage",
                           R"({"cache_cluster_enabled": true, "cache_cluster_size": "0.5"})")
              .monthly_after->to_cents_string() == "14.60");
    CHECK(has_note(estimate_created("aws_api_gateway_stage", "{}"),
                   "cache_cluster_enabled false: no charge"));
    // 10,000 x aws/config/configuration_items 0.003 = 30.00.
    CHECK(estimate_created("aws_config_configuration_recorder", "{}", "us-east-1",
                           "    monthly_config_items: 10000\n")
              .monthly_after->to_cents_string() == "30.00");
    // 100 GB x aws/documentdb/backup_storage 0.021 = 2.10.
    CHECK(estimate_created("aws_docdb_cluster", "{}", "us-east-1", "    backup_storage_gb: 100\n")
              .monthly_after->to_cents_string() == "2.10");
    // 500,000 objects = 5 x aws/glue/catalog_storage 1 per 100K = 5.00; 2M requests x
    // catalog_requests 1 per 1M = 2.00; total 7.00.
    CHECK(estimate_created("aws_glue_catalog_database", "{}", "us-east-1",
                           "    monthly_stored_objects: 500000\n    monthly_requests: 2e6\n")
              .monthly_after->to_cents_string() == "7.00");
    // eu-west-2: 100 GB x aws/neptune/storage 0.12 = 12.00; 10M x io_requests 0.23 = 2.30.
    CHECK(estimate_created("aws_neptune_cluster", "{}", "eu-west-2",
                           "    storage_gb: 100\n    monthly_io_requests: 1e7\n")
              .monthly_after->to_cents_string() == "14.30");
    // 2 subnet mappings x 730 x aws/network_firewall/endpoint 0.395 = 576.70.
    CHECK(estimate_created("aws_networkfirewall_firewall", R"({"subnet_mapping": [{}, {}]})")
              .monthly_after->to_cents_string() == "576.70");
    // 730 x azure/domain_services/Standard/australiaeast 0.15 = 109.50.
    CHECK(estimate_created("azurerm_active_directory_domain_service", R"({"sku": "Standard"})",
                           "australiaeast")
              .monthly_after->to_cents_string() == "109.50");
    // 10 GB x azure/application_insights/data_ingested/eastus 2.3 = 23.00.
    CHECK(estimate_created("azurerm_application_insights", "{}", "eastus",
                           "    monthly_data_ingested_gb: 10\n")
              .monthly_after->to_cents_string() == "23.00");
    // 1 x azure/frontdoor_waf/policy/westus 5 = 5.00.
    CHECK(estimate_created("azurerm_frontdoor_firewall_policy", "{}", "westus")
              .monthly_after->to_cents_string() == "5.00");
    // 730 x azure/logic_apps/integration_account_Basic/westeurope 0.4109589041 = 300.00.
    CHECK(estimate_created("azurerm_logic_app_integration_account", R"({"sku_name": "Basic"})",
                           "westeurope")
              .monthly_after->to_cents_string() == "300.00");
    // 730 x azure/mysql_single_server/B_Gen5_2/eastus 0.068 = 49.64.
    CHECK(estimate_created("azurerm_mysql_server", R"({"sku_name": "B_Gen5_2"})", "eastus")
              .monthly_after->to_cents_string() == "49.64");
    // 730 x azure/ddos_protection/plan/westeurope 4.032260274 = 2,943.55.
    CHECK(estimate_created("azurerm_network_ddos_protection_plan", "{}", "westeurope")
              .monthly_after->to_cents_string() == "2943.55");
    // 1 x azure/notification_hubs/Standard/eastus 200 = 200.00; Free costs nothing.
    CHECK(estimate_created("azurerm_notification_hub_namespace", R"({"sku_name": "Standard"})",
                           "eastus")
              .monthly_after->to_cents_string() == "200.00");
    CHECK(has_note(
        estimate_created("azurerm_notification_hub_namespace", R"({"sku_name": "Free"})", "eastus"),
        "sku_name Free: no charge"));
    // 730 x azure/powerbi_embedded/A1/westeurope 1.00809589 = 735.91.
    CHECK(estimate_created("azurerm_powerbi_embedded", R"({"sku_name": "A1"})", "westeurope")
              .monthly_after->to_cents_string() == "735.91");
    // 1 x azure/static_web_apps/Standard/centralus 9 = 9.00; the Free tier costs nothing.
    CHECK(estimate_created("azurerm_static_web_app", R"({"sku_tier": "Standard"})", "centralus")
              .monthly_after->to_cents_string() == "9.00");
    CHECK(has_note(estimate_created("azurerm_static_site", "{}", "centralus"),
                   "sku_tier Free: no charge"));
    // 730 x azure/synapse/DW200c/westeurope 3.02 = 2,204.60; 2 TB x storage 23 = 46.00.
    CHECK(estimate_created("azurerm_synapse_sql_pool", R"({"sku_name": "DW200c"})", "westeurope",
                           "    storage_tb: 2\n")
              .monthly_after->to_cents_string() == "2250.60");
    // 730 x azure/traffic_manager/external_endpoint_health_check/westeurope (0.54 / 730) =
    // 0.54; 100M queries x dns_queries_first_1B 0.54 per 1M = 54.00.
    CHECK(estimate_created("azurerm_traffic_manager_external_endpoint", "{}", "westeurope")
              .monthly_after->to_cents_string() == "0.54");
    CHECK(estimate_created("azurerm_traffic_manager_profile", "{}", "westeurope",
                           "    monthly_dns_queries: 1e8\n")
              .monthly_after->to_cents_string() == "54.00");
}

TEST_CASE("logs, transit, DNS, secrets, VPN and classic load balancers priced from their rows",
          "[pricing][types]") {
    SECTION("a log group by class: ingestion and archival storage") {
        // 100 GB x aws/cloudwatch/logs_ingested/eu-west-1 0.57 = 57.00; 200 GB-months x
        // logs_archival_storage 0.03 = 6.00; 63.00 in all.
        const std::string usage = "    monthly_data_ingested_gb: 100\n    storage_gb: 200\n";
        const ResourceEstimate standard =
            estimate_created("aws_cloudwatch_log_group", "{}", "eu-west-1", usage);
        REQUIRE(standard.priced);
        CHECK(standard.components[0].price_key == "aws/cloudwatch/logs_ingested/eu-west-1");
        CHECK(standard.monthly_after->to_cents_string() == "63.00");
        // Infrequent Access: 100 GB x logs_ingested_infrequent_access 0.285 = 28.50; + 6.00.
        const ResourceEstimate infrequent =
            estimate_created("aws_cloudwatch_log_group",
                             R"({"log_group_class": "INFREQUENT_ACCESS"})", "eu-west-1", usage);
        REQUIRE(infrequent.priced);
        CHECK(infrequent.components[0].price_key ==
              "aws/cloudwatch/logs_ingested_infrequent_access/eu-west-1");
        CHECK(infrequent.monthly_after->to_cents_string() == "34.50");
    }
    SECTION("a transit gateway attachment by the hour and the GB") {
        // 730 x aws/vpc/transit_gateway_attachment/us-east-1 0.05 = 36.50; 1,000 GB x
        // transit_gateway_data_processed 0.02 = 20.00; 56.50 in all.
        const ResourceEstimate estimate =
            estimate_created("aws_ec2_transit_gateway_vpc_attachment", "{}", "us-east-1",
                             "    monthly_data_processed_gb: 1000\n");
        REQUIRE(estimate.priced);
        CHECK(estimate.components[0].monthly_quantity == 730);
        CHECK(estimate.monthly_after->to_cents_string() == "56.50");
    }
    SECTION("a DNS record by its queries") {
        // 50,000,000 queries = 50 x 1M at aws/route53/standard_queries_first_1B/us-east-1 0.40
        // = 20.00.
        const ResourceEstimate estimate = estimate_created(
            "aws_route53_record", "{}", "us-east-1", "    monthly_standard_queries: 50000000\n");
        REQUIRE(estimate.priced);
        CHECK(estimate.components[0].monthly_quantity == Approx(50));
        CHECK(estimate.monthly_after->to_cents_string() == "20.00");
    }
    SECTION("a secret per month and per 10K requests") {
        // 1 x aws/secrets_manager/secret/eu-west-1 0.40 = 0.40; 100,000 requests = 10 x 10K
        // at api_requests 0.05 = 0.50; 0.90 in all.
        const ResourceEstimate estimate = estimate_created(
            "aws_secretsmanager_secret", "{}", "eu-west-1", "    monthly_requests: 100000\n");
        REQUIRE(estimate.priced);
        CHECK(estimate.components[1].monthly_quantity == Approx(10));
        CHECK(estimate.monthly_after->to_cents_string() == "0.90");
    }
    SECTION("a site-to-site VPN connection by the hour") {
        // 730 x aws/vpc/site_to_site_vpn_connection/eu-west-1 0.05 = 36.50.
        const ResourceEstimate estimate = estimate_created("aws_vpn_connection", "{}", "eu-west-1");
        REQUIRE(estimate.priced);
        CHECK(estimate.components[0].price_key == "aws/vpc/site_to_site_vpn_connection/eu-west-1");
        CHECK(estimate.monthly_after->to_cents_string() == "36.50");
    }
    SECTION("a classic load balancer per month and per GB") {
        // 1 x aws/elb/clb/eu-west-1 20.44 = 20.44; 500 GB x clb_data_processed 0.008 = 4.00.
        const ResourceEstimate estimate =
            estimate_created("aws_elb", "{}", "eu-west-1", "    monthly_data_processed_gb: 500\n");
        REQUIRE(estimate.priced);
        CHECK(estimate.components[0].price_key == "aws/elb/clb/eu-west-1");
        CHECK(estimate.monthly_after->to_cents_string() == "24.44");
    }
}

TEST_CASE("Azure zones, rules, single servers, NAT and Traffic Manager endpoints from their rows",
          "[pricing][types]") {
    // 1 x azure/dns/hosted_zone/westeurope 0.50 = 0.50.
    CHECK(
        estimate_created("azurerm_dns_zone", "{}", "westeurope").monthly_after->to_cents_string() ==
        "0.50");
    // 730 x azure/load_balancer/rule/eastus 0.01 = 7.30.
    CHECK(estimate_created("azurerm_lb_outbound_rule", "{}", "eastus")
              .monthly_after->to_cents_string() == "7.30");
    // 730 x azure/mariadb/B_Gen5_2/eastus 0.068 = 49.64; 50 GB x backup_storage 0.10 = 5.00.
    const ResourceEstimate mariadb =
        estimate_created("azurerm_mariadb_server", R"({"sku_name": "B_Gen5_2"})", "eastus",
                         "    additional_backup_storage_gb: 50\n");
    REQUIRE(mariadb.priced);
    CHECK(mariadb.components[0].price_key == "azure/mariadb/B_Gen5_2/eastus");
    CHECK(mariadb.monthly_after->to_cents_string() == "54.64");
    CHECK(has_note(mariadb, "storage is not priced"));
    // 730 x azure/postgresql_single_server/MO_Gen5_16/eastus 1.88960274 = 1,379.4100002.
    const ResourceEstimate postgres =
        estimate_created("azurerm_postgresql_server", R"({"sku_name": "MO_Gen5_16"})", "eastus");
    REQUIRE(postgres.priced);
    CHECK(postgres.monthly_after->to_cents_string() == "1379.41");
    // A SKU with no row names its key rather than pricing $0.
    const ResourceEstimate unknown_sku =
        estimate_created("azurerm_postgresql_server", R"({"sku_name": "GP_Gen5_64"})", "eastus");
    CHECK_FALSE(unknown_sku.priced);
    CHECK(has_note(unknown_sku,
                   "no price in the catalog for azure/postgresql_single_server/GP_Gen5_64/eastus"));
    // 1 x azure/nat_gateway/nat_gateway/westeurope 32.85 = 32.85; 1,000 GB x
    // nat_data_processed 0.045 = 45.00; 77.85 in all.
    CHECK(estimate_created("azurerm_nat_gateway", "{}", "westeurope",
                           "    monthly_data_processed_gb: 1000\n")
              .monthly_after->to_cents_string() == "77.85");
    // 730 x azure/traffic_manager/azure_endpoint_health_check/westeurope 0.0004931506849
    // (0.36 / 730) = 0.36; the nested endpoint's rate is the same.
    CHECK(estimate_created("azurerm_traffic_manager_azure_endpoint", "{}", "westeurope")
              .monthly_after->to_cents_string() == "0.36");
    const ResourceEstimate nested =
        estimate_created("azurerm_traffic_manager_nested_endpoint", "{}", "westeurope");
    CHECK(nested.components.at(0).price_key ==
          "azure/traffic_manager/nested_endpoint_health_check/westeurope");
    CHECK(nested.monthly_after->to_cents_string() == "0.36");
}

TEST_CASE("GCP addresses, Cloud NAT, VPN tunnels and subscriptions priced from their rows",
          "[pricing][types]") {
    // 730 x gcp/external_ip/ip_vm/us-central1 0.005 = 3.65; an internal address is free.
    const ResourceEstimate external =
        estimate_created("google_compute_address", "{}", "us-central1");
    REQUIRE(external.priced);
    CHECK(external.monthly_after->to_cents_string() == "3.65");
    CHECK(has_note(external, "ip_unused"));
    const ResourceEstimate internal = estimate_created(
        "google_compute_address", R"({"address_type": "INTERNAL"})", "us-central1");
    CHECK(internal.priced);
    CHECK(has_note(internal, "address_type INTERNAL: no charge"));
    // 730 x gcp/cloud_nat/nat_gateway/europe-west2 0.0448 = 32.704; 200 GB x
    // nat_data_processed 0.045 = 9.00; 41.704 -> 41.70.
    CHECK(estimate_created("google_compute_router_nat", "{}", "europe-west2",
                           "    monthly_data_processed_gb: 200\n")
              .monthly_after->to_cents_string() == "41.70");
    // 730 x gcp/vpn/vpn_tunnel/europe-west2 0.06 = 43.80 (us-central1 is 0.05).
    CHECK(estimate_created("google_compute_vpn_tunnel", "{}", "europe-west2")
              .monthly_after->to_cents_string() == "43.80");
    // 2 TiB x gcp/pubsub/message_delivery/us-central1 40 = 80.00; 10 GiB-months x
    // retained_acknowledged_message_storage 0.27 = 2.70; 82.70 in all.
    CHECK(estimate_created("google_pubsub_subscription", "{}", "us-central1",
                           "    monthly_message_data_tib: 2\n    storage_gb: 10\n")
              .monthly_after->to_cents_string() == "82.70");
}
