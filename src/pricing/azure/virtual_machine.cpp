#include "costgate/pricing/instance_specs.hpp"
#include "managed_disk_tier.hpp"
#include "pricers.hpp"

namespace costgate::pricing::azure {

namespace {

enum class Os { Linux, Windows };

// Marketplace images boot from a 30 GB (Linux) or 127 GB (Windows Server) OS disk when the
// configuration gives no size.
constexpr double k_default_linux_os_disk_gb = 30;
constexpr double k_default_windows_os_disk_gb = 127;

double default_os_disk_gb(Os os) {
    return os == Os::Windows ? k_default_windows_os_disk_gb : k_default_linux_os_disk_gb;
}

// With Azure Hybrid Benefit (`license_type` Windows_Server or Windows_Client) the customer
// brings the Windows license and Azure bills the base compute rate, which is the Linux price.
Os billed_os(Os os, const Attributes& attributes, StateCost& cost) {
    if (os != Os::Windows)
        return os;
    const auto license = attributes.string("license_type");
    if (!license || (*license != "Windows_Server" && *license != "Windows_Client"))
        return os;
    cost.notes.push_back("Azure Hybrid Benefit (license_type " + *license +
                         "): billed at the base compute (Linux) rate");
    return Os::Linux;
}

enum class Priority { regular, spot };

// Spot VMs, scale sets and AKS node pools (`priority` Spot, or Low on old scale sets) are
// billed at a market price below pay-as-you-go that the catalog does not hold (the facts'
// generator drops spot meters): pay-as-you-go is their ceiling, and a note says so.
Priority priority_of(const Attributes& attributes, StateCost& cost) {
    const std::string priority = attributes.string("priority").value_or("Regular");
    if (priority != "Spot" && priority != "Low")
        return Priority::regular;
    cost.notes.emplace_back("spot capacity priced at the pay-as-you-go rate, an upper bound: the "
                            "catalog has no Azure spot prices");
    return Priority::spot;
}

void add_vms(StateCost& cost, const std::string& written_size, double count,
             const std::string& label, Os os, const PricingContext& context,
             Priority priority = Priority::regular) {
    // Azure reads VM sizes without regard to case; the catalog keys them as Azure lists them.
    const std::string size = canonical_instance_type("azure", written_size).value_or(written_size);
    const bool windows = os == Os::Windows;
    const char* terms = priority == Priority::spot ? ", spot, " : ", pay-as-you-go, ";
    context.add(cost, label + (windows ? " (Windows" : " (Linux") + terms + size + ")", "hours",
                count * k_hours_per_month,
                windows ? "virtual_machines_windows" : "virtual_machines", size);
}

void add_os_disks(StateCost& cost, const std::vector<Attributes>& os_disk, const char* type_key,
                  const char* size_key, double count, Os os, const PricingContext& context) {
    if (os_disk.empty())
        return;
    const auto type = os_disk.front().string(type_key);
    if (!type) {
        mark_unknown(cost, std::string("os_disk.") + type_key);
        return;
    }
    const double default_gb = default_os_disk_gb(os);
    const auto size = os_disk.front().number(size_key);
    if (!size)
        cost.notes.push_back("OS disk size not in the plan (set by the image); assumed " +
                             std::to_string(static_cast<int>(default_gb)) + " GB");
    add_managed_disks(cost, *type, size.value_or(default_gb), count, "OS disk", context);
}

StateCost price_single_vm(const Attributes& attributes, const PricingContext& context, Os os) {
    StateCost cost;
    const auto size = attributes.string("size");
    if (!size) {
        mark_unknown(cost, "size");
        return cost;
    }
    add_vms(cost, *size, 1, "Virtual machine", billed_os(os, attributes, cost), context,
            priority_of(attributes, cost));
    add_os_disks(cost, attributes.blocks("os_disk"), "storage_account_type", "disk_size_gb", 1, os,
                 context);
    return cost;
}

StateCost price_scale_set(const Attributes& attributes, const PricingContext& context, Os os) {
    StateCost cost;
    const auto size = attributes.string("sku");
    const auto instances = attributes.number("instances");
    if (!size || !instances) {
        mark_unknown(cost, !size ? "sku" : "instances");
        return cost;
    }
    add_vms(cost, *size, *instances, "Instances", billed_os(os, attributes, cost), context,
            priority_of(attributes, cost));
    add_os_disks(cost, attributes.blocks("os_disk"), "storage_account_type", "disk_size_gb",
                 *instances, os, context);
    return cost;
}

} // namespace

StateCost price_linux_virtual_machine(const Attributes& attributes, const PricingContext& context) {
    return price_single_vm(attributes, context, Os::Linux);
}

StateCost price_windows_virtual_machine(const Attributes& attributes,
                                        const PricingContext& context) {
    return price_single_vm(attributes, context, Os::Windows);
}

StateCost price_virtual_machine(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const auto size = attributes.string("vm_size");
    if (!size) {
        mark_unknown(cost, "vm_size");
        return cost;
    }
    const Os os = attributes.blocks("os_profile_windows_config").empty() ? Os::Linux : Os::Windows;
    add_vms(cost, *size, 1, "Virtual machine", billed_os(os, attributes, cost), context);
    add_os_disks(cost, attributes.blocks("storage_os_disk"), "managed_disk_type", "disk_size_gb", 1,
                 os, context);
    return cost;
}

StateCost price_linux_virtual_machine_scale_set(const Attributes& attributes,
                                                const PricingContext& context) {
    return price_scale_set(attributes, context, Os::Linux);
}

StateCost price_windows_virtual_machine_scale_set(const Attributes& attributes,
                                                  const PricingContext& context) {
    return price_scale_set(attributes, context, Os::Windows);
}

StateCost price_virtual_machine_scale_set(const Attributes& attributes,
                                          const PricingContext& context) {
    StateCost cost;
    const std::vector<Attributes> sku = attributes.blocks("sku");
    if (sku.empty()) {
        mark_unknown(cost, "sku");
        return cost;
    }
    const auto size = sku.front().string("name");
    const auto instances = sku.front().number("capacity");
    if (!size || !instances) {
        mark_unknown(cost, !size ? "sku.name" : "sku.capacity");
        return cost;
    }
    const Os os = attributes.blocks("os_profile_windows_config").empty() ? Os::Linux : Os::Windows;
    add_vms(cost, *size, *instances, "Instances", billed_os(os, attributes, cost), context,
            priority_of(attributes, cost));
    add_os_disks(cost, attributes.blocks("storage_profile_os_disk"), "managed_disk_type",
                 "disk_size_gb", *instances, os, context);
    return cost;
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
        cost.add_unpriced("Cluster fee (" + attributes.string("sku_tier").value_or("") + " tier)",
                          "the Standard/Premium tier cluster fee is not in the catalog");
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
    add_vms(cost, *size, *nodes, "Default node pool", Os::Linux, context);
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
    const Os os =
        attributes.string("os_type").value_or("Linux") == "Windows" ? Os::Windows : Os::Linux;
    add_vms(cost, *size, *nodes, "Nodes", os, context, priority_of(attributes, cost));
    return cost;
}

} // namespace costgate::pricing::azure
