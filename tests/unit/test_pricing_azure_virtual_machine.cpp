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

TEST_CASE("a legacy azurerm_virtual_machine: Linux or Windows by its OS profile, with its OS disk",
          "[pricing][azure]") {
    const std::string disk =
        R"("storage_os_disk": [{"managed_disk_type": "Premium_LRS", "disk_size_gb": 128}])";
    // 730 h x azure/virtual_machines/Standard_D2s_v3/eastus 0.096 = 70.08; a 128 GB
    // Premium_LRS disk is a P10 at azure/managed_disks/premium_ssd_P10_LRS/eastus 19.71;
    // 89.79 in all.
    const ResourceEstimate linux_vm = estimate_in_eastus(
        "azurerm_virtual_machine", R"({"vm_size": "Standard_D2s_v3", )" + disk + "}");
    REQUIRE(linux_vm.priced);
    CHECK(linux_vm.components.at(0).name ==
          "Virtual machine (Linux, pay-as-you-go, Standard_D2s_v3)");
    CHECK(linux_vm.components.at(1).price_key == "azure/managed_disks/premium_ssd_P10_LRS/eastus");
    CHECK(linux_vm.monthly_after->to_cents_string() == "89.79");
    // With a Windows OS profile: 730 h x azure/virtual_machines_windows/Standard_D2s_v3/eastus
    // 0.188 = 137.24; + 19.71 = 156.95.
    const ResourceEstimate windows_vm = estimate_in_eastus(
        "azurerm_virtual_machine",
        R"({"vm_size": "Standard_D2s_v3", "os_profile_windows_config": [{}], )" + disk + "}");
    REQUIRE(windows_vm.priced);
    CHECK(windows_vm.monthly_after->to_cents_string() == "156.95");
}

TEST_CASE("a Windows VM pays the Windows rate unless it brings its own license",
          "[pricing][azure]") {
    // 730 h x azure/virtual_machines_windows/Standard_D2s_v3/eastus 0.188 = 137.24; the OS
    // disk's size is the image's: 127 GB assumed, a P10 at 19.71; 156.95 in all.
    const std::string premium_disk = R"("os_disk": [{"storage_account_type": "Premium_LRS"}])";
    const ResourceEstimate windows = estimate_in_eastus(
        "azurerm_windows_virtual_machine", R"({"size": "Standard_D2s_v3", )" + premium_disk + "}");
    REQUIRE(windows.priced);
    CHECK(windows.components.at(0).name ==
          "Virtual machine (Windows, pay-as-you-go, Standard_D2s_v3)");
    CHECK(windows.monthly_after->to_cents_string() == "156.95");
    CHECK(has_note(windows, "assumed 127 GB"));
    // Azure Hybrid Benefit: the Linux rate 0.096 x 730 = 70.08; + 19.71 = 89.79.
    const ResourceEstimate hybrid = estimate_in_eastus(
        "azurerm_windows_virtual_machine",
        R"({"size": "Standard_D2s_v3", "license_type": "Windows_Server", )" + premium_disk + "}");
    REQUIRE(hybrid.priced);
    CHECK(hybrid.monthly_after->to_cents_string() == "89.79");
    CHECK(has_note(hybrid, "Azure Hybrid Benefit"));
}

TEST_CASE("a Windows scale set pays every instance and every instance's OS disk",
          "[pricing][azure]") {
    // 3 x 730 h x azure/virtual_machines_windows/Standard_D2s_v3/eastus 0.188 = 411.72;
    // 3 x S4 (30 GB Standard_LRS) at azure/managed_disks/standard_hdd_S4_LRS/eastus 1.54 =
    // 4.62; 416.34 in all.
    const ResourceEstimate estimate =
        estimate_in_eastus("azurerm_windows_virtual_machine_scale_set",
                           R"({"sku": "Standard_D2s_v3", "instances": 3, )" + k_os_disk + "}");
    REQUIRE(estimate.priced);
    CHECK(estimate.components.at(0).monthly_quantity == 2190);
    CHECK(estimate.components.at(1).monthly_quantity == 3);
    CHECK(estimate.monthly_after->to_cents_string() == "416.34");
}

TEST_CASE("a managed disk pays the smallest tier its size fits in", "[pricing][azure]") {
    // 20 GB Premium_LRS fits P4 (32 GiB): azure/managed_disks/premium_ssd_P4_LRS/eastus 5.28.
    const ResourceEstimate premium = estimate_in_eastus(
        "azurerm_managed_disk", R"({"storage_account_type": "Premium_LRS", "disk_size_gb": 20})");
    REQUIRE(premium.priced);
    CHECK(premium.components.at(0).name == "Managed disk (Premium_LRS, P4)");
    CHECK(premium.monthly_after->to_cents_string() == "5.28");
    // 100 GB Standard_LRS is above S6 (64 GiB), so S10 (128 GiB): standard_hdd_S10_LRS 5.89.
    const ResourceEstimate standard = estimate_in_eastus(
        "azurerm_managed_disk", R"({"storage_account_type": "Standard_LRS", "disk_size_gb": 100})");
    REQUIRE(standard.priced);
    CHECK(standard.monthly_after->to_cents_string() == "5.89");
    // A disk type the catalog has no tiers for is unpriced with its name, never $0.
    const ResourceEstimate ultra = estimate_in_eastus(
        "azurerm_managed_disk", R"({"storage_account_type": "UltraSSD_LRS", "disk_size_gb": 100})");
    CHECK_FALSE(ultra.priced);
    CHECK(has_note(ultra, "no managed disk prices for UltraSSD_LRS"));
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
