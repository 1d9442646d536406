#include "machine_type.hpp"
#include "pricers.hpp"

namespace costgate::pricing::gcp {

namespace {

// Boot disks take the image's size and the API's default type when the configuration
// does not say; public Linux images are 10 GB, and the default type is pd-standard.
constexpr double k_default_boot_size_gb = 10;
constexpr const char* k_default_disk_type = "pd-standard";

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
    add_disks(cost, attributes.string("type").value_or(k_default_disk_type), *size, 1, "Storage",
              context);
    return cost;
}

} // namespace costgate::pricing::gcp
