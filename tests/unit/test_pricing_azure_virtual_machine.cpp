#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::testing;

namespace {

ResourceEstimate estimate_in_eastus(const std::string& type, const std::string& after) {
    Resource resource = terraform_resource(type + ".a", type, Action::create, "", after);
    resource.region = "eastus";
    return estimate_one(resource);
}

const std::string k_os_disk =
    R"("os_disk": [{"storage_account_type": "Standard_LRS", "disk_size_gb": 30}])";

} // namespace

TEST_CASE("Azure spot VMs, scale sets and AKS node pools are priced at pay-as-you-go as their "
          "ceiling, and say so",
          "[pricing][azure]") {
    // Before, spot capacity was priced as pay-as-you-go with no word of it.
    SECTION("a virtual machine") {
        // 730 hours x $0.096 (Standard_D2s_v3, eastus) = $70.08; a 30 GB Standard_LRS OS
        // disk is an S4 at $1.54 a month; $71.62 in all.
        const ResourceEstimate spot = estimate_in_eastus(
            "azurerm_linux_virtual_machine",
            R"({"size": "Standard_D2s_v3", "priority": "Spot", )" + k_os_disk + "}");
        REQUIRE(spot.priced);
        CHECK(spot.monthly_after->to_cents_string() == "71.62");
        CHECK(spot.components.at(0).name == "Virtual machine (Linux, spot, Standard_D2s_v3)");
        CHECK(has_note(spot, "spot capacity priced at the pay-as-you-go rate, an upper bound"));

        const ResourceEstimate regular = estimate_in_eastus(
            "azurerm_linux_virtual_machine",
            R"({"size": "Standard_D2s_v3", "priority": "Regular", )" + k_os_disk + "}");
        CHECK(regular.monthly_after == spot.monthly_after);
        CHECK(regular.components.at(0).name ==
              "Virtual machine (Linux, pay-as-you-go, Standard_D2s_v3)");
        CHECK_FALSE(has_note(regular, "spot"));
    }
    SECTION("a scale set") {
        // 3 x 730 hours x $0.096 = $210.24; 3 S4 OS disks x $1.54 = $4.62.
        const ResourceEstimate spot = estimate_in_eastus(
            "azurerm_linux_virtual_machine_scale_set",
            R"({"sku": "Standard_D2s_v3", "instances": 3, "priority": "Spot", )" + k_os_disk + "}");
        CHECK(spot.monthly_after->to_cents_string() == "214.86");
        CHECK(has_note(spot, "an upper bound"));
    }
    SECTION("an AKS node pool") {
        // 2 nodes x 730 hours x $0.096 = $140.16.
        const ResourceEstimate spot = estimate_in_eastus(
            "azurerm_kubernetes_cluster_node_pool",
            R"({"vm_size": "Standard_D2s_v3", "node_count": 2, "priority": "Spot"})");
        CHECK(spot.monthly_after->to_cents_string() == "140.16");
        CHECK(spot.components.at(0).name == "Nodes (Linux, spot, Standard_D2s_v3)");
    }
}

TEST_CASE("an Azure VM size is matched without regard to case, as Azure reads it",
          "[pricing][azure]") {
    // Before, `standard_d2s_v3` named no catalog row and the VM was unpriced.
    // 730 hours x $0.096 (Standard_D2s_v3, eastus) = $70.08, plus the S4 OS disk's $1.54.
    const ResourceEstimate lower = estimate_in_eastus(
        "azurerm_linux_virtual_machine", R"({"size": "standard_d2s_v3", )" + k_os_disk + "}");
    REQUIRE(lower.priced);
    CHECK(lower.monthly_after->to_cents_string() == "71.62");
    CHECK(lower.components.at(0).name == "Virtual machine (Linux, pay-as-you-go, Standard_D2s_v3)");
    // 2 x 730 hours x $0.096 = $140.16 of nodes in an AKS cluster's default pool.
    const ResourceEstimate pool = estimate_in_eastus(
        "azurerm_kubernetes_cluster",
        R"({"default_node_pool": [{"vm_size": "STANDARD_D2S_V3", "node_count": 2}]})");
    CHECK(pool.components.at(0).name ==
          "Default node pool (Linux, pay-as-you-go, Standard_D2s_v3)");
    CHECK(pool.components.at(0).monthly_cost->to_cents_string() == "140.16");
    // A size no table knows keeps its spelling and names its missing price.
    const ResourceEstimate unknown = estimate_in_eastus(
        "azurerm_linux_virtual_machine", R"({"size": "standard_z9", )" + k_os_disk + "}");
    CHECK_FALSE(unknown.priced);
    CHECK(has_note(unknown, "azure/virtual_machines/standard_z9/eastus"));
}
