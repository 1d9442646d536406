#include "managed_disk_tier.hpp"
#include "pricers.hpp"

namespace costgate::azure {

namespace {

// Marketplace Linux images boot from a 30 GB OS disk when the configuration gives no size.
constexpr double k_default_os_disk_gb = 30;

void add_vms(StateCost& cost, const std::string& size, double count, const std::string& label,
             const PricingContext& context) {
    context.add(cost, label + " (Linux, pay-as-you-go, " + size + ")", "hours",
                count * k_hours_per_month, "virtual_machines", size);
}

void add_os_disks(StateCost& cost, const std::vector<Attributes>& os_disk, const char* type_key,
                  const char* size_key, double count, const PricingContext& context) {
    if (os_disk.empty())
        return;
    const auto type = os_disk.front().string(type_key);
    if (!type) {
        mark_unknown(cost, std::string("os_disk.") + type_key);
        return;
    }
    const auto size = os_disk.front().number(size_key);
    if (!size)
        cost.notes.emplace_back("OS disk size not in the plan (set by the image); assumed 30 GB");
    add_managed_disks(cost, *type, size.value_or(k_default_os_disk_gb), count, "OS disk", context);
}

StateCost windows_unpriced() {
    StateCost cost;
    cost.priced = false;
    cost.notes.emplace_back(
        "Windows VM prices are not in the catalog (it has Linux pay-as-you-go prices)");
    return cost;
}

} // namespace

StateCost price_linux_virtual_machine(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const auto size = attributes.string("size");
    if (!size) {
        mark_unknown(cost, "size");
        return cost;
    }
    add_vms(cost, *size, 1, "Virtual machine", context);
    add_os_disks(cost, attributes.blocks("os_disk"), "storage_account_type", "disk_size_gb", 1,
                 context);
    return cost;
}

StateCost price_windows_virtual_machine(const Attributes&, const PricingContext&) {
    return windows_unpriced();
}

StateCost price_virtual_machine(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const auto size = attributes.string("vm_size");
    if (!size) {
        mark_unknown(cost, "vm_size");
        return cost;
    }
    if (!attributes.blocks("os_profile_windows_config").empty())
        return windows_unpriced();
    add_vms(cost, *size, 1, "Virtual machine", context);
    add_os_disks(cost, attributes.blocks("storage_os_disk"), "managed_disk_type", "disk_size_gb", 1,
                 context);
    return cost;
}

StateCost price_linux_virtual_machine_scale_set(const Attributes& attributes,
                                                const PricingContext& context) {
    StateCost cost;
    const auto size = attributes.string("sku");
    const auto instances = attributes.number("instances");
    if (!size || !instances) {
        mark_unknown(cost, !size ? "sku" : "instances");
        return cost;
    }
    add_vms(cost, *size, *instances, "Instances", context);
    add_os_disks(cost, attributes.blocks("os_disk"), "storage_account_type", "disk_size_gb",
                 *instances, context);
    return cost;
}

StateCost price_windows_virtual_machine_scale_set(const Attributes&, const PricingContext&) {
    return windows_unpriced();
}

StateCost price_managed_disk(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const auto type = attributes.string("storage_account_type");
    const auto size = attributes.number("disk_size_gb");
    if (!type || !size) {
        mark_unknown(cost, !type ? "storage_account_type" : "disk_size_gb");
        return cost;
    }
    add_managed_disks(cost, *type, *size, 1, "Managed disk", context);
    return cost;
}

StateCost price_kubernetes_cluster(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    if (attributes.string("sku_tier").value_or("Free") != "Free") {
        cost.priced = false;
        cost.notes.emplace_back("the Standard/Premium tier cluster fee is not in the catalog");
        return cost;
    }
    const auto pools = attributes.blocks("default_node_pool");
    if (pools.empty())
        return cost;
    const auto size = pools.front().string("vm_size");
    auto nodes = pools.front().number("node_count");
    if (!nodes)
        nodes = pools.front().number("min_count");
    if (!size || !nodes) {
        mark_unknown(cost, !size ? "default_node_pool.vm_size" : "default_node_pool.node_count");
        return cost;
    }
    add_vms(cost, *size, *nodes, "Default node pool", context);
    return cost;
}

StateCost price_kubernetes_cluster_node_pool(const Attributes& attributes,
                                             const PricingContext& context) {
    StateCost cost;
    const auto size = attributes.string("vm_size");
    auto nodes = attributes.number("node_count");
    if (!nodes)
        nodes = attributes.number("min_count");
    if (!size || !nodes) {
        mark_unknown(cost, !size ? "vm_size" : "node_count");
        return cost;
    }
    if (attributes.string("os_type").value_or("Linux") != "Linux") {
        cost.priced = false;
        cost.notes.emplace_back("Windows node prices are not in the catalog");
        return cost;
    }
    add_vms(cost, *size, *nodes, "Nodes", context);
    return cost;
}

} // namespace costgate::azure
