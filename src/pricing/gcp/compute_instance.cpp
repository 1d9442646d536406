#include "machine_type.hpp"
#include "pricers.hpp"

namespace costgate::pricing::gcp {

namespace {

void add_boot_disk(StateCost& cost, const Attributes& attributes, const PricingContext& context) {
    const auto boot = attributes.blocks("boot_disk");
    const auto params =
        boot.empty() ? std::vector<Attributes>() : boot.front().blocks("initialize_params");
    const auto size = params.empty() ? std::nullopt : params.front().number("size");
    const auto type = params.empty() ? std::nullopt : params.front().string("type");
    add_image_disks(cost, type, size, 1, "Boot disk", "boot disk", context);
}

} // namespace

StateCost price_compute_instance(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const auto machine_type = attributes.string("machine_type");
    if (!machine_type) {
        mark_unknown(cost, "machine_type");
        return cost;
    }
    const Provisioning provisioning = provisioning_of(attributes);
    add_machines(cost, *machine_type, 1, "Instance", provisioning, context);
    add_boot_disk(cost, attributes, context);
    if (const auto scratch = attributes.blocks("scratch_disk"); !scratch.empty())
        add_local_ssds(cost, static_cast<double>(scratch.size()), provisioning, context);
    add_accelerators(cost, attributes, 1);
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
    add_disks(cost, attributes.string("type").value_or(k_api_default_disk_type), *size, 1,
              "Storage", context);
    return cost;
}

} // namespace costgate::pricing::gcp
