#include "machine_type.hpp"
#include "pricers.hpp"

namespace costgate::pricing::gcp {

namespace {

// Boot disks take the image's size and the API's default type when the configuration
// does not say; public Linux images are 10 GB, and the default type is pd-standard.
constexpr double k_default_boot_size_gb = 10;
constexpr const char* k_default_disk_type = "pd-standard";
// A local SSD partition is always 375 GB.
constexpr double k_local_ssd_gb = 375;

void add_boot_disk(StateCost& cost, const Attributes& attributes, const PricingContext& context) {
    const auto boot = attributes.blocks("boot_disk");
    const auto params =
        boot.empty() ? std::vector<Attributes>() : boot.front().blocks("initialize_params");
    const auto size = params.empty() ? std::nullopt : params.front().number("size");
    const auto type = params.empty() ? std::nullopt : params.front().string("type");
    if (!size || !type)
        cost.notes.push_back(std::string("boot disk ") + (!size ? "size" : "type") +
                             " not in the plan (set by the image); assumed " +
                             (size ? "" : "10 GB ") + (type ? *type : k_default_disk_type));
    add_disks(cost, type.value_or(k_default_disk_type), size.value_or(k_default_boot_size_gb), 1,
              "Boot disk", context);
}

} // namespace

StateCost price_compute_instance(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const auto machine_type = attributes.string("machine_type");
    if (!machine_type) {
        mark_unknown(cost, "machine_type");
        return cost;
    }
    const auto scheduling = attributes.blocks("scheduling");
    const bool spot = !scheduling.empty() &&
                      (scheduling.front().boolean("preemptible").value_or(false) ||
                       scheduling.front().string("provisioning_model").value_or("") == "SPOT");
    add_machines(cost, *machine_type, 1, "Instance",
                 spot ? Provisioning::spot : Provisioning::on_demand, context);
    add_boot_disk(cost, attributes, context);
    const auto scratch = attributes.blocks("scratch_disk");
    // A spot VM's local SSD has a spot price too; its persistent disks do not.
    if (!scratch.empty())
        context.add(cost, "Local SSD (local-ssd)", "GB-months",
                    k_local_ssd_gb * static_cast<double>(scratch.size()),
                    spot ? "persistent_disk_spot" : "persistent_disk", "local-ssd");
    for (const Attributes& accelerator : attributes.blocks("guest_accelerator"))
        cost.add_unpriced(
            "GPUs (" + format_amount(accelerator.number("count").value_or(1)) + " x " +
                accelerator.string("type").value_or("unknown type") + ")",
            "attached GPUs (guest_accelerator) have no regional price in the catalog");
    return cost;
}

StateCost price_compute_disk(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const auto size = attributes.number("size");
    if (!size) {
        // Without a size the disk takes its image's or snapshot's, which the plan does not know.
        mark_unknown(cost, "size");
        return cost;
    }
    add_disks(cost, attributes.string("type").value_or(k_default_disk_type), *size, 1, "Storage",
              context);
    return cost;
}

} // namespace costgate::pricing::gcp
