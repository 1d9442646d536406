#include "machine_type.hpp"
#include "pricers.hpp"

namespace costgate::pricing::gcp {

namespace {

// The instance template a group's version names: found in the run by the self link, id or
// name the plan knows, else through the reference of the group's configuration (a template
// created with the group has none of them before apply). Absent when it is not in the run.
JsonValue instance_template(const Attributes& version, const PricingContext& context) {
    for (const char* type :
         {"google_compute_instance_template", "google_compute_region_instance_template"}) {
        if (const auto named = version.string("instance_template"))
            for (const char* key : {"self_link", "self_link_unique", "id", "name"})
                if (const JsonValue found = context.find_state(type, key, *named))
                    return found;
        if (const JsonValue found = context.referenced_state("version", type))
            return found;
    }
    return {};
}

// The autoscaler that manages the group: one whose `target` is the group's self link, or
// refers to the group in the configuration (a group created with it).
JsonValue autoscaler(const Attributes& group, const PricingContext& context) {
    for (const char* type : {"google_compute_autoscaler", "google_compute_region_autoscaler"}) {
        if (const auto self_link = group.string("self_link"))
            if (const JsonValue found = context.find_state(type, "target", *self_link))
                return found;
        if (const JsonValue found = context.referring_state(type, "target"))
            return found;
    }
    return {};
}

// How many instances the group runs: its target_size, else (an autoscaled group leaves it
// to the autoscaler) the min_replicas of the autoscaler that targets it, noted.
std::optional<double> instance_count(const Attributes& group, const PricingContext& context,
                                     StateCost& cost) {
    if (const auto size = group.number("target_size"))
        return size;
    const JsonValue found = autoscaler(group, context);
    if (!found)
        return std::nullopt;
    const auto policies = Attributes(found, {}).blocks("autoscaling_policy");
    const auto minimum = policies.empty() ? std::nullopt : policies.front().number("min_replicas");
    if (!minimum)
        return std::nullopt;
    const auto maximum = policies.front().number("max_replicas");
    cost.notes.push_back("no target_size: priced at its autoscaler's min_replicas (" +
                         format_amount(*minimum) + ")" +
                         (maximum
                              ? "; it may scale to max_replicas (" + format_amount(*maximum) + ")"
                              : std::string()));
    return minimum;
}

// `count` instances of what the template describes: machine type hours, disks, GPUs.
void add_template_instances(StateCost& cost, const Attributes& properties, double count,
                            const PricingContext& context) {
    const auto machine_type = properties.string("machine_type");
    if (!machine_type) {
        cost.add_unpriced("Instances", "the instance template's machine_type is not in the plan");
        return;
    }
    const Provisioning provisioning = provisioning_of(properties);
    add_machines(cost, *machine_type, count, "Instances", provisioning, context);
    const auto disks = properties.blocks("disk");
    for (std::size_t index = 0; index < disks.size(); ++index) {
        const Attributes& disk = disks[index];
        const auto type = disk.string("disk_type");
        if (disk.string("type").value_or("") == "SCRATCH" || type.value_or("") == "local-ssd") {
            add_local_ssds(cost, count, provisioning, context);
            continue;
        }
        // An existing disk attached by name is priced as its own google_compute_disk.
        if (disk.string("source"))
            continue;
        const std::string label = "disk[" + std::to_string(index) + "]";
        add_image_disks(cost, type, disk.number("disk_size_gb"), count, label, label, context);
    }
    add_accelerators(cost, properties, count);
}

} // namespace

StateCost price_instance_group_manager(const Attributes& attributes,
                                       const PricingContext& context) {
    StateCost cost;
    const auto versions = attributes.blocks("version");
    if (versions.size() > 1) {
        cost.add_unpriced("Instances (several versions)",
                          "groups with several versions (canary updates) are not priced yet");
        return cost;
    }
    const auto count = instance_count(attributes, context, cost);
    if (!count) {
        cost.add_unpriced("Instances", "target_size is not set (the group is autoscaled) and no "
                                       "autoscaler in the plan with min_replicas targets it");
        return cost;
    }
    const JsonValue found =
        versions.empty() ? JsonValue() : instance_template(versions.front(), context);
    if (!found) {
        cost.add_unpriced("Instances (instance template)",
                          "the instance template the group's version names is not in the plan");
        return cost;
    }
    add_template_instances(cost, Attributes(found, {}), *count, context);
    return cost;
}

} // namespace costgate::pricing::gcp
