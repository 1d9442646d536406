// Azure types of issue #17's third pass, priced from their data rows
// (src/pricing/types/resource_types.yaml). Each expected figure is worked by hand: quantity
// x the catalog's unit price, named in the comment.
#include "costgate/pricing/resource_type.hpp"
#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::pricing;
using namespace costgate::testing;

TEST_CASE("a storage account is priced by kind, tier, replication and access tier from usage",
          "[pricing][types][azure]") {
    SECTION("a Hot StorageV2 account with usage") {
        // westus: 500 GB x azure/storage/StorageV2|Standard|LRS|Hot|capacity 0.0208 = 10.40;
        // 1,000,000 writes = 100 x 10K x write_operations 0.055 = 5.50; 5,000,000 reads =
        // 500 x 10K x read_operations 0.0045 = 2.25; total 18.15.
        const ResourceEstimate estimate =
            estimate_created("azurerm_storage_account",
                             R"({"account_kind": "StorageV2", "account_tier": "Standard",
                "account_replication_type": "LRS", "access_tier": "Hot"})",
                             "westus",
                             "    storage_gb: 500\n    monthly_write_operations: 1000000\n"
                             "    monthly_read_operations: 5000000\n");
        REQUIRE(estimate.components.size() == 5);
        CHECK(estimate.components[0].price_key ==
              "azure/storage/StorageV2|Standard|LRS|Hot|capacity/westus");
        CHECK(estimate.components[1].monthly_quantity == Approx(100));
        CHECK(estimate.components[3].monthly_quantity == Approx(500));
        // List and other operations were not given: usage-based, their unit price shown.
        CHECK(estimate.components[2].usage_based);
        CHECK(estimate.components[2].unit_price == Approx(0.055));
        CHECK(estimate.monthly_after->to_cents_string() == "18.15");
    }
    SECTION("without usage every part shows its unit price and none is taken as zero") {
        // Kind and access tier take the provider's defaults (StorageV2, Hot).
        const ResourceEstimate estimate = estimate_created(
            "azurerm_storage_account",
            R"({"account_tier": "Standard", "account_replication_type": "GRS"})", "westus");
        REQUIRE(estimate.components.size() == 5);
        for (const auto& component : estimate.components) {
            CHECK(component.usage_based);
            CHECK_FALSE(component.monthly_quantity.has_value());
        }
        CHECK(estimate.components[0].unit_price == Approx(0.0458));
    }
    SECTION("a Cool account pays for data retrieval") {
        // 1,000 GB x StorageV2|Standard|GRS|Cool|capacity 0.023 = 23.00; 50 GB x
        // data_retrieval 0.01 = 0.50; total 23.50.
        const ResourceEstimate estimate =
            estimate_created("azurerm_storage_account",
                             R"({"account_kind": "StorageV2", "account_tier": "Standard",
                "account_replication_type": "GRS", "access_tier": "Cool"})",
                             "westus", "    storage_gb: 1000\n    monthly_data_retrieval_gb: 50\n");
        REQUIRE(estimate.components.size() == 6);
        CHECK(estimate.components[5].price_key ==
              "azure/storage/StorageV2|Standard|GRS|Cool|data_retrieval/westus");
        CHECK(estimate.monthly_after->to_cents_string() == "23.50");
    }
    SECTION("block blob accounts are keyed without an access tier") {
        // 200 GB x BlockBlobStorage|Premium|ZRS|capacity 0.259 = 51.80.
        const ResourceEstimate estimate =
            estimate_created("azurerm_storage_account",
                             R"({"account_kind": "BlockBlobStorage", "account_tier": "Premium",
                "account_replication_type": "ZRS", "access_tier": "Hot"})",
                             "westus", "    storage_gb: 200\n");
        CHECK(estimate.components[0].price_key ==
              "azure/storage/BlockBlobStorage|Premium|ZRS|capacity/westus");
        CHECK(estimate.monthly_after->to_cents_string() == "51.80");
    }
    SECTION("a premium file share account bills data at rest and snapshots") {
        // 100 GB x FileStorage|Premium|LRS|Hot|data_at_rest 0.176 = 17.60; 20 GB x
        // snapshots 0.15 = 3.00; total 20.60.
        const ResourceEstimate estimate =
            estimate_created("azurerm_storage_account",
                             R"({"account_kind": "FileStorage", "account_tier": "Premium",
                "account_replication_type": "LRS", "access_tier": "Hot"})",
                             "westus", "    storage_gb: 100\n    snapshots_storage_gb: 20\n");
        REQUIRE(estimate.components.size() == 2);
        CHECK(estimate.monthly_after->to_cents_string() == "20.60");
    }
    SECTION("a region without prices names the missing key") {
        const ResourceEstimate estimate =
            estimate_created("azurerm_storage_account",
                             R"({"account_kind": "StorageV2", "account_tier": "Standard",
                "account_replication_type": "LRS", "access_tier": "Hot"})",
                             "northeurope", "    storage_gb: 100\n");
        CHECK_FALSE(estimate.priced);
        CHECK(has_note(estimate, "azure/storage/StorageV2|Standard|LRS|Hot|capacity/northeurope"));
    }
}

TEST_CASE("Redis caches by sku, family and capacity, managed Redis by sku",
          "[pricing][types][azure]") {
    SECTION("a Premium cache bills a primary and a replica node") {
        // eastus: 2 nodes x 730 hours x azure/redis_cache/Premium_P1 0.277 = 404.42. The
        // capacity is a number in the plan and keys the price as Terraform writes it.
        const ResourceEstimate estimate =
            estimate_created("azurerm_redis_cache",
                             R"({"sku_name": "Premium", "family": "P", "capacity": 1})", "eastus");
        REQUIRE(estimate.priced);
        CHECK(estimate.components[0].price_key == "azure/redis_cache/Premium_P1/eastus");
        CHECK(estimate.components[0].monthly_quantity == Approx(1460));
        CHECK(estimate.monthly_after->to_cents_string() == "404.42");
    }
    SECTION("a Basic cache is one node") {
        // 730 hours x azure/redis_cache/Basic_C4 0.21 = 153.30.
        const ResourceEstimate estimate =
            estimate_created("azurerm_redis_cache",
                             R"({"sku_name": "Basic", "family": "C", "capacity": 4})", "eastus");
        CHECK(estimate.monthly_after->to_cents_string() == "153.30");
    }
    SECTION("a size the catalog lacks is unpriced with its key") {
        const ResourceEstimate estimate =
            estimate_created("azurerm_redis_cache",
                             R"({"sku_name": "Standard", "family": "C", "capacity": 1})", "eastus");
        CHECK_FALSE(estimate.priced);
        CHECK(has_note(estimate, "azure/redis_cache/Standard_C1/eastus"));
    }
    SECTION("managed Redis") {
        // 730 hours x azure/managed_redis/Balanced_B3 0.065 = 47.45.
        const ResourceEstimate estimate =
            estimate_created("azurerm_managed_redis", R"({"sku_name": "Balanced_B3"})", "eastus");
        CHECK(estimate.monthly_after->to_cents_string() == "47.45");
    }
}

TEST_CASE("legacy App Service plans and function apps", "[pricing][types][azure]") {
    SECTION("a legacy plan's instances at azurerm_service_plan's rows") {
        // eastus: 2 instances x 730 hours x azure/app_service/Linux|B2 0.034 = 49.64.
        const ResourceEstimate estimate = estimate_created(
            "azurerm_app_service_plan",
            R"({"kind": "Linux", "sku": [{"tier": "Basic", "size": "B2", "capacity": 2}]})",
            "eastus");
        CHECK(estimate.components[0].price_key == "azure/app_service/Linux|B2/eastus");
        CHECK(estimate.monthly_after->to_cents_string() == "49.64");
    }
    SECTION("kind defaults to Windows") {
        // 1 x 730 x azure/app_service/Windows|S1 0.1 = 73.00.
        const ResourceEstimate estimate = estimate_created(
            "azurerm_app_service_plan",
            R"({"sku": [{"tier": "Standard", "size": "S1", "capacity": 1}]})", "eastus");
        CHECK(estimate.monthly_after->to_cents_string() == "73.00");
    }
    SECTION("a Consumption plan has no instances to bill") {
        const ResourceEstimate estimate = estimate_created(
            "azurerm_app_service_plan",
            R"({"kind": "FunctionApp", "sku": [{"tier": "Dynamic", "size": "Y1"}]})", "eastus");
        CHECK(estimate.priced);
        CHECK(estimate.components.empty());
        CHECK(has_note(estimate, "sku.tier Dynamic: no charge"));
    }
    SECTION("an Elastic Premium plan has no price yet and says so") {
        const ResourceEstimate estimate = estimate_created(
            "azurerm_app_service_plan",
            R"({"kind": "elastic", "sku": [{"tier": "ElasticPremium", "size": "EP1"}]})", "eastus");
        CHECK_FALSE(estimate.priced);
        CHECK(has_note(estimate, "no price for azurerm_app_service_plan with kind elastic"));
    }
    for (const char* type :
         {"azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_function_app"}) {
        SECTION(std::string("executions and GB-seconds of ") + type) {
            // eastus: 10M executions = 10 x azure/functions/executions 0.2 = 2.00; 500,000
            // GB-s x execution_time 0.000016 = 8.00; total 10.00.
            const ResourceEstimate estimate =
                estimate_created(type, R"({"name": "f"})", "eastus",
                                 "    monthly_executions: 10000000\n"
                                 "    monthly_execution_gb_seconds: 500000\n");
            CHECK(estimate.components[0].monthly_quantity == Approx(10));
            CHECK(estimate.monthly_after->to_cents_string() == "10.00");
        }
    }
}

TEST_CASE("elastic pools and legacy SQL names", "[pricing][types][azure]") {
    SECTION("a DTU pool by sku name and DTUs") {
        // westeurope: 730 x azure/sql_elastic_pool/StandardPool|200 0.6041643836 = 441.04.
        const ResourceEstimate estimate = estimate_created(
            "azurerm_mssql_elasticpool",
            R"({"sku": [{"name": "StandardPool", "tier": "Standard", "capacity": 200}]})",
            "westeurope");
        CHECK(estimate.components[0].price_key ==
              "azure/sql_elastic_pool/StandardPool|200/westeurope");
        CHECK(estimate.monthly_after->to_cents_string() == "441.04");
    }
    SECTION("a vCore pool by sku name and vCores") {
        // 730 x azure/sql_elastic_pool/GP_Gen5|4 0.6697534247 = 488.92.
        const ResourceEstimate estimate = estimate_created(
            "azurerm_mssql_elasticpool",
            R"({"sku": [{"name": "GP_Gen5", "tier": "GeneralPurpose", "capacity": 4}]})",
            "westeurope");
        CHECK(estimate.monthly_after->to_cents_string() == "488.92");
    }
    SECTION("the legacy pool by edition and dtu") {
        // 730 x azure/sql_elastic_pool/BasicPool|100 0.2016712329 = 147.22.
        const ResourceEstimate estimate = estimate_created(
            "azurerm_sql_elasticpool", R"({"edition": "Basic", "dtu": 100})", "westeurope");
        CHECK(estimate.monthly_after->to_cents_string() == "147.22");
    }
    SECTION("the legacy database by service objective") {
        // eastus: 730 x azure/sql_database/S1 0.04031506849 = 29.43.
        const ResourceEstimate estimate = estimate_created(
            "azurerm_sql_database", R"({"requested_service_objective_name": "S1"})", "eastus");
        CHECK(estimate.monthly_after->to_cents_string() == "29.43");
    }
}

TEST_CASE("DNS records, snapshots, images, Bastion and SignalR", "[pricing][types][azure]") {
    SECTION("public and private DNS record queries") {
        // westeurope: 2M queries = 2 x azure/dns/queries_first_1B 0.4 = 0.80.
        CHECK(estimate_created("azurerm_dns_txt_record", "{}", "westeurope",
                               "    monthly_queries: 2000000\n")
                  .monthly_after->to_cents_string() == "0.80");
        // 5M queries = 5 x azure/dns/private_queries_first_1B 0.4 = 2.00.
        const ResourceEstimate estimate = estimate_created(
            "azurerm_private_dns_srv_record", "{}", "westeurope", "    monthly_queries: 5000000\n");
        CHECK(estimate.components[0].price_key == "azure/dns/private_queries_first_1B/westeurope");
        CHECK(estimate.monthly_after->to_cents_string() == "2.00");
    }
    SECTION("a snapshot and an image at their size") {
        // westeurope: 128 GB x azure/snapshots/snapshot 0.05 = 6.40.
        CHECK(estimate_created("azurerm_snapshot", R"({"disk_size_gb": 128})", "westeurope")
                  .monthly_after->to_cents_string() == "6.40");
        // 30 GB x azure/snapshots/image 0.05 = 1.50.
        CHECK(estimate_created("azurerm_image", R"({"os_disk": [{"size_gb": 30}]})", "westeurope")
                  .monthly_after->to_cents_string() == "1.50");
    }
    SECTION("a Bastion host, Basic by default, and a free Developer one") {
        // australiaeast: 730 x azure/bastion/Basic 0.19 = 138.70; 100 GB x
        // outbound_data_first_10TB 0.12 = 12.00; total 150.70.
        CHECK(estimate_created("azurerm_bastion_host", "{}", "australiaeast",
                               "    monthly_outbound_data_gb: 100\n")
                  .monthly_after->to_cents_string() == "150.70");
        const ResourceEstimate developer =
            estimate_created("azurerm_bastion_host", R"({"sku": "Developer"})", "australiaeast");
        CHECK(developer.priced);
        CHECK(developer.components.empty());
        const ResourceEstimate standard =
            estimate_created("azurerm_bastion_host", R"({"sku": "Standard"})", "australiaeast");
        CHECK_FALSE(standard.priced);
        CHECK(has_note(standard, "azure/bastion/Standard/australiaeast"));
    }
    SECTION("SignalR units and additional messages") {
        // westeurope: 2 units x 730 x azure/signalr/Standard_S1 0.06708219178 = 97.94;
        // 3M messages x Standard_S1_additional_messages 1 = 3.00; total 100.94.
        CHECK(estimate_created("azurerm_signalr_service",
                               R"({"sku": [{"name": "Standard_S1", "capacity": 2}]})", "westeurope",
                               "    monthly_additional_messages: 3000000\n")
                  .monthly_after->to_cents_string() == "100.94");
        CHECK(estimate_created("azurerm_signalr_service",
                               R"({"sku": [{"name": "Free_F1", "capacity": 1}]})", "westeurope")
                  .components.empty());
    }
}

TEST_CASE("SQL Managed Instance compute and license by vCores", "[pricing][types][azure]") {
    // westeurope: 730 x azure/sql_managed_instance/GP_Gen5|4 0.6697534247 = 488.92; the
    // license: 4 vCores x 730 = 2,920 vCore-hours x license 0.09996575342 = 291.90; 32 GB x
    // storage 0.136875 = 4.38; total 785.20.
    const ResourceEstimate included = estimate_created(
        "azurerm_mssql_managed_instance",
        R"({"sku_name": "GP_Gen5", "vcores": 4, "license_type": "LicenseIncluded"})", "westeurope",
        "    additional_storage_gb: 32\n");
    REQUIRE(included.components.size() == 3);
    CHECK(included.components[1].monthly_quantity == Approx(2920));
    CHECK(included.monthly_after->to_cents_string() == "785.20");
    // With the customer's own license (BasePrice) the legacy type bills compute only: 488.92.
    const ResourceEstimate own = estimate_created(
        "azurerm_sql_managed_instance",
        R"({"sku_name": "GP_Gen5", "vcores": 4, "license_type": "BasePrice"})", "westeurope");
    REQUIRE(own.components.size() == 2);
    CHECK(own.monthly_after->to_cents_string() == "488.92");
}

TEST_CASE("Virtual WAN hubs and gateways, Machine Learning compute clusters",
          "[pricing][types][azure]") {
    SECTION("a Standard hub and the data it processes") {
        // westeurope: 730 x azure/virtual_wan/hub 0.25 = 182.50; 1,000 GB x
        // hub_data_processed 0.02 = 20.00; total 202.50.
        CHECK(estimate_created("azurerm_virtual_hub", "{}", "westeurope",
                               "    monthly_data_processed_gb: 1000\n")
                  .monthly_after->to_cents_string() == "202.50");
    }
    SECTION("VPN and ExpressRoute gateways by scale unit") {
        // 2 units x 730 x azure/virtual_wan/s2s_vpn_scale_unit 0.361 = 527.06.
        CHECK(estimate_created("azurerm_vpn_gateway", R"({"scale_unit": 2})", "westeurope")
                  .monthly_after->to_cents_string() == "527.06");
        // 1 unit x 730 x expressroute_scale_unit 0.42 = 306.60.
        CHECK(
            estimate_created("azurerm_express_route_gateway", R"({"scale_units": 1})", "westeurope")
                .monthly_after->to_cents_string() == "306.60");
    }
    SECTION("a compute cluster's always-running nodes at the VM size's rate") {
        // westeurope: 1 node x 730 x azure/virtual_machines/Standard_D4s_v3 0.24 = 175.20.
        const ResourceEstimate estimate =
            estimate_created("azurerm_machine_learning_compute_cluster",
                             R"({"vm_size": "Standard_D4s_v3", "vm_priority": "Dedicated",
                "scale_settings": [{"min_node_count": 1, "max_node_count": 4}]})",
                             "westeurope");
        CHECK(estimate.components[0].price_key ==
              "azure/virtual_machines/Standard_D4s_v3/westeurope");
        CHECK(estimate.monthly_after->to_cents_string() == "175.20");
        // Low priority is spot capacity, priced at its ceiling as spot VMs are (it was
        // unpriced): 2 nodes x 730 x 0.24 = 350.40.
        const ResourceEstimate low_priority =
            estimate_created("azurerm_machine_learning_compute_cluster",
                             R"({"vm_size": "Standard_D4s_v3", "vm_priority": "LowPriority",
                "scale_settings": [{"min_node_count": 2, "max_node_count": 4}]})",
                             "westeurope");
        REQUIRE(low_priority.priced);
        CHECK(low_priority.monthly_after->to_cents_string() == "350.40");
        CHECK(low_priority.components[0].name ==
              "Nodes (low priority, at the pay-as-you-go rate: an upper bound)");
    }
}

TEST_CASE("the legacy scale set at the VM scale set rates", "[pricing][types][azure]") {
    // eastus: 3 instances x 730 hours = 2,190 hours x azure/virtual_machines/Standard_D2s_v3
    // 0.096 = 210.24; each instance's Standard_LRS OS disk of the Linux image's 30 GB is an
    // S4: 3 x azure/managed_disks/standard_hdd_S4_LRS 1.54 = 4.62; total 214.86.
    const ResourceEstimate linux = estimate_created("azurerm_virtual_machine_scale_set", R"({
        "sku": [{"name": "Standard_D2s_v3", "tier": "Standard", "capacity": 3}],
        "storage_profile_os_disk": [{"managed_disk_type": "Standard_LRS"}]})",
                                                    "eastus");
    REQUIRE(linux.components.size() == 2);
    CHECK(linux.components[0].price_key == "azure/virtual_machines/Standard_D2s_v3/eastus");
    CHECK(linux.components[0].monthly_quantity == Approx(2190));
    CHECK(linux.components[1].price_key == "azure/managed_disks/standard_hdd_S4_LRS/eastus");
    CHECK(linux.components[1].monthly_quantity == Approx(3));
    CHECK(linux.monthly_after->to_cents_string() == "214.86");
    // Windows when it has os_profile_windows_config: 2 x 730 x
    // azure/virtual_machines_windows/Standard_D2s_v3 0.188 = 274.48.
    const ResourceEstimate windows = estimate_created("azurerm_virtual_machine_scale_set", R"({
        "sku": [{"name": "Standard_D2s_v3", "capacity": 2}],
        "os_profile_windows_config": [{"provision_vm_agent": true}]})",
                                                      "eastus");
    CHECK(windows.components[0].price_key ==
          "azure/virtual_machines_windows/Standard_D2s_v3/eastus");
    CHECK(windows.monthly_after->to_cents_string() == "274.48");
}

TEST_CASE("Cosmos DB provisioned throughput per 100 RU/s and storage", "[pricing][types][azure]") {
    // westus: 400 RU/s = 4 x 730 = 2,920 100-RU/s-hours x azure/cosmosdb/provisioned_throughput
    // 0.008 = 23.36; 50 GB x transactional_storage 0.25 = 12.50; total 35.86.
    const ResourceEstimate database =
        estimate_created("azurerm_cosmosdb_sql_database", R"({"throughput": 400})", "westus",
                         "    storage_gb: 50\n");
    CHECK(database.components[0].monthly_quantity == Approx(2920));
    CHECK(database.monthly_after->to_cents_string() == "35.86");
    // Every API's resources share the row: 1,000 RU/s on a Cassandra table in centralus =
    // 7,300 x 0.008 = 58.40.
    CHECK(
        estimate_created("azurerm_cosmosdb_cassandra_table", R"({"throughput": 1000})", "centralus")
            .monthly_after->to_cents_string() == "58.40");
    // Elsewhere the missing key is named.
    const ResourceEstimate elsewhere =
        estimate_created("azurerm_cosmosdb_table", R"({"throughput": 400})", "eastus");
    CHECK_FALSE(elsewhere.priced);
    CHECK(has_note(elsewhere, "azure/cosmosdb/provisioned_throughput/eastus"));
}
