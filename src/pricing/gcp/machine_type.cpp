#include "machine_type.hpp"

#include <regex>

namespace costgate::pricing::gcp {

namespace {

// A local SSD partition is always 375 GB.
constexpr double k_local_ssd_gb = 375;

// What a disk the configuration does not size gets: its image's size (public Linux images
// are 10 GB).
constexpr double k_default_image_disk_gb = 10;

struct CustomType {
    std::string family;
    double vcpus = 0;
    double memory_gb = 0;
    bool extended_memory = false;
};

// `custom-4-16384` is an N1 custom type; `n2-custom-4-16384-ext` has extended memory.
std::optional<CustomType> parse_custom(const std::string& machine_type) {
    // Machine type names are short; std::regex recurses per character.
    if (machine_type.size() > 64)
        return std::nullopt;
    static const std::regex k_custom(R"(^(?:([a-z0-9]+)-)?custom-([0-9]+)-([0-9]+)(-ext)?$)");
    std::smatch match;
    if (!std::regex_match(machine_type, match, k_custom))
        return std::nullopt;
    return CustomType{match[1].matched ? match[1].str() : "n1", std::stod(match[2].str()),
                      std::stod(match[3].str()) / 1024, match[4].matched};
}

} // namespace

void add_machines(StateCost& cost, const std::string& machine_type, double count,
                  const std::string& label, Provisioning provisioning,
                  const PricingContext& context) {
    if (provisioning == Provisioning::spot) {
        context.add(cost, label + " (spot, " + machine_type + ")", "hours",
                    count * k_hours_per_month, "compute_engine_spot", machine_type);
        return;
    }
    const auto custom = parse_custom(machine_type);
    if (!custom) {
        context.add(cost, label + " (on-demand, " + machine_type + ")", "hours",
                    count * k_hours_per_month, "compute_engine", machine_type);
        return;
    }
    if (custom->extended_memory) {
        cost.add_unpriced(label + " (" + machine_type + ")",
                          "extended-memory custom types are not in the catalog (" + machine_type +
                              ")");
        return;
    }
    context.add(cost, label + " vCPUs (custom " + custom->family + ")", "vCPU-hours",
                count * custom->vcpus * k_hours_per_month, "compute_engine_rates",
                custom->family + "-custom-vcpu");
    context.add(cost, label + " memory (custom " + custom->family + ")", "GB-hours",
                count * custom->memory_gb * k_hours_per_month, "compute_engine_rates",
                custom->family + "-custom-ram");
}

void add_disks(StateCost& cost, const std::string& type, double size_gb, double count,
               const std::string& label, const PricingContext& context) {
    context.add(cost, label + " (" + type + ")", "GB-months", size_gb * count, "persistent_disk",
                type);
}

void add_image_disks(StateCost& cost, const std::optional<std::string>& type,
                     std::optional<double> size_gb, double count, const std::string& label,
                     const std::string& name, const PricingContext& context) {
    if (!size_gb || !type)
        cost.notes.push_back(name + " " + (!size_gb ? "size" : "type") +
                             " not in the plan (set by the image); assumed " +
                             (size_gb ? "" : format_amount(k_default_image_disk_gb) + " GB ") +
                             type.value_or(k_api_default_disk_type));
    add_disks(cost, type.value_or(k_api_default_disk_type),
              size_gb.value_or(k_default_image_disk_gb), count, label, context);
}

void add_local_ssds(StateCost& cost, double partitions, Provisioning provisioning,
                    const PricingContext& context) {
    context.add(cost, "Local SSD (local-ssd)", "GB-months", k_local_ssd_gb * partitions,
                provisioning == Provisioning::spot ? "persistent_disk_spot" : "persistent_disk",
                "local-ssd");
}

void add_accelerators(StateCost& cost, const Attributes& machine, double count) {
    for (const Attributes& accelerator : machine.blocks("guest_accelerator"))
        cost.add_unpriced(
            "GPUs (" + format_amount(count * accelerator.number("count").value_or(1)) + " x " +
                accelerator.string("type").value_or("unknown type") + ")",
            "attached GPUs (guest_accelerator) have no regional price in the catalog");
}

Provisioning provisioning_of(const Attributes& machine) {
    const auto scheduling = machine.blocks("scheduling");
    const bool spot = !scheduling.empty() &&
                      (scheduling.front().boolean("preemptible").value_or(false) ||
                       scheduling.front().string("provisioning_model").value_or("") == "SPOT");
    return spot ? Provisioning::spot : Provisioning::on_demand;
}

} // namespace costgate::pricing::gcp
